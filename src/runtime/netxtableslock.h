#pragma once

// The lock every iptables program takes before it reads and replaces a table.
// libiptc replaces a whole table at once (IPT_SO_SET_REPLACE with a blob built
// from the snapshot iptc_init() read), so two writers without a common lock lose
// each other's rules. iptables, iptables-restore, firewalld and Docker all flock
// /run/xtables.lock (or $XTABLES_LOCKFILE); holding the same lock from
// iptc_init() to iptc_commit() makes koker one more well-behaved writer.

#include "error.h"
#include "uniquefd.h"

#include <string>

namespace koker::net {

class XtablesLock
{
public:
    /// $XTABLES_LOCKFILE if set (as iptables reads it), else /run/xtables.lock.
    static std::string defaultPath();

    /// Take the exclusive flock on `path`, waiting up to `timeoutMs` (polling, as
    /// `iptables -w` does); LimitExceeded names the file when another program
    /// holds it longer than that.
    static Result<XtablesLock> acquire(const std::string &path, int timeoutMs);

    XtablesLock(XtablesLock &&) noexcept = default;
    XtablesLock &operator=(XtablesLock &&) noexcept = default;
    ~XtablesLock() = default; // closing the fd drops the lock

private:
    explicit XtablesLock(UniqueFd fd)
        : m_fd(std::move(fd))
    {}
    UniqueFd m_fd;
};

} // namespace koker::net
