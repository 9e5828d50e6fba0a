#pragma once

// Docker-style flags for one subcommand: short and long names, values given as
// "--name=v", "--name v", "-n v" or "-nv", grouped booleans ("-it"), repeatable
// flags ("-e A=1 -e B=2"), "--" to end flags, and for commands like `run` the
// first positional argument ends flag parsing (the rest belongs to the container).

#include <QtCore/QHash>
#include <QtCore/QString>
#include <QtCore/QStringList>

namespace koker::cli {

class ArgParser
{
public:
    /// A boolean flag, e.g. addFlag(u'd', "detach", "Run in the background").
    void addFlag(QChar shortName, const QString &longName, const QString &help);
    /// A flag with a value, e.g. addOption(u'e', "env", "KEY=VALUE", "Set an environment
    /// variable").
    void addOption(QChar shortName, const QString &longName, const QString &valueName,
                   const QString &help);
    /// Flags after the first positional argument are positional (for run/exec).
    void setStopAtFirstPositional(bool stop) { m_stopAtPositional = stop; }

    /// Parse; false with errorText() set on an unknown flag or a missing value.
    bool parse(const QStringList &args);
    QString errorText() const { return m_error; }

    bool isSet(const QString &longName) const { return m_values.contains(longName); }
    QString value(const QString &longName, const QString &fallback = {}) const;
    QStringList values(const QString &longName) const { return m_values.value(longName); }
    QStringList positional() const { return m_positional; }
    bool helpRequested() const { return m_help; }

    /// The flag table for --help.
    QString helpText() const;

private:
    struct Spec
    {
        QChar shortName;
        QString longName;
        QString valueName; // empty: a boolean flag
        QString help;
    };
    const Spec *findLong(const QString &name) const;
    const Spec *findShort(QChar name) const;

    QList<Spec> m_specs;
    QHash<QString, QStringList> m_values;
    QStringList m_positional;
    QString m_error;
    bool m_stopAtPositional = false;
    bool m_help = false;
};

} // namespace koker::cli
