#pragma once

// Network namespace files, the way `ip netns add` makes them: a namespace lives
// as long as something references it, so we pin a new one by bind-mounting its
// /proc/.../ns/net file onto a file of our own (e.g. /run/koker/netns/<id>).
// The container joins it later with setns(), the host configures it with netlink
// sockets opened inside it, and `nsenter --net=<file>` lets a student look in.
//
// Namespaces are per thread. We never switch the calling thread: in a
// multi-threaded program (the helper, a Qt GUI) the other threads would keep
// running in the old namespace, and a thread pool would hand out a thread that
// silently lives in a container's network. Every switch happens on a dedicated
// short-lived thread that ends with its work.

#include "error.h"
#include "uniquefd.h"

#include <functional>
#include <string>

namespace koker::net {

class NetNamespace
{
public:
    /// Make `dir` a shared mount point of its own, as `ip netns` does with
    /// /run/netns: a later mount namespace (a container being made) then gets a
    /// *peer* of each netns bind mount rather than a private copy, so our
    /// umount reaches it and the namespace really goes away. Idempotent.
    static Status prepareDirectory(const std::string &dir);

    /// Create a new network namespace and pin it at `path` (its directory is made
    /// 0700 if missing; the file must not exist): unshare(CLONE_NEWNET) on a
    /// helper thread, then mount --bind /proc/self/task/<tid>/ns/net onto `path`.
    static Status create(const std::string &path);

    /// Open a namespace file O_RDONLY|O_CLOEXEC and check it really is a network
    /// namespace (NS_GET_NSTYPE), not a plain file left behind by a crash.
    static Result<UniqueFd> open(const std::string &path);

    /// Run `fn` on a new thread that first setns()es into `nsFd`; returns what fn
    /// returned (or why the thread could not enter). The caller's thread is untouched.
    static Status runIn(int nsFd, const std::function<Status()> &fn);
    /// Same, opening the namespace file first.
    static Status runIn(const std::string &path, const std::function<Status()> &fn);

    /// Unmount (MNT_DETACH, never following a symlink) and unlink `path`. A
    /// missing file or one that is no longer mounted is fine: idempotent.
    static Status remove(const std::string &path);

    /// Run `fn` on a fresh thread and wait for it (no namespace change). The
    /// building block of runIn() and of Netlink::openIn().
    static Status runOnThread(const std::function<Status()> &fn);
};

} // namespace koker::net
