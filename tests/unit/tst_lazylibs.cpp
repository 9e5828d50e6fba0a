// koker::lazy: libnl, libiptc and libseccomp are opened with dlopen() when first
// needed. Each table resolves every function Koker calls, the pointers are the
// library's own functions, and nothing is loaded before a load...() asks for it.

#include "runtime/lazylibs.h"

#include <QtTest/QTest>

#include <dlfcn.h>
#include <link.h>

#include <string>

namespace {

// Whether a shared object whose path contains `name` is mapped in this process.
bool loaded(const char *name)
{
    struct Search
    {
        const char *name;
        bool found = false;
    } search{name};
    dl_iterate_phdr(
        [](dl_phdr_info *info, size_t, void *data) {
            auto *s = static_cast<Search *>(data);
            if (info->dlpi_name && std::string(info->dlpi_name).find(s->name) != std::string::npos)
                s->found = true;
            return 0;
        },
        &search);
    return search.found;
}

} // namespace

class TestLazyLibs : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Must run first: this test program links none of the three.
    void nothingIsLoadedBeforeItIsAsked()
    {
        QVERIFY(!loaded("libnl-route-3"));
        QVERIFY(!loaded("libip4tc"));
        QVERIFY(!loaded("libseccomp"));
    }

    void libnlResolvesEveryFunction()
    {
        auto st = koker::lazy::loadLibNl();
        QVERIFY2(st.has_value(), st ? "" : st.error().message.c_str());
        QVERIFY(loaded("libnl-route-3"));
        QVERIFY(loaded("libnl-3"));
        const koker::lazy::LibNl &nl = koker::lazy::nl();
#define KOKER_CHECK(name) QVERIFY2(nl.name != nullptr, #name);
        KOKER_LIBNL_FUNCTIONS(KOKER_CHECK)
#undef KOKER_CHECK
        // A call through the table reaches the library.
        QCOMPARE(std::string(nl.nl_geterror(NLE_NOMEM)), std::string("Out of memory"));
        nl_sock *sock = nl.nl_socket_alloc();
        QVERIFY(sock);
        nl.nl_socket_free(sock);
    }

    void libiptcResolvesEveryFunction()
    {
        auto st = koker::lazy::loadLibIptc();
        QVERIFY2(st.has_value(), st ? "" : st.error().message.c_str());
        QVERIFY(loaded("libip4tc"));
        const koker::lazy::LibIptc &iptc = koker::lazy::iptc();
#define KOKER_CHECK(name) QVERIFY2(iptc.name != nullptr, #name);
        KOKER_LIBIPTC_FUNCTIONS(KOKER_CHECK)
#undef KOKER_CHECK
        QVERIFY(iptc.iptc_strerror(EPERM) != nullptr);
    }

    void libseccompResolvesEveryFunction()
    {
        auto st = koker::lazy::loadLibSeccomp();
        QVERIFY2(st.has_value(), st ? "" : st.error().message.c_str());
        QVERIFY(loaded("libseccomp"));
        const koker::lazy::LibSeccomp &sc = koker::lazy::seccomp();
#define KOKER_CHECK(name) QVERIFY2(sc.name != nullptr, #name);
        KOKER_LIBSECCOMP_FUNCTIONS(KOKER_CHECK)
#undef KOKER_CHECK
        // The cache key uses the version Koker was built against; the library that
        // runs must be that one (Debian ships a single libseccomp2).
        const scmp_version *v = sc.seccomp_version();
        QCOMPARE(v->major, static_cast<unsigned int>(SCMP_VER_MAJOR));
        QCOMPARE(v->minor, static_cast<unsigned int>(SCMP_VER_MINOR));
#ifdef __x86_64__
        QCOMPARE(sc.seccomp_syscall_resolve_name("read"), 0);
#endif
    }

    void loadingTwiceIsOneLoad()
    {
        QVERIFY(koker::lazy::loadLibNl().has_value());
        QCOMPARE(&koker::lazy::nl(), &koker::lazy::nl());
    }

    // The tables point into the very libraries that are mapped, not at some other
    // definition of the same name.
    void tablesPointIntoTheLibraries()
    {
        struct Case
        {
            const char *soname, *symbol;
            void *fromTable;
        } cases[] = {
            {"libnl-route-3.so.200", "rtnl_link_alloc",
             reinterpret_cast<void *>(koker::lazy::nl().rtnl_link_alloc)},
            {"libnl-3.so.200", "nl_socket_alloc",
             reinterpret_cast<void *>(koker::lazy::nl().nl_socket_alloc)},
            {"libip4tc.so.2", "iptc_init", reinterpret_cast<void *>(koker::lazy::iptc().iptc_init)},
            {"libseccomp.so.2", "seccomp_init",
             reinterpret_cast<void *>(koker::lazy::seccomp().seccomp_init)},
        };
        for (const Case &c : cases) {
            void *handle = ::dlopen(c.soname, RTLD_NOW | RTLD_NOLOAD);
            QVERIFY2(handle, c.soname);
            QCOMPARE(c.fromTable, ::dlsym(handle, c.symbol));
            ::dlclose(handle);
        }
    }
};

QTEST_GUILESS_MAIN(TestLazyLibs)
#include "tst_lazylibs.moc"
