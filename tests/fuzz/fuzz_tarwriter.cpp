// Fuzz target: koker::extractLayer (runtime/layerextractor.h) and the LayerWriter under it.
//
// The input is a layer stream (tar, or gzip/zstd/xz/bzip2/lz4 of one). It is extracted
// into a fresh directory "target" next to a "victim" directory:
//
//   <tmpfs root>/l1/l2/target   the extraction target, made anew for every input, with
//                               symlinks "an earlier layer planted" (up, absolute, to the
//                               root and to the parent) that extraction must never follow
//   <tmpfs root>/l1/l2/victim   files, a hardlink pair, a symlink: must never change
//
// After each input (security brief, rule 2): nothing but target and victim exists at
// any level below the tmpfs root; the victim is unchanged (contents, modes, times, link
// counts); every inode in the target is linked only from inside it (a hardlink to a file
// outside would show as a link count larger than the links in the target) and none is
// a victim inode; no device node exists unless the policy allowed devices; the bounds
// of the policy held; no fd leaked; and once the target is removed the file system holds
// exactly as many inodes as before (so nothing was created anywhere else on it).
//
// Setup (LLVMFuzzerInitialize): as root, a private mount namespace with a tmpfs
// (nosuid, nodev) at /tmp/koker-fuzz-tarwriter, so the absolute paths in the corpus
// seeds point at the victim and nothing of the host is touched, and the host's system
// directories bind-mounted read-only in it as a second fence in case extraction ever
// did follow an absolute symlink; otherwise a temporary directory.

#include "fuzzcheck.h"
#include "runtime/layerextractor.h"

#include <dirent.h>
#include <fcntl.h>
#include <sched.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace {

constexpr char kMountPoint[] = "/tmp/koker-fuzz-tarwriter";

struct Setup
{
    std::string root;   // the tmpfs (or temporary directory)
    std::string parent; // root/l1/l2: holds target and victim
    int parentFd = -1;
    int rootFd = -1;
    bool tmpfs = false;
    bool started = false;
    fsfilcnt_t freeInodes = 0;
};

Setup g;

struct Node
{
    std::string path;
    mode_t mode = 0;
    uid_t uid = 0;
    nlink_t nlink = 0;
    ino_t ino = 0;
    off_t size = 0;
    timespec mtime{};
    std::string content; // file contents or symlink target
};

std::vector<Node> g_victim;
std::set<ino_t> g_victimInodes;
struct stat g_victimDir
{};

void die(const char *what)
{
    std::fprintf(stderr, "fuzz_tarwriter setup: %s: %s\n", what, std::strerror(errno));
    std::abort();
}

std::string readAllAt(int dirFd, const char *name)
{
    int fd = ::openat(dirFd, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0)
        return "<unreadable>";
    std::string out;
    char buf[4096];
    ssize_t n;
    while ((n = ::read(fd, buf, sizeof buf)) > 0)
        out.append(buf, static_cast<size_t>(n));
    ::close(fd);
    return out;
}

// Visit every entry below `dirFd` without following symlinks, directories before their
// children. Directories that are not searchable are made so first (an unprivileged run
// meets layers with 0000 directories).
template <class F>
void walk(int dirFd, const std::string &prefix, F &&visit)
{
    int listFd = ::openat(dirFd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (listFd < 0)
        die("open a directory to walk");
    DIR *dir = ::fdopendir(listFd);
    if (!dir)
        die("fdopendir");
    std::vector<std::string> names;
    while (dirent *e = ::readdir(dir)) {
        if (std::strcmp(e->d_name, ".") != 0 && std::strcmp(e->d_name, "..") != 0)
            names.emplace_back(e->d_name);
    }
    ::closedir(dir);
    std::sort(names.begin(), names.end());
    for (const std::string &name : names) {
        struct stat st
        {};
        if (::fstatat(dirFd, name.c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0)
            die("fstatat while walking");
        const std::string path = prefix.empty() ? name : prefix + '/' + name;
        visit(dirFd, name, path, st);
        if (S_ISDIR(st.st_mode)) {
            // A failed chmod shows as the openat's failure below.
            if (::faccessat(dirFd, name.c_str(), R_OK | X_OK, AT_EACCESS) != 0)
                (void)!::fchmodat(dirFd, name.c_str(), 0700, 0);
            int child =
                ::openat(dirFd, name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
            if (child < 0)
                die("open a directory while walking");
            walk(child, path, visit);
            ::close(child);
        }
    }
}

std::vector<Node> snapshot(int dirFd)
{
    std::vector<Node> nodes;
    walk(dirFd, std::string(),
         [&](int at, const std::string &name, const std::string &path, const struct stat &st) {
             Node n;
             n.path = path;
             n.mode = st.st_mode;
             n.uid = st.st_uid;
             n.nlink = st.st_nlink;
             n.ino = st.st_ino;
             n.size = st.st_size;
             n.mtime = st.st_mtim;
             if (S_ISREG(st.st_mode)) {
                 n.content = readAllAt(at, name.c_str());
             } else if (S_ISLNK(st.st_mode)) {
                 char buf[4096];
                 ssize_t len = ::readlinkat(at, name.c_str(), buf, sizeof buf);
                 n.content.assign(buf, len > 0 ? static_cast<size_t>(len) : 0);
             }
             nodes.push_back(std::move(n));
         });
    return nodes;
}

bool sameNode(const Node &a, const Node &b)
{
    return a.path == b.path && a.mode == b.mode && a.uid == b.uid && a.nlink == b.nlink &&
           a.ino == b.ino && a.size == b.size && a.mtime.tv_sec == b.mtime.tv_sec &&
           a.mtime.tv_nsec == b.mtime.tv_nsec && a.content == b.content;
}

// Only the direct children, without descending (the levels above the target).
std::vector<std::string> children(int dirFd)
{
    std::vector<std::string> names;
    int listFd = ::openat(dirFd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    DIR *dir = listFd >= 0 ? ::fdopendir(listFd) : nullptr;
    if (!dir)
        die("list a directory");
    while (dirent *e = ::readdir(dir)) {
        if (std::strcmp(e->d_name, ".") != 0 && std::strcmp(e->d_name, "..") != 0)
            names.emplace_back(e->d_name);
    }
    ::closedir(dir);
    std::sort(names.begin(), names.end());
    return names;
}

void removeTree(int parentFd, const char *name)
{
    struct stat st
    {};
    if (::fstatat(parentFd, name, &st, AT_SYMLINK_NOFOLLOW) != 0)
        return;
    if (S_ISDIR(st.st_mode)) {
        // A failed chmod shows as the openat's failure below.
        if (::faccessat(parentFd, name, R_OK | W_OK | X_OK, AT_EACCESS) != 0)
            (void)!::fchmodat(parentFd, name, 0700, 0);
        int fd = ::openat(parentFd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        if (fd < 0)
            die("open a directory to remove");
        for (const std::string &child : children(fd))
            removeTree(fd, child.c_str());
        ::close(fd);
        if (::unlinkat(parentFd, name, AT_REMOVEDIR) != 0)
            die("remove a directory");
    } else if (::unlinkat(parentFd, name, 0) != 0) {
        die("remove a file");
    }
}

// The open fds, from /proc. Compared before and after each input, not against a
// baseline: between inputs libFuzzer may start llvm-symbolizer (with pipes) to print
// new functions, which is none of the code under test's doing.
std::vector<int> openFds()
{
    std::vector<int> fds;
    DIR *dir = ::opendir("/proc/self/fd");
    if (!dir)
        die("list /proc/self/fd");
    while (dirent *e = ::readdir(dir)) {
        if (e->d_name[0] == '.')
            continue;
        int fd = std::atoi(e->d_name);
        if (fd != ::dirfd(dir))
            fds.push_back(fd);
    }
    ::closedir(dir);
    std::sort(fds.begin(), fds.end());
    return fds;
}

std::string fdName(int fd)
{
    char link[4096];
    const std::string proc = "/proc/self/fd/" + std::to_string(fd);
    ssize_t n = ::readlink(proc.c_str(), link, sizeof link);
    return std::to_string(fd) + " -> " + (n > 0 ? std::string(link, static_cast<size_t>(n)) : "?");
}

fsfilcnt_t freeInodes()
{
    struct statvfs s
    {};
    if (::fstatvfs(g.rootFd, &s) != 0)
        die("fstatvfs");
    return s.f_ffree;
}

void makeRoot()
{
    if (::geteuid() == 0 && ::unshare(CLONE_NEWNS) == 0) {
        // Private: nothing mounted below propagates to the host.
        if (::mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0)
            die("make mounts private");
        if (::mkdir(kMountPoint, 0700) != 0 && errno != EEXIST)
            die("create the tmpfs mount point");
        if (::mount("koker-fuzz", kMountPoint, "tmpfs", MS_NOSUID | MS_NODEV,
                    "size=256m,nr_inodes=200000,mode=0700") != 0)
            die("mount the tmpfs");
        // A second fence, in this namespace only: system directories read-only.
        for (const char *dir : {"/etc", "/usr", "/boot", "/var", "/opt", "/srv"}) {
            struct stat st
            {};
            if (::lstat(dir, &st) != 0 || !S_ISDIR(st.st_mode))
                continue;
            if (::mount(dir, dir, nullptr, MS_BIND | MS_REC, nullptr) == 0)
                ::mount(nullptr, dir, nullptr, MS_BIND | MS_REMOUNT | MS_RDONLY, nullptr);
        }
        g.root = kMountPoint;
        g.tmpfs = true;
        return;
    }
    std::string pattern = "/tmp/koker-fuzz-tarwriter-XXXXXX";
    if (!::mkdtemp(pattern.data()))
        die("create a temporary directory");
    g.root = pattern;
}

void makeVictim()
{
    if (::mkdirat(g.parentFd, "victim", 0755) != 0)
        die("create victim");
    int v = ::openat(g.parentFd, "victim", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (v < 0)
        die("open victim");
    auto writeFile = [&](int dir, const char *name, const char *content, mode_t mode) {
        int fd = ::openat(dir, name, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
        if (fd < 0 || ::write(fd, content, std::strlen(content)) < 0)
            die("write a victim file");
        ::close(fd);
    };
    writeFile(v, "secret", "the victim's secret\n", 0600);
    writeFile(v, "passwd", "root:x:0:0:root:/root:/bin/sh\n", 0644);
    if (::linkat(v, "secret", v, "secret-link", 0) != 0)
        die("hardlink in victim");
    if (::symlinkat("secret", v, "symlink") != 0)
        die("symlink in victim");
    if (::mkdirat(v, "dir", 0755) != 0)
        die("mkdir in victim");
    int d = ::openat(v, "dir", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (d < 0)
        die("open victim/dir");
    writeFile(d, "file", "inside the victim's directory\n", 0644);
    ::close(d);
    ::close(v);
}

// Symlinks a hostile earlier layer could have left in the target (when it is one of the
// layers of a flattened export, or a container's upper dir re-read at restart).
void plant(int targetFd)
{
    const std::string victimAbs = g.parent + "/victim";
    const std::pair<const char *, std::string> links[] = {
        {"planted-up", "../victim"},
        {"planted-abs", victimAbs},
        {"planted-root", "/"},
        {"planted-parent", ".."},
        {"planted-secret", "../victim/secret"},
    };
    for (const auto &[name, to] : links) {
        if (::symlinkat(to.c_str(), targetFd, name) != 0)
            die("plant a symlink");
    }
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    ::umask(022);
    makeRoot();
    g.rootFd = ::open(g.root.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (g.rootFd < 0)
        die("open the root");
    if (::mkdirat(g.rootFd, "l1", 0755) != 0 && errno != EEXIST)
        die("mkdir l1");
    g.parent = g.root + "/l1/l2";
    if (::mkdir(g.parent.c_str(), 0755) != 0 && errno != EEXIST)
        die("mkdir l2");
    g.parentFd = ::open(g.parent.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (g.parentFd < 0)
        die("open l2");
    // A leftover of an earlier run (the unprivileged temporary directory is new anyway).
    removeTree(g.parentFd, "target");
    removeTree(g.parentFd, "victim");
    makeVictim();
    int v = ::openat(g.parentFd, "victim", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    g_victim = snapshot(v);
    if (::fstat(v, &g_victimDir) != 0)
        die("fstat victim");
    ::close(v);
    for (const Node &n : g_victim)
        g_victimInodes.insert(n.ino);
    std::fprintf(stderr, "fuzz_tarwriter: extracting below %s (%s)\n", g.parent.c_str(),
                 g.tmpfs ? "a tmpfs in a private mount namespace" : "a temporary directory");
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (g.parentFd < 0)
        LLVMFuzzerInitialize(nullptr, nullptr);
    if (!g.started) {
        g.freeInodes = freeInodes();
        g.started = true;
    }
    const std::vector<int> fdsBefore = openFds();

    if (::mkdirat(g.parentFd, "target", 0755) != 0)
        die("create the target");
    int target = ::openat(g.parentFd, "target", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (target < 0)
        die("open the target");
    plant(target);

    koker::ExtractPolicy policy;
    policy.preserveOwners = false;
    policy.allowDevices = size % 2 == 1; // both ways, decided by the input
    policy.maxTotalBytes = 8u << 20;
    policy.maxEntries = 4096;
    policy.maxSeconds = 5;

    // Hand the stream over in pieces of an input-dependent size, so block boundaries
    // fall in different places of headers and compressed frames.
    const size_t piece = 512 * (1 + size % 7) + size % 3;
    size_t offset = 0;
    auto read = [&](void *buf, size_t want) -> ssize_t {
        size_t n = std::min({want, piece, size - offset});
        if (n > 0)
            std::memcpy(buf, data + offset, n);
        offset += n;
        return static_cast<ssize_t>(n);
    };
    auto result = koker::extractLayer(read, target, policy);
    if (result) {
        KOKER_FUZZ_CHECK(result->uncompressedBytes <= policy.maxTotalBytes, "size bound");
        KOKER_FUZZ_CHECK(result->entries <= policy.maxEntries, "entry bound");
        KOKER_FUZZ_CHECK(result->diffId.size() == 7 + 64 && result->diffId.starts_with("sha256:"),
                         "diffID " + result->diffId);
    } else {
        KOKER_FUZZ_CHECK(!result.error().message.empty(), "an error without a message");
    }

    // Nothing next to the target, nor above it.
    KOKER_FUZZ_CHECK(children(g.parentFd) == (std::vector<std::string>{"target", "victim"}),
                     "something was created next to the target");
    int l1 = ::openat(g.rootFd, "l1", O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    KOKER_FUZZ_CHECK(l1 >= 0, "l1 is gone");
    KOKER_FUZZ_CHECK(children(l1) == std::vector<std::string>{"l2"}, "something appeared in l1");
    ::close(l1);
    KOKER_FUZZ_CHECK(children(g.rootFd) == std::vector<std::string>{"l1"},
                     "something appeared at the root");

    // The victim is exactly as it was.
    int victim = ::openat(g.parentFd, "victim", O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    KOKER_FUZZ_CHECK(victim >= 0, "the victim directory is gone or replaced");
    struct stat victimSt
    {};
    if (::fstat(victim, &victimSt) != 0)
        die("fstat victim");
    KOKER_FUZZ_CHECK(victimSt.st_ino == g_victimDir.st_ino &&
                         victimSt.st_mode == g_victimDir.st_mode &&
                         victimSt.st_mtim.tv_nsec == g_victimDir.st_mtim.tv_nsec &&
                         victimSt.st_mtim.tv_sec == g_victimDir.st_mtim.tv_sec,
                     "the victim directory changed");
    const std::vector<Node> now = snapshot(victim);
    ::close(victim);
    KOKER_FUZZ_CHECK(now.size() == g_victim.size() &&
                         std::equal(now.begin(), now.end(), g_victim.begin(), sameNode),
                     "the victim changed");

    // The target: hardlinks only among its own inodes, no victim inode, devices by
    // policy, all on the target's file system.
    struct stat targetSt
    {};
    if (::fstat(target, &targetSt) != 0)
        die("fstat the target");
    std::map<ino_t, std::pair<nlink_t, nlink_t>> links; // inode -> (nlink, links seen)
    walk(target, std::string(),
         [&](int, const std::string &, const std::string &path, const struct stat &st) {
             KOKER_FUZZ_CHECK(st.st_dev == targetSt.st_dev, "another file system at " + path);
             KOKER_FUZZ_CHECK(!g_victimInodes.contains(st.st_ino), "a victim inode at " + path);
             if ((S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode)) && !policy.allowDevices)
                 KOKER_FUZZ_CHECK(S_ISCHR(st.st_mode) && st.st_rdev == makedev(0, 0),
                                  "a device node at " + path);
             if (!S_ISDIR(st.st_mode)) {
                 auto &l = links[st.st_ino];
                 l.first = st.st_nlink;
                 ++l.second;
             }
         });
    for (const auto &[ino, l] : links)
        KOKER_FUZZ_CHECK(l.first == l.second, "inode " + std::to_string(ino) + " has " +
                                                  std::to_string(l.first) + " links, " +
                                                  std::to_string(l.second) + " in the target");

    ::close(target);
    removeTree(g.parentFd, "target");
    const std::vector<int> fdsAfter = openFds();
    if (fdsAfter != fdsBefore) {
        std::string leaked;
        for (int fd : fdsAfter) {
            if (!std::binary_search(fdsBefore.begin(), fdsBefore.end(), fd))
                leaked += fdName(fd) + "; ";
        }
        KOKER_FUZZ_CHECK(fdsAfter == fdsBefore, "file descriptors leaked: " + leaked);
    }
    // Only on our own tmpfs: a shared /tmp changes under other programs.
    if (g.tmpfs)
        KOKER_FUZZ_CHECK(freeInodes() == g.freeInodes,
                         "inodes outside the target: " + std::to_string(g.freeInodes) +
                             " free before, " + std::to_string(freeInodes()) + " after");
    return 0;
}
