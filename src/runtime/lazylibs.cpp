#include "lazylibs.h"

#include <dlfcn.h>
#include <unistd.h>

#include <cstdlib>
#include <mutex>

namespace koker::lazy {

namespace {

struct Loaded
{
    std::once_flag once;
    Status status;
};

// dlopen() `soname` once and fill `table` by name with `resolve`, which returns the
// first function it cannot find.
template <typename Table>
Status loadOnce(Loaded &loaded, Table &table, const char *soname, const char *package,
                const char *needs, const char *(*resolve)(void *, Table &))
{
    std::call_once(loaded.once, [&] {
        void *handle = ::dlopen(soname, RTLD_NOW | RTLD_LOCAL);
        if (!handle) {
            const char *why = ::dlerror();
            loaded.status =
                fail(ErrorCode::Unsupported, std::string("cannot load ") + soname + ", which " +
                                                 needs + " (" + (why ? why : "unknown error") +
                                                 "); install it with: apt-get install " + package);
            return;
        }
        // Kept open for the life of the process: the pointers point into it.
        if (const char *missing = resolve(handle, table))
            loaded.status =
                fail(ErrorCode::Unsupported,
                     std::string(soname) + " has no " + missing + "; install a newer " + package);
    });
    return loaded.status;
}

template <typename Table>
const Table &orDie(const Table &table, Status status)
{
    if (!status) {
        const std::string text = "koker: " + status.error().message + "\n";
        (void)!::write(STDERR_FILENO, text.data(), text.size());
        std::abort();
    }
    return table;
}

#define KOKER_LAZY_RESOLVE(name)                                                                   \
    if (!(t.name = reinterpret_cast<decltype(t.name)>(::dlsym(handle, #name))))                    \
        return #name;

const char *resolveNl(void *handle, LibNl &t)
{
    KOKER_LIBNL_FUNCTIONS(KOKER_LAZY_RESOLVE)
    return nullptr;
}

const char *resolveIptc(void *handle, LibIptc &t)
{
    KOKER_LIBIPTC_FUNCTIONS(KOKER_LAZY_RESOLVE)
    return nullptr;
}

const char *resolveSeccomp(void *handle, LibSeccomp &t)
{
    KOKER_LIBSECCOMP_FUNCTIONS(KOKER_LAZY_RESOLVE)
    return nullptr;
}

#undef KOKER_LAZY_RESOLVE

LibNl g_nl;
Loaded g_nlLoaded;
LibIptc g_iptc;
Loaded g_iptcLoaded;
LibSeccomp g_seccomp;
Loaded g_seccompLoaded;

} // namespace

Status loadLibNl()
{
    // libnl-route-3 pulls libnl-3 in; dlsym() on its handle finds both.
    return loadOnce(g_nlLoaded, g_nl, "libnl-route-3.so.200", "libnl-route-3-200",
                    "networks with a bridge need", resolveNl);
}

Status loadLibIptc()
{
    return loadOnce(g_iptcLoaded, g_iptc, "libip4tc.so.2", "libip4tc2",
                    "NAT and published ports need", resolveIptc);
}

Status loadLibSeccomp()
{
    return loadOnce(g_seccompLoaded, g_seccomp, "libseccomp.so.2", "libseccomp2",
                    "compiling a seccomp filter needs", resolveSeccomp);
}

const LibNl &nl()
{
    return orDie(g_nl, loadLibNl());
}

const LibIptc &iptc()
{
    return orDie(g_iptc, loadLibIptc());
}

const LibSeccomp &seccomp()
{
    return orDie(g_seccomp, loadLibSeccomp());
}

} // namespace koker::lazy
