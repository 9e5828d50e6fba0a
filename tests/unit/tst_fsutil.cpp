// removeTree: nested trees, files, missing paths, and several removers of the same
// tree at once (two cleanups sweeping one removal): all succeed, nothing is left.

#include "runtime/fsutil.h"

#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QTemporaryDir>
#include <QtTest/QTest>

#include <sys/stat.h>

#include <thread>
#include <vector>

using namespace Qt::Literals::StringLiterals;

class TestFsUtil : public QObject
{
    Q_OBJECT

    // DEPTH levels of WIDTH directories, each with a file.
    static void makeTree(const QString &root, int depth, int width)
    {
        QVERIFY(QDir().mkpath(root));
        QFile f(root + u"/file"_s);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("x");
        if (depth == 0)
            return;
        for (int i = 0; i < width; ++i)
            makeTree(root + u"/d"_s + QString::number(i), depth - 1, width);
    }

private Q_SLOTS:
    void removesNestedTree()
    {
        QTemporaryDir tmp;
        const QString root = tmp.path() + u"/tree"_s;
        makeTree(root, 3, 3);
        // A directory nobody may write to: root can still empty it.
        QVERIFY(::chmod(QFile::encodeName(root + u"/d0"_s).constData(), 0555) == 0);
        auto st = koker::fs::removeTree(root.toStdString());
        QVERIFY2(st, st ? "" : st.error().describe().c_str());
        QVERIFY(!QFileInfo::exists(root));
    }

    void missingPathAndFile()
    {
        QTemporaryDir tmp;
        QVERIFY(koker::fs::removeTree(QString(tmp.path() + u"/nothing"_s).toStdString()));
        QFile f(tmp.path() + u"/plain"_s);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.close();
        QVERIFY(koker::fs::removeTree(f.fileName().toStdString()));
        QVERIFY(!f.exists());
    }

    void concurrentRemovers()
    {
        for (int round = 0; round < 20; ++round) {
            QTemporaryDir tmp;
            const QString root = tmp.path() + u"/tree"_s;
            makeTree(root, 3, 5);
            std::vector<std::string> errors(4);
            std::vector<std::thread> threads;
            for (size_t i = 0; i < errors.size(); ++i) {
                threads.emplace_back([&, i] {
                    if (auto st = koker::fs::removeTree(root.toStdString()); !st)
                        errors[i] = st.error().describe();
                });
            }
            for (auto &t : threads)
                t.join();
            for (const std::string &e : errors)
                QVERIFY2(e.empty(), e.c_str());
            QVERIFY(!QFileInfo::exists(root));
        }
    }
};

QTEST_GUILESS_MAIN(TestFsUtil)
#include "tst_fsutil.moc"
