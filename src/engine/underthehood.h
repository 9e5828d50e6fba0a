#pragma once

// "Under the hood" (issue 8): what the kernel says about a running container, for
// `koker inspect --hood` and the GUI's panels (the lead exposes it over D-Bus). It
// reads /proc/<pid>/ns/*, /proc/<pid>/mountinfo, the cgroup files, rtnetlink in the
// container's network namespace and the iptables listing; it changes nothing.
//
// The JSON, schema 1. Keys are stable; readers ignore keys they do not know.
// Numbers that may be absent are null; raw file texts are strings as read.
//
// {
//   "schema": 1, "id": "<64 hex>", "name": "web", "pid": 4242,  // host pid of the init
//   "namespaces": [                       // one per type the kernel has, in this order:
//     {                                   // mnt uts ipc pid net cgroup user time
//       "type": "mnt",
//       "key": "ns.mnt",                  // lesson key (docs/learn, GUI translations)
//       "container": "mnt:[4026532285]",  // readlink /proc/<pid>/ns/mnt
//       "containerInode": 4026532285,
//       "host": "mnt:[4026531841]",       // readlink of the reference below
//       "hostInode": 4026531841,
//       "hostReference": "/proc/1/ns/mnt",// or /proc/self/ns/mnt when /proc/1 is unreadable
//       "shared": false,                  // same inode = same namespace as the host
//       "explanation": "One line for students"
//     }, ...],
//   "cgroup": {
//     "mode": "hybrid",                   // legacy | hybrid | unified
//     "paths": [{"hierarchy": "memory", "path": "/sys/fs/cgroup/memory/koker/<id>",
//                "exists": true}, ...],
//     "limits": [{                        // every limit file of this mode (set or not)
//       "controller": "memory", "file": "memory.limit_in_bytes",
//       "path": "/sys/fs/cgroup/memory/koker/<id>/memory.limit_in_bytes",
//       "value": "67108864",              // read now (null when the file is missing)
//       "configured": "67108864",         // what Koker wrote at start (null: not set)
//       "usageFile": "memory.usage_in_bytes", "usage": "1232896",  // (null when none)
//       "explanation": "..."
//     }, ...],
//     "stats": {"memoryUsageBytes", "memoryLimitBytes", "cpuUsageNs", "pidsCurrent",
//               "pidsMax"},               // numbers or null; -1 = no limit
//     "counters": {"oomKills", "cpuPeriods", "cpuThrottledPeriods", "cpuThrottledNs",
//                  "memoryFailcnt"},      // numbers or null
//     "files": {"memory.oom_control": "...", "cpu.stat": "...", ...}  // raw texts
//   },
//   "mounts": {
//     "count": 17,
//     "tree": {                           // the root mount; every node alike:
//       "id": 83, "parent": 44, "mountPoint": "/", "fsType": "overlay", "source": "overlay",
//       "root": "/",                      // the path inside the file system that is mounted
//       "options": "rw,relatime", "superOptions": "rw,lowerdir=...",
//       "children": [ ...nodes... ] },
//     "overlay": {                        // null when / is not an overlay
//       "lowerdir": [{"name": "<hex>", "path": "<layers dir>/<hex>", "diffId": "sha256:<hex>",
//                     "index": 0,         // 0 = the top layer (overlay order)
//                     "inImage": true}], // the image's layers list it
//       "upperdir": "...", "workdir": "...",
//       "upperIsContainers": true }      // the container's own writable layer
//   },
//   "network": {
//     "mode": "bridge",                   // bridge | host | none | <network name>
//     "sharedWithHost": false,            // --network host
//     "host": {"bridge": "kk-...", "bridgeAddresses": ["10.98.0.1/16"], "bridgeUp": true,
//              "veth": "kk<id:12>", "vethUp": true, "vethMaster": "kk-...", "vethMac": "..."},
//     "container": {"interfaces": [{"name": "eth0", "kind": "veth", "mac": "...", "up": true,
//                                   "mtu": 1400, "addresses": ["10.98.0.2/16"]}, ...],
//                   "gateway": "10.98.0.1",  // default route (null when none)
//                   "routes": ["default via 10.98.0.1 dev eth0", ...]},
//     "iptables": ["-t nat -A KOKER ..."],   // rules commented koker:<id>, from the kernel
//     "networkRules": ["-t nat -A KOKER-POSTROUTING ..."],  // the network's shared rules
//     "ports": ["127.0.0.1:8080:80/tcp"]
//   }
// }

#include "runtime/error.h"

#include <QtCore/QJsonObject>

namespace koker {

class UnderTheHood
{
public:
    /// The current schema number ("schema" in the document).
    static constexpr int kSchema = 1;

    /// Collect the document for the running container described by `inspect` (a
    /// ContainerService::inspect document: its Id, State.Pid, Mounts, HostConfig,
    /// NetworkSettings). Busy when it is not running. Needs root.
    static Result<QJsonObject> collect(const QJsonObject &inspect);

    /// The one-line explanation of a namespace type ("mnt", "net"...), for students.
    static QString namespaceExplanation(const QString &type, bool shared);
};

} // namespace koker
