#pragma once

// Proof of cleanup (issue 8): every change a container made on the host, derived
// from its recorded steps and its inspect document, and a live check that each is
// gone. `koker inspect --proof` lists them before a removal, `koker rm --proof`
// checks them after it:
//
//   cgroup dirs     one per hierarchy (cgroup.mkdir steps, inspect's Cgroup.Paths)
//   netns file      <runroot>/netns/<id> and the bind mount that pins the namespace
//   veth            the host end (kk<id:12>) and its attachment to the bridge
//   iptables rules  every rule commented koker:<id> (published ports)
//   IP lease        the address leased in the network's leases file
//   mounts          volume pins (bind mounts in the state dir), the overlay's mount point
//   state dir       <root>/containers/<id>, and the run dir <runroot>/c/<id:12>
//
// What a container shares with others (the koker/ cgroup group, the network's
// bridge and its NAT rules, ip_forward) is listed as kept, never as a leak: it
// outlives containers the way docker0 does.
//
// The checks read only: stat/lstat, readlink, /proc/self/mountinfo, an rtnetlink
// dump (runtime Netlink), libiptc's listing (IptablesNat::listOwnRules) and the
// lease file (Ipam::lookup). They need root for the iptables listing.

#include "runtime/error.h"

#include <QtCore/QJsonArray>
#include <QtCore/QJsonObject>
#include <QtCore/QList>
#include <QtCore/QString>

namespace koker {

class Engine;

/// One change a container made on the host.
struct HostChange
{
    enum class Kind
    {
        CgroupDir,     // subject: the directory
        NetnsFile,     // subject: the namespace file
        Mount,         // subject: the mount point (netns pin, volume pin, overlay)
        Veth,          // subject: the host-side interface
        BridgePort,    // subject: the veth; detail: the bridge it was plugged into
        IptablesRules, // subject: the comment ("koker:<id>"); detail: rules the steps made
        IpLease,       // subject: the address; detail: the lease directory
        StateDir,      // subject: <root>/containers/<id>
        RunDir,        // subject: <runroot>/c/<id:12>
        Bridge,        // subject: the network's bridge (kept: shared, listed only)
    };
    Kind kind = Kind::StateDir;
    QString subject;
    QString detail;
    QString containerId; // whose change it is (the full id)
    int seq = -1;        // the step that made it; -1 = known from the inspect data only
    QString title;       // that step's title
    bool kept = false;   // shared with other containers: listed, not checked

    /// "cgroup dir", "netns file", "mount", "veth", ... for the checklist.
    QString kindName() const;
    /// "cgroup dir /sys/fs/cgroup/memory/koker/<id>" and the like.
    QString describe() const;
};

/// A change and whether it is still on the host.
struct CleanupCheck
{
    HostChange change;
    bool present = false;
    QString
        evidence; // what shows it is still there ("in /proc/self/mountinfo", "up, master kk-...")
};

class CleanupProof
{
public:
    /// What the inspect document does not say.
    struct Context
    {
        QString runDir; // ContainerStore::runDir(id)
    };

    /// Every host change of the container in `inspect` (a ContainerService::inspect
    /// document), in the order its steps made them, kept ones last.
    static QList<HostChange> derive(const QJsonObject &inspect, const Context &context = {});
    /// Look at the host now; kept changes are passed through with present = false.
    static QList<CleanupCheck> check(const QList<HostChange> &changes);
    /// Whether every checked change is gone.
    static bool allGone(const QList<CleanupCheck> &checks);
    /// The checklist. After a removal: "✓ removed: ..." / "✗ still there: ...";
    /// before one: "• ... [there now]".
    static QString render(const QString &container, const QList<CleanupCheck> &checks,
                          bool afterRemoval);

    /// derive() for a container of `engine` (by id, name or prefix); `name` gets
    /// its name.
    static Result<QList<HostChange>> changesOf(Engine &engine, const QString &idOrName,
                                               QString *name = nullptr);

    /// The checks as JSON (over D-Bus: kokerd checks, the CLI and the studio show),
    /// each {kind, subject, detail, containerId, seq, title, kept, present, evidence}.
    static QJsonArray toJson(const QList<CleanupCheck> &checks);
    /// Back from toJson(); unknown kinds are dropped.
    static QList<CleanupCheck> fromJson(const QJsonArray &array);
};

} // namespace koker
