// Fuzz target: koker::ImageReference::parse on the input as UTF-8.
//
// A reference the user types (or an archive's RepoTags names) becomes a registry host, a
// repository path in URLs and a key in the image store, so a parse that succeeds must be
// stable: its normalised form and its short form both parse back to the same reference,
// and every part of it is something the grammar allows.

#include "engine/imagereference.h"
#include "fuzzcheck.h"

#include <QtCore/QRegularExpression>
#include <QtCore/QString>

#include <cstddef>
#include <cstdint>
#include <string>

using namespace Qt::Literals::StringLiterals;

namespace {

std::string show(const QString &s)
{
    return '"' + s.left(300).toStdString() + '"';
}

bool samePieces(const koker::ImageReference &a, const koker::ImageReference &b)
{
    return a.domain() == b.domain() && a.path() == b.path() && a.tag() == b.tag() &&
           a.digest() == b.digest();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    // parse() refuses more than 1024 characters; a little more exercises that bound.
    if (size > 4096)
        return 0;
    const QString text =
        QString::fromUtf8(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    auto ref = koker::ImageReference::parse(text);
    if (!ref) {
        KOKER_FUZZ_CHECK(!ref.error().message.empty(), "an error without a message");
        return 0;
    }

    // The pieces: a domain, a path of lowercase components, a tag or a digest.
    static const QRegularExpression pathRe(
        u"^[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*)*\\z"_s);
    static const QRegularExpression tagRe(u"^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}\\z"_s);
    KOKER_FUZZ_CHECK(!ref->domain().isEmpty() && !ref->domain().contains(u'/'),
                     "domain " + show(ref->domain()) + " of " + show(text));
    KOKER_FUZZ_CHECK(pathRe.match(ref->path()).hasMatch(),
                     "path " + show(ref->path()) + " of " + show(text));
    KOKER_FUZZ_CHECK(!ref->tag().isEmpty() || ref->digest().isValid(),
                     "neither tag nor digest in " + show(text));
    KOKER_FUZZ_CHECK(ref->tag().isEmpty() || tagRe.match(ref->tag()).hasMatch(),
                     "tag " + show(ref->tag()) + " of " + show(text));
    KOKER_FUZZ_CHECK(ref->name().size() <= 255, "name longer than 255 in " + show(text));
    KOKER_FUZZ_CHECK(!ref->registryHost().isEmpty(), "no registry host for " + show(text));

    // toString() is the normalised form: it parses to the same reference, and is a
    // fixed point.
    const QString full = ref->toString();
    auto again = koker::ImageReference::parse(full);
    KOKER_FUZZ_CHECK(again.has_value(), show(full) + " (from " + show(text) + ") does not parse: " +
                                            (again ? std::string() : again.error().message));
    KOKER_FUZZ_CHECK(samePieces(*again, *ref) && *again == *ref,
                     show(full) + " parses to " + show(again->toString()));
    KOKER_FUZZ_CHECK(again->toString() == full, "toString() of " + show(full) + " is not stable");

    // familiarString() is what `koker images` prints and users copy back.
    const QString familiar = ref->familiarString();
    auto fromFamiliar = koker::ImageReference::parse(familiar);
    KOKER_FUZZ_CHECK(fromFamiliar.has_value(),
                     show(familiar) + " (from " + show(text) + ") does not parse: " +
                         (fromFamiliar ? std::string() : fromFamiliar.error().message));
    KOKER_FUZZ_CHECK(samePieces(*fromFamiliar, *ref), show(familiar) + " parses to " +
                                                          show(fromFamiliar->toString()) +
                                                          ", not " + show(full));
    KOKER_FUZZ_CHECK(familiar.startsWith(ref->familiarName()),
                     show(familiar) + " does not start with its familiarName()");

    // withTag()/withDigest() with the reference's own parts change nothing.
    KOKER_FUZZ_CHECK(ref->withTag(ref->tag()).withDigest(ref->digest()) == *ref,
                     "withTag/withDigest of " + show(full));
    return 0;
}
