// ImageReference::parse: Docker's reference grammar and normalisation, as in
// github.com/distribution/reference (normalize.go, regexp.go, reference_test.go).
// Each row is one reference as a user types it; `normalized` is toString() or
// "ERROR", `familiar` the short form Docker prints, `error` a piece of the message.

#include "engine/imagereference.h"

#include <QtCore/QRegularExpression>
#include <QtTest/QTest>

#include <random>

using namespace Qt::Literals::StringLiterals;
using koker::Digest;
using koker::ErrorCode;
using koker::ImageReference;

namespace {

// sha256("") and sha256("abc"): well-formed digests to put after '@'.
const QString kHexA = u"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"_s;
const QString kHexB = u"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"_s;
const QString kDigestA = u"sha256:"_s + kHexA;
const QString kDigestB = u"sha256:"_s + kHexB;

const QString kError = u"ERROR"_s;

} // namespace

class TestImageReference : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data();
    void parse();
    void components_data();
    void components();
    void registryHost_data();
    void registryHost();
    void withTagAndDigest();
    void equality();
    void grammarMatchesTheRegularExpressions_data();
    void grammarMatchesTheRegularExpressions();
};

void TestImageReference::parse_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("normalized");
    QTest::addColumn<QString>("familiar");
    QTest::addColumn<QString>("error");

    // Docker Hub normalisation.
    QTest::newRow("official image")
        << u"busybox"_s << u"docker.io/library/busybox:latest"_s << u"busybox:latest"_s << u""_s;
    QTest::newRow("official with tag")
        << u"busybox:1.36"_s << u"docker.io/library/busybox:1.36"_s << u"busybox:1.36"_s << u""_s;
    QTest::newRow("library prefix") << u"library/busybox"_s << u"docker.io/library/busybox:latest"_s
                                    << u"busybox:latest"_s << u""_s;
    QTest::newRow("docker.io without library")
        << u"docker.io/busybox"_s << u"docker.io/library/busybox:latest"_s << u"busybox:latest"_s
        << u""_s;
    QTest::newRow("docker.io with library")
        << u"docker.io/library/busybox:1"_s << u"docker.io/library/busybox:1"_s << u"busybox:1"_s
        << u""_s;
    QTest::newRow("legacy index domain")
        << u"index.docker.io/library/busybox"_s << u"docker.io/library/busybox:latest"_s
        << u"busybox:latest"_s << u""_s;
    QTest::newRow("legacy index domain short")
        << u"index.docker.io/busybox"_s << u"docker.io/library/busybox:latest"_s
        << u"busybox:latest"_s << u""_s;
    QTest::newRow("user repo") << u"user/repo"_s << u"docker.io/user/repo:latest"_s
                               << u"user/repo:latest"_s << u""_s;
    QTest::newRow("user repo on docker.io")
        << u"docker.io/user/repo:v2"_s << u"docker.io/user/repo:v2"_s << u"user/repo:v2"_s << u""_s;
    QTest::newRow("nested library keeps prefix")
        << u"docker.io/library/a/b"_s << u"docker.io/library/a/b:latest"_s
        << u"library/a/b:latest"_s << u""_s;
    QTest::newRow("deep path") << u"a/b/c/d"_s << u"docker.io/a/b/c/d:latest"_s
                               << u"a/b/c/d:latest"_s << u""_s;
    QTest::newRow("registry-1 is its own domain")
        << u"registry-1.docker.io/library/busybox"_s
        << u"registry-1.docker.io/library/busybox:latest"_s
        << u"registry-1.docker.io/library/busybox:latest"_s << u""_s;

    // Other registries.
    QTest::newRow("localhost") << u"localhost/foo"_s << u"localhost/foo:latest"_s
                               << u"localhost/foo:latest"_s << u""_s;
    QTest::newRow("localhost port tag")
        << u"localhost:5000/foo:tag"_s << u"localhost:5000/foo:tag"_s << u"localhost:5000/foo:tag"_s
        << u""_s;
    QTest::newRow("ipv4 port deep path")
        << u"127.0.0.1:5000/a/b/c:1.0"_s << u"127.0.0.1:5000/a/b/c:1.0"_s
        << u"127.0.0.1:5000/a/b/c:1.0"_s << u""_s;
    QTest::newRow("ipv6 port") << u"[::1]:5000/foo"_s << u"[::1]:5000/foo:latest"_s
                               << u"[::1]:5000/foo:latest"_s << u""_s;
    QTest::newRow("ipv6 no port") << u"[::1]/foo"_s << u"[::1]/foo:latest"_s
                                  << u"[::1]/foo:latest"_s << u""_s;
    QTest::newRow("ipv6 full tag")
        << u"[2001:db8::1]:5000/foo:v1"_s << u"[2001:db8::1]:5000/foo:v1"_s
        << u"[2001:db8::1]:5000/foo:v1"_s << u""_s;
    QTest::newRow("ghcr") << u"ghcr.io/owner/image:main"_s << u"ghcr.io/owner/image:main"_s
                          << u"ghcr.io/owner/image:main"_s << u""_s;
    QTest::newRow("single component on other registry")
        << u"example.com/foo"_s << u"example.com/foo:latest"_s << u"example.com/foo:latest"_s
        << u""_s;
    QTest::newRow("uppercase domain allowed") << u"Example.com/foo"_s << u"Example.com/foo:latest"_s
                                              << u"Example.com/foo:latest"_s << u""_s;
    // normalize.go: an uppercase first component cannot be a namespace, so it is a domain.
    QTest::newRow("uppercase first component is a domain")
        << u"Foo/bar"_s << u"Foo/bar:latest"_s << u"Foo/bar:latest"_s << u""_s;
    QTest::newRow("hyphen in domain")
        << u"my-registry.local:443/x"_s << u"my-registry.local:443/x:latest"_s
        << u"my-registry.local:443/x:latest"_s << u""_s;
    // A single element is never a domain (normalize.go FIXME), so these are names.
    QTest::newRow("bare localhost is a name")
        << u"localhost"_s << u"docker.io/library/localhost:latest"_s << u"localhost:latest"_s
        << u""_s;
    QTest::newRow("bare host:port is name:tag")
        << u"localhost:5000"_s << u"docker.io/library/localhost:5000"_s << u"localhost:5000"_s
        << u""_s;
    QTest::newRow("bare dotted name")
        << u"example.com"_s << u"docker.io/library/example.com:latest"_s << u"example.com:latest"_s
        << u""_s;

    // Digests.
    QTest::newRow("digest only") << u"example.com/foo@"_s + kDigestA
                                 << u"example.com/foo@"_s + kDigestA
                                 << u"example.com/foo@"_s + kDigestA << u""_s;
    QTest::newRow("digest on hub")
        << u"busybox@"_s + kDigestA << u"docker.io/library/busybox@"_s + kDigestA
        << u"busybox@"_s + kDigestA << u""_s;
    QTest::newRow("tag and digest")
        << u"busybox:1.36@"_s + kDigestB << u"docker.io/library/busybox:1.36@"_s + kDigestB
        << u"busybox:1.36@"_s + kDigestB << u""_s;
    QTest::newRow("port tag and digest")
        << u"localhost:5000/a:b@"_s + kDigestA << u"localhost:5000/a:b@"_s + kDigestA
        << u"localhost:5000/a:b@"_s + kDigestA << u""_s;
    QTest::newRow("digest uppercase hex")
        << u"busybox@sha256:"_s + kHexA.toUpper() << kError << u""_s << u"64 lowercase"_s;
    QTest::newRow("digest short") << u"busybox@sha256:"_s + kHexA.left(63) << kError << u""_s
                                  << u"invalid digest"_s;
    QTest::newRow("digest long") << u"busybox@sha256:"_s + kHexA + u"0"_s << kError << u""_s
                                 << u"invalid digest"_s;
    QTest::newRow("digest sha512")
        << u"busybox@sha512:"_s + kHexA + kHexB << kError << u""_s << u"only sha256"_s;
    QTest::newRow("digest md5") << u"busybox@md5:d41d8cd98f00b204e9800998ecf8427e"_s << kError
                                << u""_s << u"only sha256"_s;
    QTest::newRow("digest no algorithm")
        << u"busybox@"_s + kHexA << kError << u""_s << u"expected sha256"_s;
    QTest::newRow("empty digest") << u"foo@"_s << kError << u""_s << u"expected sha256"_s;
    QTest::newRow("two @") << u"foo@bar@"_s + kDigestA << kError << u""_s << u""_s;
    QTest::newRow("digest before tag")
        << u"foo@"_s + kDigestA + u":tag"_s << kError << u""_s << u"invalid digest"_s;
    QTest::newRow("only digest") << u"@"_s + kDigestA << kError << u""_s
                                 << u"repository name is empty"_s;

    // Path components: separators are '.', '_', '__' or any number of '-'.
    QTest::newRow("double underscore")
        << u"a__b"_s << u"docker.io/library/a__b:latest"_s << u"a__b:latest"_s << u""_s;
    QTest::newRow("double dash") << u"a--b"_s << u"docker.io/library/a--b:latest"_s
                                 << u"a--b:latest"_s << u""_s;
    QTest::newRow("many dashes") << u"a-----b"_s << u"docker.io/library/a-----b:latest"_s
                                 << u"a-----b:latest"_s << u""_s;
    QTest::newRow("mixed separators")
        << u"a-b_c.d"_s << u"docker.io/library/a-b_c.d:latest"_s << u"a-b_c.d:latest"_s << u""_s;
    QTest::newRow("digits only") << u"0/1"_s << u"docker.io/0/1:latest"_s << u"0/1:latest"_s
                                 << u""_s;
    QTest::newRow("triple underscore")
        << u"a___b"_s << kError << u""_s << u"invalid repository name component"_s;
    QTest::newRow("leading dash") << u"-abc"_s << kError << u""_s << u"component"_s;
    QTest::newRow("trailing dash") << u"abc-"_s << kError << u""_s << u"component"_s;
    QTest::newRow("leading dot") << u".abc"_s << kError << u""_s << u"component"_s;
    QTest::newRow("leading underscore") << u"_abc"_s << kError << u""_s << u"component"_s;
    QTest::newRow("double dot") << u"a..b"_s << kError << u""_s << u"component"_s;
    QTest::newRow("dot underscore") << u"a._b"_s << kError << u""_s << u"component"_s;
    QTest::newRow("component with space") << u"a b"_s << kError << u""_s << u"component"_s;
    QTest::newRow("trailing space") << u"busybox "_s << kError << u""_s << u""_s;
    QTest::newRow("leading space") << u" busybox"_s << kError << u""_s << u""_s;
    QTest::newRow("non-ascii name") << u"caf\u00e9"_s << kError << u""_s << u""_s;
    QTest::newRow("colon inside name") << u"foo:bar:baz"_s << kError << u""_s << u"component"_s;
    // Go's '$' is end of text; PCRE's '$' also matches before a final newline.
    QTest::newRow("newline after name") << u"busybox\n"_s << kError << u""_s << u""_s;
    QTest::newRow("newline after tag") << u"busybox:latest\n"_s << kError << u""_s << u""_s;
    QTest::newRow("newline after domain") << u"example.com\n/foo"_s << kError << u""_s << u""_s;
    QTest::newRow("newline before digest") << u"foo\n@"_s + kDigestA << kError << u""_s << u""_s;
    QTest::newRow("newline in middle") << u"foo\nbar"_s << kError << u""_s << u""_s;

    // Case.
    QTest::newRow("uppercase name") << u"Busybox"_s << kError << u""_s << u"must be lowercase"_s;
    QTest::newRow("uppercase path on domain")
        << u"example.com/Foo"_s << kError << u""_s << u"must be lowercase"_s;
    QTest::newRow("uppercase path on hub")
        << u"docker.io/Library/busybox"_s << kError << u""_s << u"must be lowercase"_s;
    QTest::newRow("uppercase second component")
        << u"user/Repo:tag"_s << kError << u""_s << u"must be lowercase"_s;
    QTest::newRow("uppercase tag allowed")
        << u"busybox:Latest_1.0-RC"_s << u"docker.io/library/busybox:Latest_1.0-RC"_s
        << u"busybox:Latest_1.0-RC"_s << u""_s;

    // Tags.
    QTest::newRow("tag 128 chars")
        << u"a:"_s + QString(128, u'x') << u"docker.io/library/a:"_s + QString(128, u'x')
        << u"a:"_s + QString(128, u'x') << u""_s;
    QTest::newRow("tag 129 chars")
        << u"a:"_s + QString(129, u'x') << kError << u""_s << u"invalid tag"_s;
    QTest::newRow("tag starting with dot") << u"a:.x"_s << kError << u""_s << u"invalid tag"_s;
    QTest::newRow("tag starting with dash") << u"a:-x"_s << kError << u""_s << u"invalid tag"_s;
    QTest::newRow("tag starting with underscore")
        << u"a:_x"_s << u"docker.io/library/a:_x"_s << u"a:_x"_s << u""_s;
    QTest::newRow("tag with plus") << u"a:1+2"_s << kError << u""_s << u"invalid tag"_s;
    QTest::newRow("non-ascii tag") << u"a:t\u00e9st"_s << kError << u""_s << u"invalid tag"_s;
    QTest::newRow("empty tag") << u"foo:"_s << kError << u""_s << u"invalid tag"_s;
    QTest::newRow("tag alone") << u":tag"_s << kError << u""_s << u"repository name is empty"_s;
    QTest::newRow("colon alone") << u":"_s << kError << u""_s << u""_s;

    // Structure.
    QTest::newRow("empty") << u""_s << kError << u""_s << u"empty"_s;
    QTest::newRow("trailing slash") << u"foo/"_s << kError << u""_s << u"component"_s;
    QTest::newRow("leading slash") << u"/foo"_s << kError << u""_s << u"component"_s;
    QTest::newRow("double slash") << u"foo//bar"_s << kError << u""_s << u"component"_s;
    QTest::newRow("domain only with slash") << u"example.com/"_s << kError << u""_s << u""_s;
    QTest::newRow("64 hex is an id") << kHexA << kError << u""_s << u"image ID"_s;
    QTest::newRow("64 hex with tag is a name")
        << kHexA + u":v1"_s << u"docker.io/library/"_s + kHexA + u":v1"_s << kHexA + u":v1"_s
        << u""_s;
    QTest::newRow("63 hex is a name")
        << kHexA.left(63) << u"docker.io/library/"_s + kHexA.left(63) + u":latest"_s
        << kHexA.left(63) + u":latest"_s << u""_s;
    // The 255 limit counts the normalised name, "docker.io/library/" (18) included.
    QTest::newRow("name 255 on hub")
        << QString(237, u'a') << u"docker.io/library/"_s + QString(237, u'a') + u":latest"_s
        << QString(237, u'a') + u":latest"_s << u""_s;
    QTest::newRow("name 256 on hub")
        << QString(238, u'a') << kError << u""_s << u"longer than 255"_s;
    QTest::newRow("name 255 on domain")
        << u"example.com/"_s + QString(243, u'a')
        << u"example.com/"_s + QString(243, u'a') + u":latest"_s
        << u"example.com/"_s + QString(243, u'a') + u":latest"_s << u""_s;
    QTest::newRow("name 256 on domain")
        << u"example.com/"_s + QString(244, u'a') << kError << u""_s << u"longer than 255"_s;
    QTest::newRow("over 1024") << QString(1025, u'a') << kError << u""_s << u"1024"_s;

    // Domains.
    QTest::newRow("underscore in domain")
        << u"foo_bar.com:8080/x"_s << kError << u""_s << u"invalid registry host"_s;
    QTest::newRow("domain leading dash")
        << u"-foo.com/x"_s << kError << u""_s << u"invalid registry host"_s;
    QTest::newRow("domain trailing dash")
        << u"foo-.com/x"_s << kError << u""_s << u"invalid registry host"_s;
    QTest::newRow("empty domain label")
        << u"foo..com/x"_s << kError << u""_s << u"invalid registry host"_s;
    QTest::newRow("empty port") << u"localhost:/foo"_s << kError << u""_s
                                << u"invalid registry host"_s;
    QTest::newRow("non-numeric port")
        << u"example.com:abc/foo"_s << kError << u""_s << u"invalid registry host"_s;
    QTest::newRow("unbracketed ipv6")
        << u"::1/foo"_s << kError << u""_s << u"invalid registry host"_s;
    QTest::newRow("ipv6 zone") << u"[fe80::1%eth0]:5000/foo"_s << kError << u""_s
                               << u"invalid registry host"_s;
    QTest::newRow("bracketed ipv6 without path") << u"[::1]:5000"_s << kError << u""_s << u""_s;
}

void TestImageReference::parse()
{
    QFETCH(QString, input);
    QFETCH(QString, normalized);
    QFETCH(QString, familiar);
    QFETCH(QString, error);

    auto ref = ImageReference::parse(input);
    if (normalized == kError) {
        QVERIFY2(!ref, qPrintable(u"accepted as "_s + (ref ? ref->toString() : QString())));
        QCOMPARE(ref.error().code, ErrorCode::InvalidArgument);
        QVERIFY2(QString::fromStdString(ref.error().message).contains(error),
                 ref.error().message.c_str());
        return;
    }
    QVERIFY2(ref, ref ? "" : ref.error().message.c_str());
    QCOMPARE(ref->toString(), normalized);
    QCOMPARE(ref->familiarString(), familiar);
    // The normalised form parses to itself.
    auto again = ImageReference::parse(ref->toString());
    QVERIFY2(again, again ? "" : again.error().message.c_str());
    QCOMPARE(again->toString(), normalized);
    // So does the familiar form.
    auto fromFamiliar = ImageReference::parse(ref->familiarString());
    QVERIFY2(fromFamiliar, fromFamiliar ? "" : fromFamiliar.error().message.c_str());
    QCOMPARE(fromFamiliar->toString(), normalized);
}

void TestImageReference::components_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("domain");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("tag");
    QTest::addColumn<QString>("digest");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("familiarName");

    QTest::newRow("busybox") << u"busybox"_s << u"docker.io"_s << u"library/busybox"_s
                             << u"latest"_s << u""_s << u"docker.io/library/busybox"_s
                             << u"busybox"_s;
    QTest::newRow("user repo") << u"user/repo:1"_s << u"docker.io"_s << u"user/repo"_s << u"1"_s
                               << u""_s << u"docker.io/user/repo"_s << u"user/repo"_s;
    QTest::newRow("localhost port")
        << u"localhost:5000/foo:tag"_s << u"localhost:5000"_s << u"foo"_s << u"tag"_s << u""_s
        << u"localhost:5000/foo"_s << u"localhost:5000/foo"_s;
    QTest::newRow("ipv6") << u"[::1]:5000/foo"_s << u"[::1]:5000"_s << u"foo"_s << u"latest"_s
                          << u""_s << u"[::1]:5000/foo"_s << u"[::1]:5000/foo"_s;
    QTest::newRow("ip deep") << u"127.0.0.1:5000/a/b/c:1.0"_s << u"127.0.0.1:5000"_s << u"a/b/c"_s
                             << u"1.0"_s << u""_s << u"127.0.0.1:5000/a/b/c"_s
                             << u"127.0.0.1:5000/a/b/c"_s;
    // A digest without a tag: no "latest" is invented.
    QTest::newRow("digest no tag")
        << u"example.com/foo@"_s + kDigestA << u"example.com"_s << u"foo"_s << u""_s << kDigestA
        << u"example.com/foo"_s << u"example.com/foo"_s;
    QTest::newRow("tag and digest")
        << u"busybox:1@"_s + kDigestB << u"docker.io"_s << u"library/busybox"_s << u"1"_s
        << kDigestB << u"docker.io/library/busybox"_s << u"busybox"_s;
    QTest::newRow("legacy domain") << u"index.docker.io/user/x"_s << u"docker.io"_s << u"user/x"_s
                                   << u"latest"_s << u""_s << u"docker.io/user/x"_s << u"user/x"_s;
    // Found by tests/fuzz: a Docker Hub namespace that looks like a host keeps its
    // domain in the short form, else that form would name another registry.
    QTest::newRow("hub namespace with a dot")
        << u"docker.io/foo.bar/baz"_s << u"docker.io"_s << u"foo.bar/baz"_s << u"latest"_s << u""_s
        << u"docker.io/foo.bar/baz"_s << u"docker.io/foo.bar/baz"_s;
    QTest::newRow("hub namespace localhost")
        << u"docker.io/localhost/x"_s << u"docker.io"_s << u"localhost/x"_s << u"latest"_s << u""_s
        << u"docker.io/localhost/x"_s << u"docker.io/localhost/x"_s;
}

void TestImageReference::components()
{
    QFETCH(QString, input);
    QFETCH(QString, domain);
    QFETCH(QString, path);
    QFETCH(QString, tag);
    QFETCH(QString, digest);
    QFETCH(QString, name);
    QFETCH(QString, familiarName);

    auto ref = ImageReference::parse(input);
    QVERIFY2(ref, ref ? "" : ref.error().message.c_str());
    QCOMPARE(ref->domain(), domain);
    QCOMPARE(ref->path(), path);
    QCOMPARE(ref->tag(), tag);
    QCOMPARE(ref->digest().isValid(), !digest.isEmpty());
    if (!digest.isEmpty())
        QCOMPARE(ref->digest().toString(), digest);
    QCOMPARE(ref->name(), name);
    QCOMPARE(ref->familiarName(), familiarName);
}

void TestImageReference::registryHost_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("host");

    QTest::newRow("hub official") << u"busybox"_s << u"registry-1.docker.io"_s;
    QTest::newRow("hub user") << u"user/repo"_s << u"registry-1.docker.io"_s;
    QTest::newRow("docker.io") << u"docker.io/library/busybox"_s << u"registry-1.docker.io"_s;
    QTest::newRow("legacy index") << u"index.docker.io/x/y"_s << u"registry-1.docker.io"_s;
    QTest::newRow("localhost port") << u"localhost:5000/x"_s << u"localhost:5000"_s;
    QTest::newRow("localhost") << u"localhost/x"_s << u"localhost"_s;
    QTest::newRow("ghcr") << u"ghcr.io/a/b"_s << u"ghcr.io"_s;
    QTest::newRow("ipv6") << u"[::1]:5000/foo"_s << u"[::1]:5000"_s;
}

void TestImageReference::registryHost()
{
    QFETCH(QString, input);
    QFETCH(QString, host);

    auto ref = ImageReference::parse(input);
    QVERIFY2(ref, ref ? "" : ref.error().message.c_str());
    QCOMPARE(ref->registryHost(), host);
}

void TestImageReference::withTagAndDigest()
{
    auto digestA = Digest::parse(kDigestA);
    QVERIFY(digestA);

    auto tagged = ImageReference::parse(u"busybox:1.36"_s);
    QVERIFY(tagged);
    QCOMPARE(tagged->withTag(u"musl"_s).toString(), u"docker.io/library/busybox:musl"_s);
    QCOMPARE(tagged->withDigest(*digestA).toString(),
             u"docker.io/library/busybox:1.36@"_s + kDigestA);
    QCOMPARE(tagged->withDigest(*digestA).familiarString(), u"busybox:1.36@"_s + kDigestA);
    // withTag keeps the digest; the original is unchanged.
    QCOMPARE(tagged->withDigest(*digestA).withTag(u"x"_s).toString(),
             u"docker.io/library/busybox:x@"_s + kDigestA);
    QCOMPARE(tagged->toString(), u"docker.io/library/busybox:1.36"_s);
    // Dropping the digest with an invalid Digest.
    QCOMPARE(tagged->withDigest(*digestA).withDigest(Digest()).toString(),
             u"docker.io/library/busybox:1.36"_s);

    auto digested = ImageReference::parse(u"localhost:5000/app@"_s + kDigestA);
    QVERIFY(digested);
    QCOMPARE(digested->tag(), QString());
    QCOMPARE(digested->withTag(u"v1"_s).toString(), u"localhost:5000/app:v1@"_s + kDigestA);
    QCOMPARE(digested->withTag(u"v1"_s).registryHost(), u"localhost:5000"_s);
}

void TestImageReference::equality()
{
    auto a = ImageReference::parse(u"busybox"_s);
    auto b = ImageReference::parse(u"docker.io/library/busybox:latest"_s);
    auto c = ImageReference::parse(u"index.docker.io/library/busybox"_s);
    auto d = ImageReference::parse(u"busybox:1"_s);
    QVERIFY(a && b && c && d);
    QVERIFY(*a == *b);
    QVERIFY(*a == *c);
    QVERIFY(!(*a == *d));
}

// The hand-written checks of referencegrammar against distribution/reference's
// regular expressions (as PCRE: \z anchors the end, \w is ASCII), on every string
// of up to 5 characters over an alphabet of each piece's interesting characters, on
// 100 000 longer random ones, and around the tag's 128-character bound.
void TestImageReference::grammarMatchesTheRegularExpressions_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("alphabet");
    QTest::addColumn<int>("piece");
    QTest::newRow("path component")
        << u"^[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*\\z"_s << u"a0._-A/"_s << 0;
    QTest::newRow("domain") << u"^(?:(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])"
                               u"(?:\\.(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))*"
                               u"|\\[(?:[a-fA-F0-9:]+)\\])(?::[0-9]+)?\\z"_s
                            << u"aZ9-.:[]fg_"_s << 1;
    QTest::newRow("tag") << u"^[\\w][\\w.-]{0,127}\\z"_s << u"aZ9_.-:/"_s << 2;
}

void TestImageReference::grammarMatchesTheRegularExpressions()
{
    QFETCH(QString, pattern);
    QFETCH(QString, alphabet);
    QFETCH(int, piece);
    const QRegularExpression re(pattern);
    QVERIFY(re.isValid());
    auto check = [piece](QStringView s) {
        switch (piece) {
        case 0:
            return koker::referencegrammar::isPathComponent(s);
        case 1:
            return koker::referencegrammar::isDomain(s);
        default:
            return koker::referencegrammar::isTag(s);
        }
    };
    int accepted = 0;
    auto compare = [&](const QString &s) {
        const bool expected = re.match(s).hasMatch();
        accepted += expected;
        if (check(s) == expected)
            return true;
        QTest::qFail(
            qPrintable(u"\""_s + s + u"\": the grammar says "_s + (expected ? u"yes"_s : u"no"_s)),
            __FILE__, __LINE__);
        return false;
    };
    for (int n : {127, 128, 129}) {
        if (!compare(QString(n, u'a')) || !compare(u"a-"_s + QString(n - 2, u'b')))
            return;
    }
    // Every string of length 0 to 5.
    QList<QString> level{QString()};
    for (int length = 0; length <= 5; ++length) {
        QList<QString> next;
        for (const QString &s : std::as_const(level)) {
            if (!compare(s))
                return;
            if (length < 5) {
                for (QChar c : std::as_const(alphabet))
                    next << s + c;
            }
        }
        level = next;
    }
    // Longer ones, with the tag's 128-character bound in reach.
    std::mt19937 random(20261129);
    std::uniform_int_distribution<int> size(6, 140), pick(0, int(alphabet.size()) - 1);
    for (int n = 0; n < 100000; ++n) {
        QString s;
        for (int k = size(random); k > 0; --k)
            s += alphabet[pick(random)];
        if (!compare(s))
            return;
    }
    QVERIFY2(accepted > 100, "too few strings the grammar accepts to compare");
}

QTEST_GUILESS_MAIN(TestImageReference)
#include "tst_imagereference.moc"
