#include "netnamespace.h"

#include "fsutil.h"

#include <fcntl.h>
#include <linux/nsfs.h>
#include <pthread.h>
#include <sched.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

namespace koker::net {

namespace {

struct ThreadJob
{
    const std::function<Status()> *fn;
    Status result;
};

void *threadMain(void *arg)
{
    auto *job = static_cast<ThreadJob *>(arg);
    job->result = (*job->fn)();
    return nullptr;
}

std::string parentOf(const std::string &path)
{
    size_t slash = path.rfind('/');
    if (slash == std::string::npos)
        return ".";
    return slash == 0 ? "/" : path.substr(0, slash);
}

} // namespace

Status NetNamespace::runOnThread(const std::function<Status()> &fn)
{
    // pthread rather than std::thread: no exception can escape the runtime.
    ThreadJob job{&fn, {}};
    pthread_t thread;
    int err = ::pthread_create(&thread, nullptr, threadMain, &job);
    if (err != 0)
        return failErrno("start a helper thread", err);
    ::pthread_join(thread, nullptr);
    return job.result;
}

Status NetNamespace::prepareDirectory(const std::string &dir)
{
    if (auto st = fs::makeDirectories(dir, 0700); !st)
        return st;
    // First try to mark the existing mount shared; EINVAL means `dir` is not a
    // mount point yet, so bind it onto itself and try again (iproute2's order).
    if (::mount("", dir.c_str(), nullptr, MS_SHARED | MS_REC, nullptr) == 0)
        return {};
    if (errno != EINVAL)
        return failErrno("make " + dir + " a shared mount");
    if (::mount(dir.c_str(), dir.c_str(), nullptr, MS_BIND | MS_REC, nullptr) != 0)
        return failErrno("bind-mount " + dir + " onto itself");
    if (::mount("", dir.c_str(), nullptr, MS_SHARED | MS_REC, nullptr) != 0)
        return failErrno("make " + dir + " a shared mount");
    return {};
}

Status NetNamespace::create(const std::string &path)
{
    if (auto st = fs::makeDirectories(parentOf(path), 0700); !st)
        return st;
    // The mount point: an empty file, mode 0 like ip netns makes (nobody reads it;
    // the mount on top is what matters). O_EXCL: never adopt someone else's file.
    {
        UniqueFd fd(::open(path.c_str(), O_RDONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0));
        if (!fd) {
            if (errno == EEXIST)
                return fail(ErrorCode::AlreadyExists,
                            "network namespace file " + path +
                                " already exists; remove it first (a leftover of a crash is "
                                "removed by NetNamespace::remove / `umount " +
                                path + "; rm " + path + "`)");
            return failErrno("create network namespace file " + path);
        }
    }
    Status st = runOnThread([&]() -> Status {
        // This thread gets the new namespace and dies right after; the bind mount
        // keeps the namespace alive without any process in it.
        if (::unshare(CLONE_NEWNET) != 0)
            return failErrno("unshare(CLONE_NEWNET)");
        std::string self = "/proc/self/task/" + std::to_string(::gettid()) + "/ns/net";
        if (::mount(self.c_str(), path.c_str(), nullptr, MS_BIND, nullptr) != 0)
            return failErrno("mount --bind " + self + " " + path);
        return {};
    });
    if (!st) {
        ::unlink(path.c_str());
        return std::unexpected(withContext(st.error(), "create network namespace " + path));
    }
    return {};
}

Result<UniqueFd> NetNamespace::open(const std::string &path)
{
    UniqueFd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW));
    if (!fd)
        return failErrno("open network namespace file " + path);
    int type = ::ioctl(fd.get(), NS_GET_NSTYPE);
    if (type != CLONE_NEWNET)
        return fail(ErrorCode::NotFound,
                    path + " is not a mounted network namespace (a plain file left by a crash? "
                           "remove it and create the namespace again)");
    return fd;
}

Status NetNamespace::runIn(int nsFd, const std::function<Status()> &fn)
{
    return runOnThread([&]() -> Status {
        if (::setns(nsFd, CLONE_NEWNET) != 0)
            return failErrno("setns(CLONE_NEWNET)");
        return fn();
    });
}

Status NetNamespace::runIn(const std::string &path, const std::function<Status()> &fn)
{
    auto fd = open(path);
    if (!fd)
        return std::unexpected(fd.error());
    return runIn(fd->get(), fn);
}

Status NetNamespace::remove(const std::string &path)
{
    // MNT_DETACH: a process may still hold the namespace open (a monitor, a
    // student's nsenter); the mount goes now, the namespace when the last user does.
    // A loop, because the same file can carry stacked mounts (propagation from a
    // peer, a create() racing a crash); EINVAL = nothing mounted there any more.
    for (int i = 0; i < 16; ++i) {
        if (::umount2(path.c_str(), MNT_DETACH | UMOUNT_NOFOLLOW) == 0)
            continue;
        if (errno == EINVAL || errno == ENOENT)
            break;
        return failErrno("umount2(" + path + ", MNT_DETACH)");
    }
    if (::unlink(path.c_str()) != 0 && errno != ENOENT)
        return failErrno("unlink " + path);
    return {};
}

} // namespace koker::net
