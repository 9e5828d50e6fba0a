// Writes the seed corpus of the fuzz targets: fuzz_make_corpus tests/fuzz/corpus
//
// Every seed is written as <dir>/<target>/seed-<name>, overwriting; the regression
// inputs of fixed findings (regress-*) are left alone. Seeds are small (a few KB) and
// deterministic (fixed times and owners), so regenerating gives the same bytes.

#include "fuzzspecmap.h"
#include "tarbuilder.h"

#include <QtCore/QByteArray>
#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QString>

#include <archive.h>
#include <archive_entry.h>

#include <cstdio>
#include <utility>
#include <vector>

using namespace Qt::Literals::StringLiterals;
using koker::fuzz::OtherKind;
using koker::fuzz::SpecEncoder;
using koker::test::TarBuilder;

namespace {

QString g_dir;
int g_written = 0;

void put(const QString &target, const QString &name, const QByteArray &bytes)
{
    const QString dir = g_dir + u'/' + target;
    QDir().mkpath(dir);
    QFile f(dir + u"/seed-"_s + name);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(bytes) != bytes.size()) {
        std::fprintf(stderr, "cannot write %s\n", qPrintable(f.fileName()));
        std::exit(1);
    }
    ++g_written;
}

la_ssize_t append(archive *, void *client, const void *buffer, size_t length)
{
    static_cast<QByteArray *>(client)->append(static_cast<const char *>(buffer),
                                              static_cast<qsizetype>(length));
    return static_cast<la_ssize_t>(length);
}

// xz, bzip2 and lz4, which TarBuilder does not offer (gzip and zstd come from it).
QByteArray compress(const QByteArray &data, int (*addFilter)(archive *))
{
    QByteArray out;
    archive *a = archive_write_new();
    addFilter(a);
    archive_write_set_format_raw(a);
    archive_write_set_bytes_in_last_block(a, 1);
    archive_write_open(a, &out, nullptr, append, nullptr);
    archive_entry *entry = archive_entry_new();
    archive_entry_set_pathname(entry, "data");
    archive_entry_set_filetype(entry, AE_IFREG);
    archive_entry_set_size(entry, data.size());
    archive_write_header(a, entry);
    archive_write_data(a, data.constData(), static_cast<size_t>(data.size()));
    archive_write_close(a);
    archive_write_free(a);
    archive_entry_free(entry);
    return out;
}

// ---- tarwriter: layers --------------------------------------------------------------

// Absolute path of the fuzzer's victim directory in its private tmpfs (fuzz_tarwriter.cpp).
const QByteArray kVictim = "/tmp/koker-fuzz-tarwriter/l1/l2/victim";

void tarSeeds()
{
    const QString t = u"tarwriter"_s;
    auto tar = [&](const QString &name, const TarBuilder &b) { put(t, name, b.build(512)); };

    TarBuilder plain;
    plain.dir("./")
        .dir("bin")
        .file("bin/sh", "#!/bin/true\n", 0755)
        .dir("etc")
        .file("etc/passwd", "root:x:0:0:root:/root:/bin/sh\n")
        .file("etc/hostname", "fuzz\n")
        .symlink("bin/ash", "sh")
        .dir("tmp", 01777)
        .file("usr/lib/implied-parents", "made without their directories\n");
    tar(u"plain.tar"_s, plain);
    put(t, u"plain.tar.gz"_s, TarBuilder::gzip(plain.build(512)));
    put(t, u"plain.tar.zst"_s, TarBuilder::zstd(plain.build(512)));
    put(t, u"plain.tar.xz"_s, compress(plain.build(512), archive_write_add_filter_xz));
    put(t, u"plain.tar.bz2"_s, compress(plain.build(512), archive_write_add_filter_bzip2));
    put(t, u"plain.tar.lz4"_s, compress(plain.build(512), archive_write_add_filter_lz4));

    // Docker's own layout: "./" entries, 10 KiB records (the tail is padding).
    TarBuilder docker;
    docker.dir("./")
        .dir("./etc/")
        .file("./etc/os-release", "ID=fuzz\n")
        .dir("./var/")
        .dir("./var/lib/");
    put(t, u"docker-records.tar"_s, docker.build(10240).left(4096));

    TarBuilder whiteouts;
    whiteouts.dir("a")
        .file("a/kept", "x")
        .file("a/.wh.removed")
        .file(".wh.gone")
        .dir("opaque")
        .file("opaque/.wh..wh..opq")
        .file("opaque/new", "y")
        .file("b/.wh..wh..opq");
    tar(u"whiteouts.tar"_s, whiteouts);
    put(t, u"whiteouts.tar.gz"_s, TarBuilder::gzip(whiteouts.build(512)));

    TarBuilder badWhiteouts;
    badWhiteouts.file(".wh.").file("d/.wh..").file(".wh...").file(".wh..wh.x");
    tar(u"malformed-whiteouts.tar"_s, badWhiteouts);

    TarBuilder hardlinks;
    hardlinks.file("data", "shared")
        .hardlink("link1", "data")
        .hardlink("./dir/link2", "./data")
        .symlink("sym", "data")
        .hardlink("link-to-symlink", "sym")
        .hardlink("self", "self")
        .file("data", "replaced after linking");
    tar(u"hardlinks.tar"_s, hardlinks);

    TarBuilder hardlinkBreakouts;
    hardlinkBreakouts.hardlink("h1", "../victim/secret")
        .hardlink("h2", kVictim + "/secret")
        .hardlink("h3", "planted-up/secret")
        .hardlink("h4", "planted-secret")
        .hardlink("h5", "missing");
    tar(u"hardlink-breakouts.tar"_s, hardlinkBreakouts);

    // containerd's TestBreakouts, in spirit: symlinks that lead out, then writes through
    // them, in one layer and through the links "an earlier layer" planted.
    TarBuilder symlinkBreakouts;
    symlinkBreakouts.symlink("up", "../victim")
        .file("up/owned", "escaped")
        .symlink("abs", kVictim)
        .file("abs/owned", "escaped")
        .symlink("root", "/")
        .file("root/tmp/owned", "escaped")
        .dir("dir")
        .symlink("dir/parent", "..")
        .file("dir/parent/../victim/owned", "escaped")
        .symlink("loop", "loop")
        .file("loop/x");
    tar(u"symlink-breakouts.tar"_s, symlinkBreakouts);

    TarBuilder planted;
    planted.file("planted-up/secret", "overwrite")
        .dir("planted-abs/newdir")
        .file("planted-root/tmp/owned")
        .symlink("planted-parent/victim/secret", "x")
        .file("planted-secret", "replaces the link, not its target");
    tar(u"through-planted.tar"_s, planted);

    TarBuilder traversal;
    traversal.file("../escape")
        .file("/absolute")
        .file("a/../../escape")
        .file("./../escape")
        .file("")
        .file(".");
    tar(u"traversal.tar"_s, traversal);

    // Names too long for ustar travel in PAX records; linkpath too.
    TarBuilder pax;
    pax.file(QByteArray(150, 'n') + "/file", "long")
        .symlink("longlink", "target/" + QByteArray(200, 't'))
        .file("short")
        .paxRecord("path", "pax-renamed")
        .file("owned")
        .owner(100000000, 100000000)
        .file("negative-time")
        .mtime(-1)
        .file("xattrs", "x")
        .xattr("user.comment", "hello")
        .xattr("trusted.overlay.opaque", "y")
        .xattr("security.capability", QByteArray("\x01\x00\x00\x02", 4))
        .file("nul-in-pax")
        .paxRecord("path", QByteArray("ok\0/../../escape", 16));
    tar(u"pax.tar"_s, pax);

    TarBuilder types;
    types.charDevice("dev/null", 1, 3)
        .blockDevice("dev/sda", 8, 0)
        .fifo("fifo")
        .file("setuid", "s", 04755)
        .owner(1000, 1000)
        .file("setgid", "g", 02755)
        .file("sticky-dir-like", "", 01777);
    tar(u"types.tar"_s, types);

    TarBuilder replace;
    replace.dir("x")
        .file("x/inside", "1")
        .file("x", "now a file")
        .dir("x")
        .symlink("y", "x")
        .dir("y")
        .file("z")
        .symlink("z", "/etc/shadow");
    tar(u"replace.tar"_s, replace);

    TarBuilder sparse;
    sparse.sparseFile("sparse", 1 << 20, {{0, "head"}, {(1 << 20) - 4, "tail"}});
    tar(u"sparse.tar"_s, sparse);

    TarBuilder modes;
    modes.dir("locked", 0000).file("locked/inside", "x", 0000).dir("ro", 0555).file("ro/f");
    tar(u"modes.tar"_s, modes);

    put(t, u"empty.tar"_s, TarBuilder().build(512));
    put(t, u"truncated.tar"_s, plain.build(512).left(700));
    put(t, u"garbage"_s, QByteArray("this is not a tar archive at all\n").repeated(20));
}

// ---- dbusspec: a{sv} maps ---------------------------------------------------------------

void specSeeds()
{
    const QString t = u"dbusspec"_s;
    put(t, u"run-minimal"_s, SpecEncoder().string(u"image"_s, u"busybox"_s).bytes());
    put(t, u"run-full"_s,
        SpecEncoder()
            .string(u"image"_s, u"docker.io/library/busybox:latest"_s)
            .string(u"name"_s, u"web-1"_s)
            .string(u"hostname"_s, u"web"_s)
            .list(u"cmd"_s, {u"sh"_s, u"-c"_s, u"echo hi"_s})
            .list(u"entrypoint"_s, {u"/bin/env"_s})
            .list(u"env"_s, {u"PATH=/bin"_s, u"A=b=c"_s})
            .string(u"workingDir"_s, u"/srv"_s)
            .string(u"user"_s, u"1000:1000"_s)
            .boolean(u"tty"_s, true)
            .boolean(u"interactive"_s, true)
            .boolean(u"autoRemove"_s, true)
            .int64(u"memory"_s, 64 << 20)
            .int64(u"memorySwap"_s, 128 << 20)
            .int64(u"nanoCpus"_s, 500'000'000)
            .int64(u"pidsLimit"_s, 100)
            .string(u"network"_s, u"bridge"_s)
            .list(u"ports"_s, {u"8080:80/tcp"_s, u"127.0.0.1:5353:53/udp"_s})
            .boolean(u"privileged"_s, false)
            .list(u"capAdd"_s, {u"NET_ADMIN"_s})
            .list(u"capDrop"_s, {u"ALL"_s})
            .bytes());
    put(t, u"run-limits-edges"_s,
        SpecEncoder()
            .string(u"image"_s, u"alpine"_s)
            .int64(u"memory"_s, 6 << 20)
            .int64(u"memorySwap"_s, -1)
            .int64(u"nanoCpus"_s, 10'000'000)
            .int64(u"pidsLimit"_s, -1)
            .bytes());
    put(t, u"run-limits-huge"_s,
        SpecEncoder()
            .string(u"image"_s, u"alpine"_s)
            .int64(u"memory"_s, INT64_MAX / 4)
            .int64(u"memorySwap"_s, INT64_MAX)
            .int64(u"nanoCpus"_s, INT64_MAX / 2)
            .int64(u"pidsLimit"_s, 4 * 1024 * 1024)
            .bytes());
    put(t, u"run-negative"_s,
        SpecEncoder().string(u"image"_s, u"a"_s).int64(u"memory"_s, -5).bytes());
    put(t, u"run-unknown-key"_s,
        SpecEncoder().string(u"image"_s, u"a"_s).string(u"volumes"_s, u"/:/host"_s).bytes());
    put(t, u"run-wrong-types"_s,
        SpecEncoder()
            .string(u"image"_s, u"a"_s)
            .string(u"tty"_s, u"1"_s)
            .int32(u"memory"_s, 1)
            .uint32(u"pidsLimit"_s, 5)
            .other(u"cmd"_s, OtherKind::ByteArray)
            .bytes());
    put(t, u"run-dbusargument-list"_s,
        SpecEncoder().string(u"image"_s, u"a"_s).other(u"cmd"_s, OtherKind::DBusArgument).bytes());
    put(t, u"run-invalid-variant"_s,
        SpecEncoder().string(u"image"_s, u"a"_s).other(u"env"_s, OtherKind::Invalid).bytes());
    put(t, u"run-double"_s,
        SpecEncoder().string(u"image"_s, u"a"_s).other(u"memory"_s, OtherKind::Double).bytes());
    put(t, u"run-huge-cmd"_s,
        SpecEncoder().string(u"image"_s, u"a"_s).hugeString(u"workingDir"_s, 9, '/').bytes());
    put(t, u"run-huge-image"_s, SpecEncoder().hugeString(u"image"_s, 6, 'a').bytes());
    put(t, u"run-1mib-with-nul"_s,
        SpecEncoder().string(u"image"_s, u"a"_s).hugeString(u"hostname"_s, 13, 'h', 128).bytes());
    put(t, u"run-control-chars"_s,
        SpecEncoder()
            .string(u"image"_s, u"busy\x01"
                                u"box"_s)
            .string(u"name"_s, u"web\x7f"_s)
            .string(u"hostname"_s, u"-bad-"_s)
            .string(u"user"_s, u"root\n"_s)
            .list(u"env"_s, {u"NOVALUE"_s, u"=x"_s, QString(u"A=\0"_s)})
            .bytes());
    put(t, u"run-ports-bad"_s,
        SpecEncoder()
            .string(u"image"_s, u"a"_s)
            .list(u"ports"_s, {u"0:80"_s, u"65536:1/tcp"_s, u"1.2.3:80:80"_s, u"80"_s})
            .bytes());
    put(t, u"run-caps-bad"_s,
        SpecEncoder()
            .string(u"image"_s, u"a"_s)
            .list(u"capAdd"_s, {u"CAP_SYS_ADMIN"_s, u"all"_s, u"NOPE"_s})
            .bytes());
    put(t, u"run-relative-workdir"_s,
        SpecEncoder().string(u"image"_s, u"a"_s).string(u"workingDir"_s, u"srv"_s).bytes());
    put(t, u"run-network-names"_s,
        SpecEncoder().string(u"image"_s, u"a"_s).string(u"network"_s, u"none"_s).bytes());

    put(t, u"exec-minimal"_s, SpecEncoder().list(u"cmd"_s, {u"sh"_s}).bytes());
    put(t, u"exec-full"_s,
        SpecEncoder()
            .list(u"cmd"_s, {u"ls"_s, u"-l"_s})
            .list(u"env"_s, {u"TERM=xterm"_s})
            .string(u"workingDir"_s, u"/"_s)
            .string(u"user"_s, u"nobody"_s)
            .boolean(u"tty"_s, true)
            .boolean(u"interactive"_s, true)
            .uint16(u"rows"_s, 24)
            .uint16(u"cols"_s, 80)
            .bytes());
    put(t, u"exec-terminal-edges"_s,
        SpecEncoder()
            .list(u"cmd"_s, {u"sh"_s})
            .uint16(u"rows"_s, 1000)
            .uint16(u"cols"_s, 1001)
            .bytes());
    put(t, u"exec-empty-cmd"_s, SpecEncoder().list(u"cmd"_s, {}).uint16(u"rows"_s, 0).bytes());
    put(t, u"exec-rows-wrong-type"_s,
        SpecEncoder().list(u"cmd"_s, {u"sh"_s}).uint32(u"rows"_s, 65536 + 24).bytes());
    put(t, u"empty-map"_s, SpecEncoder().bytes());
    // A long list: the count byte 0xfc selects kHugeCounts[12] = 4097 entries.
    QByteArray longList = SpecEncoder().list(u"cmd"_s, {}).bytes();
    longList[longList.size() - 1] = char(0xfc);
    put(t, u"exec-4097-args"_s, longList);
}

// ---- imagereference ---------------------------------------------------------------------

void referenceSeeds()
{
    const QString t = u"imagereference"_s;
    const QByteArray digest =
        "sha256:a3ed95caeb02ffe68cdd9fd84406680ae93d633cb16422d00e8a7c22955b46d4";
    const std::vector<std::pair<const char *, QByteArray>> refs = {
        {"short", "busybox"},
        {"tag", "busybox:1.36.1"},
        {"library", "library/busybox"},
        {"full", "docker.io/library/busybox:latest"},
        {"legacy-index", "index.docker.io/library/ubuntu:22.04"},
        {"user-repo", "bitnami/postgresql:16"},
        {"ghcr", "ghcr.io/owner/repo-name:v1.2.3"},
        {"quay", "quay.io/prometheus/node-exporter:v1.7.0"},
        {"gcr-deep", "gcr.io/google-containers/pause/x/y:3.9"},
        {"localhost-port", "localhost:5000/test/busybox"},
        {"localhost", "localhost/foo"},
        {"ip-port", "127.0.0.1:5000/a/b/c:tag"},
        {"ipv6", "[::1]:5000/x:y"},
        {"digest", "busybox@" + digest},
        {"tag-digest", "registry.example.com:443/team/app:1.0@" + digest},
        {"separators", "a__b/c---d/e.f_g:T_a.g-1"},
        {"long-tag", "x:" + QByteArray(128, 't')},
        {"too-long-tag", "x:" + QByteArray(129, 't')},
        {"long-name", "example.com/" + QByteArray(243, 'n')},
        {"image-id", digest.mid(7)},
        {"uppercase-repo", "Busybox"},
        {"uppercase-domain", "Docker.IO/busybox"},
        {"bad-digest", "busybox@sha256:ABC"},
        {"md5-digest", "busybox@md5:d41d8cd98f00b204e9800998ecf8427e"},
        {"empty-tag", "busybox:"},
        {"only-colon", ":latest"},
        {"trailing-newline", "busybox\n"},
        {"double-slash", "a//b"},
        {"unicode", "b\xc3\xbcsybox"},
        {"nul", QByteArray("busybox\0:x", 10)},
        {"library-library", "docker.io/library"},
        {"port-only", "localhost:5000"},
    };
    for (const auto &[name, text] : refs)
        put(t, QString::fromLatin1(name), text);
}

// ---- manifest: content-type byte + document ----------------------------------------------

void manifestSeeds()
{
    const QString t = u"manifest"_s;
    // Content-type selector (fuzz_manifest.cpp): 0 none, 1 application/json, 2 octet-stream,
    // 3 OCI manifest, 4 Docker manifest, 5 OCI index, 6 Docker list, 7 schema 1 signed,
    // 8 OCI config, 9 OCI manifest;charset, 10 Docker list with spaces, 11 text/html.
    auto doc = [&](const QString &name, char selector, const QByteArray &json) {
        put(t, name, selector + json);
    };
    const QByteArray d1 = "sha256:3f57d9401f8d42f986df300f0c69192fc41da28ccc8d797829467780db3dd741";
    const QByteArray d2 = "sha256:9ad63333ebc97e32b987ae66aa3cff81300e4c2e6d2f2395cef8a3ae18b249fe";
    const QByteArray d3 = "sha256:4b35f584bb4f9fd1b6a0dc1bd5b2f1af37f1c2a9b8fab2da77e21f1f2a2ffb3e";

    const QByteArray dockerManifest =
        R"({"schemaVersion":2,"mediaType":"application/vnd.docker.distribution.manifest.v2+json",)"
        R"("config":{"mediaType":"application/vnd.docker.container.image.v1+json","size":1457,"digest":")" +
        d1 +
        R"("},"layers":[{"mediaType":"application/vnd.docker.image.rootfs.diff.tar.gzip","size":2220094,"digest":")" +
        d2 + R"("}]})";
    doc(u"docker-manifest"_s, 4, dockerManifest);
    doc(u"docker-manifest-as-json"_s, 1, dockerManifest);
    doc(u"docker-manifest-served-as-oci"_s, 3, dockerManifest);

    const QByteArray ociManifest =
        R"({"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json",)"
        R"("config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":")" +
        d1 +
        R"(","size":581},"layers":[{"mediaType":"application/vnd.oci.image.layer.v1.tar+gzip","digest":")" +
        d2 +
        R"(","size":3408729},{"mediaType":"application/vnd.oci.image.layer.v1.tar+zstd","digest":")" +
        d3 +
        R"(","size":32,"annotations":{"org.opencontainers.image.title":"layer \u00e9\u0000"}}],)"
        R"("annotations":{"org.opencontainers.image.created":"2024-01-01T00:00:00Z"}})";
    doc(u"oci-manifest"_s, 3, ociManifest);
    doc(u"oci-manifest-charset"_s, 9, ociManifest);
    doc(u"oci-manifest-no-mediatype"_s, 1,
        R"({"schemaVersion":2,"config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":")" +
            d1 + R"(","size":2},"layers":[]})");
    doc(u"helm-artifact"_s, 3,
        R"({"schemaVersion":2,"config":{"mediaType":"application/vnd.cncf.helm.config.v1+json","digest":")" +
            d1 + R"(","size":117},"layers":[]})");

    const QByteArray ociIndex =
        R"({"schemaVersion":2,"mediaType":"application/vnd.oci.image.index.v1+json","manifests":[)"
        R"({"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":")" +
        d1 +
        R"(","size":1,"platform":{"architecture":"amd64","os":"linux"}},)"
        R"({"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":")" +
        d2 +
        R"(","size":2,"platform":{"architecture":"arm64","os":"linux","variant":"v8"}},)"
        R"({"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":")" +
        d3 +
        R"(","size":3,"platform":{"architecture":"arm","os":"linux","variant":"v7"}},)"
        R"({"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":")" +
        d1 +
        R"(","size":4,"annotations":{"vnd.docker.reference.type":"attestation-manifest"},"platform":{"architecture":"unknown","os":"unknown"}}]})";
    doc(u"oci-index"_s, 5, ociIndex);
    doc(u"oci-index-octet"_s, 2, ociIndex);
    doc(u"docker-list"_s, 6,
        R"({"schemaVersion":2,"mediaType":"application/vnd.docker.distribution.manifest.list.v2+json","manifests":[)"
        R"({"mediaType":"application/vnd.docker.distribution.manifest.v2+json","size":528,"digest":")" +
            d1 +
            R"(","platform":{"architecture":"x86_64","os":"linux"}},)"
            R"({"mediaType":"application/vnd.docker.distribution.manifest.v2+json","size":528,"digest":")" +
            d2 + R"(","platform":{"architecture":"amd64","os":"linux","variant":"v3"}}]})");
    doc(u"docker-list-spaced-type"_s, 10,
        R"({"schemaVersion":2,"manifests":[{"mediaType":"","size":0,"digest":")" + d1 + R"("}]})");
    doc(u"ambiguous"_s, 1, R"({"schemaVersion":2,"manifests":[],"layers":[],"config":{}})");
    doc(u"schema1"_s, 7,
        R"({"schemaVersion":1,"name":"library/busybox","tag":"latest","architecture":"amd64",)"
        R"("fsLayers":[{"blobSum":")" +
            d1 + R"("}],"history":[{"v1Compatibility":"{}"}],"signatures":[]})");
    doc(u"html-error"_s, 11, "<html><body>502 Bad Gateway</body></html>");
    doc(u"bad-sizes"_s, 3,
        R"({"schemaVersion":2,"config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":")" +
            d1 +
            R"(","size":-1},"layers":[{"mediaType":"application/vnd.oci.image.layer.v1.tar","digest":")" +
            d2 + R"(","size":1e300}]})");
    doc(u"bad-digest"_s, 3,
        R"({"schemaVersion":2,"config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"sha256:../../etc/passwd","size":1},"layers":[]})");

    const QByteArray config =
        R"({"architecture":"amd64","os":"linux","created":"2024-01-01T00:00:00Z","author":"fuzz",)"
        R"("config":{"User":"1000:1000","Env":["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"],)"
        R"("Entrypoint":["/docker-entrypoint.sh"],"Cmd":["nginx","-g","daemon off;"],"WorkingDir":"/srv",)"
        R"("ExposedPorts":{"80/tcp":{},"53/udp":{}},"Volumes":{"/data":{}},"StopSignal":"SIGQUIT",)"
        R"("Labels":{"maintainer":"NGINX Docker Maintainers"}},)"
        R"("rootfs":{"type":"layers","diff_ids":[")" +
        d2 + R"(",")" + d3 +
        R"("]},"history":[{"created":"2024-01-01T00:00:00Z","created_by":"/bin/sh -c #(nop) ADD file:x in / "},)"
        R"({"created":"2024-01-01T00:00:00Z","created_by":"/bin/sh -c #(nop)  CMD [\"sh\"]","empty_layer":true}]})";
    doc(u"oci-config"_s, 8, config);
    doc(u"config-windows"_s, 8,
        R"({"architecture":"amd64","os":"windows","rootfs":{"type":"layers","diff_ids":[]}})");
    doc(u"config-bad-diffid"_s, 8,
        R"({"os":"linux","rootfs":{"type":"layers","diff_ids":["sha256:xyz",12]}})");
    doc(u"not-an-object"_s, 1, R"([1,2,3])");
    doc(u"truncated"_s, 3, ociManifest.left(120));
}

// ---- wwwauthenticate ---------------------------------------------------------------------

void authenticateSeeds()
{
    const QString t = u"wwwauthenticate"_s;
    const std::vector<std::pair<const char *, QByteArray>> headers = {
        {"dockerhub",
         R"(Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/busybox:pull")"},
        {"ghcr",
         R"(Bearer realm="https://ghcr.io/token",service="ghcr.io",scope="repository:owner/image:pull")"},
        {"quay", R"(Bearer realm="https://quay.io/v2/auth",service="quay.io")"},
        {"gitlab",
         R"(Bearer realm="https://gitlab.com/jwt/auth",service="container_registry",scope="repository:group/project:pull,push")"},
        {"gcr",
         R"(Bearer realm="https://gcr.io/v2/token",service="gcr.io",scope="repository:google-containers/pause:pull")"},
        {"ecr",
         R"(Basic realm="https://123456789012.dkr.ecr.us-east-1.amazonaws.com/",service="ecr.amazonaws.com")"},
        {"registry2-basic", R"(Basic realm="Registry Realm")"},
        {"insufficient-scope",
         R"(Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:a/b:pull",error="insufficient_scope")"},
        {"invalid-token",
         R"(Bearer realm="https://a.example/token",error="invalid_token",error_description="The access token expired")"},
        {"two-challenges", R"(Basic realm="x", Bearer realm="https://y/token",service="z")"},
        {"token68",
         "Negotiate YIIGhgYGKwYBBQUCoIIGejCCBnagMDAuBgkqhkiC9xIBAgIGCSqGSIb3==, Basic realm=\"r\""},
        {"escapes", R"(Bearer realm="https://a/\"quoted\"\\path",service="s\x")"},
        {"odd-spacing", "  bearer   realm = \"x\" ,, service=y ,  "},
        {"bare-tokens", "Bearer realm=https-not-quoted, service=svc"},
        {"lines", "Basic realm=\"a\"\nBearer realm=\"b\",service=\"c\"\n\nDigest realm=\"d\", "
                  "nonce=\"n\", qop=\"auth\""},
        {"scheme-only", "Basic"},
        {"unterminated", R"(Bearer realm="https://a)"},
        {"no-value", "Bearer realm="},
        {"duplicate", R"(Bearer realm="a",realm="b")"},
        {"obs-text", "Bearer realm=\"caf\xc3\xa9\xff\""},
        {"control", "Bearer realm=\"a\x01\""},
        {"tab", "Bearer\trealm=\"a\tb\""},
    };
    for (const auto &[name, text] : headers)
        put(t, QString::fromLatin1(name), text);
}

} // namespace

int main(int argc, char **argv)
{
    if (argc != 2) {
        std::fprintf(stderr, "usage: %s CORPUS_DIR (tests/fuzz/corpus)\n", argv[0]);
        return 2;
    }
    g_dir = QString::fromLocal8Bit(argv[1]);
    tarSeeds();
    specSeeds();
    referenceSeeds();
    manifestSeeds();
    authenticateSeeds();
    std::printf("wrote %d seeds below %s\n", g_written, argv[1]);
    return 0;
}
