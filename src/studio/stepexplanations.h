#pragma once

// The lesson behind each step: for every key the engine gives a step
// ("mount.overlay", "cgroup.limit.memory", ...) a few sentences for students and
// the manual pages to read next. Keys the catalogue does not know fall back to
// their prefix ("net.link.foo" -> "net.link" -> "net"), then to the step's phase,
// so a new engine step is never shown without any explanation; the GUI tests
// scan the source tree so that it does not stay that way for long.

#include "runtime/step.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QString>
#include <QtCore/QStringList>
#include <QtCore/QUrl>

namespace koker::studio {

/// What the catalogue says about one step.
struct StepExplanation
{
    QString key;            // the entry that answered ("mount.overlay", or "net" for a fallback)
    QString text;           // 2-4 sentences for students, translated
    QStringList references; // "clone3(2)", "kernel:overlayfs", ...
    bool exact = false;     // false when a prefix or the phase answered
    bool rollback = false;  // a "rollback.*" key: undoing an earlier step
};

class StepExplanations
{
    Q_DECLARE_TR_FUNCTIONS(StepExplanations)

public:
    /// The explanation for a step key (rollback.* explained as undoing its step).
    static StepExplanation explain(const QString &key, Phase phase = Phase::Process);
    /// True when the catalogue has an entry for exactly this key.
    static bool hasEntry(const QString &key);
    /// Every key with an entry, the prefix entries ("net", "cgroup") included.
    static QStringList keys();
    /// "clone3(2)" -> "clone3(2)"; "kernel:overlayfs" -> "overlayfs (kernel docs)".
    static QString referenceLabel(const QString &reference);
    /// Where to read a reference: man7.org for man pages, kernel.org and the OCI specs for docs.
    static QUrl referenceUrl(const QString &reference);
    /// The references as HTML links, comma-separated, for a QLabel with openExternalLinks.
    static QString referencesHtml(const QStringList &references);
};

} // namespace koker::studio
