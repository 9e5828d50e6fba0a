// The image store through the real CLI, as root: import -> ls -> inspect -> rm
// leaves the store empty; hostile tarballs are refused and leave no trace.

#include "tarbuilder.h"
#include "testsupport.h"

#include <QtCore/QCryptographicHash>
#include <QtCore/QDir>
#include <QtCore/QDirIterator>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QTemporaryDir>
#include <QtTest/QTest>

#include <sys/stat.h>

using namespace Qt::Literals::StringLiterals;
using koker::test::TarBuilder;

class TestImages : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    QString root() const { return m_tmp.path() + u"/store"_s; }
    koker::test::ProcessResult koker(const QStringList &args, const QByteArray &in = {})
    {
        return koker::test::koker(root(), args, in);
    }
    QString writeFile(const QString &name, const QByteArray &data)
    {
        QString path = m_tmp.path() + u'/' + name;
        QFile f(path);
        f.open(QIODevice::WriteOnly);
        f.write(data);
        return path;
    }
    // Everything under blobs/ and layers/ (the objects of the store).
    QStringList storeObjects() const
    {
        QStringList out;
        for (const char16_t *sub : {u"/blobs/sha256", u"/layers"}) {
            QDirIterator it(root() + QString::fromUtf16(sub),
                            QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
            while (it.hasNext())
                out << it.next();
        }
        return out;
    }
    static QByteArray rootfsTar()
    {
        TarBuilder t;
        t.dir("bin").file("bin/hello", "#!/bin/sh\necho hello\n", 0755);
        t.dir("etc").file("etc/os-release", "ID=test\n");
        t.symlink("bin/hi", "hello");
        return t.build();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        QVERIFY(QFile::exists(koker::test::kokerBinary()));
    }

    void importListInspectRemove_data()
    {
        QTest::addColumn<QString>("compression");
        QTest::newRow("plain") << u"none"_s;
        QTest::newRow("gzip") << u"gzip"_s;
        QTest::newRow("zstd") << u"zstd"_s;
    }

    void importListInspectRemove()
    {
        KOKER_REQUIRE_ROOT();
        QFETCH(QString, compression);
        QByteArray tar = rootfsTar();
        QByteArray data = compression == u"gzip"_s   ? TarBuilder::gzip(tar)
                          : compression == u"zstd"_s ? TarBuilder::zstd(tar)
                                                     : tar;
        QString file = writeFile(u"rootfs.tar"_s, data);

        auto imp = koker({u"image"_s, u"import"_s, u"--change"_s, uR"(CMD ["/bin/hello"])"_s, file,
                          u"test/rootfs:v1"_s});
        QCOMPARE(imp.exitCode, 0);
        QByteArray id = imp.out.trimmed();
        QVERIFY2(id.startsWith("sha256:") && id.size() == 71,
                 QByteArray(imp.out + imp.err).constData());

        // The store is private to root.
        struct stat st
        {};
        QCOMPARE(::stat(QFile::encodeName(root()).constData(), &st), 0);
        QCOMPARE(st.st_mode & 0777, 0700u);

        auto ls = koker({u"image"_s, u"ls"_s});
        QCOMPARE(ls.exitCode, 0);
        QVERIFY2(ls.out.contains("test/rootfs") && ls.out.contains("v1") &&
                     ls.out.contains(id.mid(7, 12)),
                 QByteArray(ls.out).constData());
        QVERIFY(ls.out.startsWith("REPOSITORY"));

        auto inspect = koker({u"image"_s, u"inspect"_s, u"test/rootfs:v1"_s});
        QCOMPARE(inspect.exitCode, 0);
        QJsonArray docs = QJsonDocument::fromJson(inspect.out).array();
        QCOMPARE(docs.size(), 1);
        QJsonObject doc = docs.first().toObject();
        QCOMPARE(doc.value(u"Id"_s).toString().toUtf8(), id);
        QCOMPARE(doc.value(u"Config"_s).toObject().value(u"config"_s).toObject().value(u"Cmd"_s),
                 QJsonValue(QJsonArray{u"/bin/hello"_s}));
        QJsonObject manifest = doc.value(u"Manifest"_s).toObject();
        QString layerType = manifest.value(u"layers"_s)
                                .toArray()
                                .first()
                                .toObject()
                                .value(u"mediaType"_s)
                                .toString();
        QString expected =
            compression == u"gzip"_s   ? u"application/vnd.oci.image.layer.v1.tar+gzip"_s
            : compression == u"zstd"_s ? u"application/vnd.oci.image.layer.v1.tar+zstd"_s
                                       : u"application/vnd.oci.image.layer.v1.tar"_s;
        QCOMPARE(layerType, expected);
        // The diffID is the sha256 of the uncompressed tar whatever the compression.
        QString diffId = doc.value(u"Config"_s)
                             .toObject()
                             .value(u"rootfs"_s)
                             .toObject()
                             .value(u"diff_ids"_s)
                             .toArray()
                             .first()
                             .toString();
        QCOMPARE(diffId,
                 u"sha256:"_s +
                     QString::fromLatin1(
                         QCryptographicHash::hash(tar, QCryptographicHash::Sha256).toHex()));
        // The layer is on disk, extracted.
        QString layerDir = root() + u"/layers/"_s + diffId.mid(7);
        QVERIFY(QFileInfo(layerDir + u"/bin/hello"_s).isExecutable());
        QCOMPARE(QFile::symLinkTarget(layerDir + u"/bin/hi"_s), layerDir + u"/bin/hello"_s);

        auto rm = koker({u"image"_s, u"rm"_s, u"test/rootfs:v1"_s});
        QCOMPARE(rm.exitCode, 0);
        QVERIFY(rm.out.contains("Untagged: test/rootfs:v1"));
        QVERIFY(rm.out.contains(QByteArray("Deleted: " + id)));
        QCOMPARE(storeObjects(), QStringList());
        auto after = koker({u"image"_s, u"ls"_s, u"-q"_s});
        QCOMPARE(after.out, QByteArray());
    }

    void importFromStdinAndTags()
    {
        KOKER_REQUIRE_ROOT();
        auto imp = koker({u"import"_s, u"-"_s, u"stdin-image"_s}, rootfsTar());
        QCOMPARE(imp.exitCode, 0);
        QCOMPARE(koker({u"tag"_s, u"stdin-image"_s, u"other:2"_s}).exitCode, 0);
        auto ls = koker({u"images"_s});
        QVERIFY(ls.out.contains("stdin-image") && ls.out.contains("other"));
        // Removing one name keeps the image; the last name takes it away.
        auto rm1 = koker({u"rmi"_s, u"other:2"_s});
        QCOMPARE(rm1.exitCode, 0);
        QVERIFY(!rm1.out.contains("Deleted"));
        QVERIFY(!storeObjects().isEmpty());
        QCOMPARE(koker({u"rmi"_s, u"stdin-image"_s}).exitCode, 0);
        QCOMPARE(storeObjects(), QStringList());
    }

    void removeByIdPrefix()
    {
        KOKER_REQUIRE_ROOT();
        auto imp = koker({u"import"_s, u"-"_s, u"byid"_s}, rootfsTar());
        QCOMPARE(imp.exitCode, 0);
        QByteArray shortId = imp.out.trimmed().mid(7, 8);
        auto rm = koker({u"rmi"_s, QString::fromLatin1(shortId)});
        QCOMPARE(rm.exitCode, 0);
        QCOMPARE(storeObjects(), QStringList());
    }

    void errorsAreClear_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QByteArray>("message");
        QTest::addColumn<int>("exitCode");
        QTest::newRow("missing image") << QStringList{u"image"_s, u"rm"_s, u"nope"_s}
                                       << QByteArray("no such image: nope") << 1;
        QTest::newRow("bad name") << QStringList{u"image"_s, u"import"_s, u"-"_s, u"Bad/Name"_s}
                                  << QByteArray("must be lowercase") << 1;
        QTest::newRow("missing file")
            << QStringList{u"image"_s, u"import"_s, u"/nonexistent.tar"_s, u"x"_s}
            << QByteArray("/nonexistent.tar") << 1;
        QTest::newRow("unknown flag") << QStringList{u"image"_s, u"ls"_s, u"--bogus"_s}
                                      << QByteArray("unknown flag: --bogus") << 125;
        QTest::newRow("unknown command")
            << QStringList{u"frobnicate"_s} << QByteArray("unknown command") << 125;
    }

    void errorsAreClear()
    {
        KOKER_REQUIRE_ROOT();
        QFETCH(QStringList, args);
        QFETCH(QByteArray, message);
        QFETCH(int, exitCode);
        auto r = koker(args, rootfsTar());
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY2(r.err.contains(message), QByteArray(r.err).constData());
    }

    void hostileTarballsLeaveNoTrace_data()
    {
        QTest::addColumn<QByteArray>("tar");
        QTest::addColumn<QByteArray>("entry");
        QTest::newRow("dotdot") << TarBuilder().file("../escape", "x").build()
                                << QByteArray("../escape");
        QTest::newRow("absolute") << TarBuilder().file("/etc/koker-escape", "x").build()
                                  << QByteArray("/etc/koker-escape");
        QTest::newRow("symlink then write")
            << TarBuilder().symlink("link", "/etc").file("link/koker-escape", "x").build()
            << QByteArray("link/koker-escape");
        QTest::newRow("hardlink out")
            << TarBuilder().hardlink("passwd", "../../../../etc/passwd").build()
            << QByteArray("passwd");
        QTest::newRow("bad whiteout")
            << TarBuilder().file("dir/.wh..", "").build() << QByteArray(".wh..");
    }

    void hostileTarballsLeaveNoTrace()
    {
        KOKER_REQUIRE_ROOT();
        QFETCH(QByteArray, tar);
        QFETCH(QByteArray, entry);
        QStringList before = storeObjects();
        auto r = koker({u"image"_s, u"import"_s, u"-"_s, u"hostile"_s}, tar);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("refused layer entry") && r.err.contains(entry),
                 QByteArray(r.err).constData());
        QCOMPARE(storeObjects(), before);
        QVERIFY(!QFile::exists(u"/etc/koker-escape"_s));
        QCOMPARE(koker({u"image"_s, u"ls"_s, u"-q"_s}).out, QByteArray());
        // Nothing half-written in scratch space either.
        QDirIterator tmp(root() + u"/tmp"_s, QDir::Files, QDirIterator::Subdirectories);
        QVERIFY(!tmp.hasNext());
    }

    void starterImage()
    {
        KOKER_REQUIRE_ROOT();
        if (!QFile::exists(u"/bin/busybox"_s))
            QSKIP("busybox-static is not installed");
        auto imp = koker({u"image"_s, u"import"_s, u"--starter"_s});
        QCOMPARE(imp.exitCode, 0);
        auto inspect = koker({u"image"_s, u"inspect"_s, u"starter"_s});
        QCOMPARE(inspect.exitCode, 0);
        QJsonObject doc = QJsonDocument::fromJson(inspect.out).array().first().toObject();
        QCOMPARE(doc.value(u"RepoTags"_s).toArray().first().toString(), u"starter:latest"_s);
        QCOMPARE(doc.value(u"Config"_s).toObject().value(u"config"_s).toObject().value(u"Cmd"_s),
                 QJsonValue(QJsonArray{u"sh"_s}));
        QString diffId = doc.value(u"Config"_s)
                             .toObject()
                             .value(u"rootfs"_s)
                             .toObject()
                             .value(u"diff_ids"_s)
                             .toArray()
                             .first()
                             .toString();
        QString layer = root() + u"/layers/"_s + diffId.mid(7);
        QVERIFY(QFileInfo(layer + u"/bin/busybox"_s).isExecutable());
        QCOMPARE(QFile::symLinkTarget(layer + u"/bin/sh"_s), u"/bin/busybox"_s);
        QVERIFY(QFileInfo(layer + u"/tmp"_s).isDir());
        QCOMPARE(koker({u"image"_s, u"rm"_s, u"starter"_s}).exitCode, 0);
        QCOMPARE(storeObjects(), QStringList());
    }
};

QTEST_GUILESS_MAIN(TestImages)
#include "tst_images.moc"
