#include "stepexplanations.h"

#include <QtCore/QHash>
#include <QtCore/QRegularExpression>

using namespace Qt::Literals::StringLiterals;

namespace koker::studio {

namespace {

// The texts are marked for lupdate here (spelled out: lupdate does not expand
// macros) and translated at lookup time, so a language switch shows at once.
struct Entry
{
    const char *key;
    const char *text;
    const char *references; // space-separated
};

const Entry kEntries[] = {
    // ---- fallbacks by prefix (and by phase) ------------------------------------
    {"image",
     QT_TRANSLATE_NOOP(
         "StepExplanations",
         "Image steps bring an image's files onto this machine: its manifest, its config "
         "and its layers, from a registry or an archive. Everything lands in a "
         "content-addressed store, where each file is named by the sha256 of its "
         "content."),
     "oci:image oci:distribution"},
    {"storage",
     QT_TRANSLATE_NOOP(
         "StepExplanations",
         "Storage steps prepare the files the container sees: its own writable layer on "
         "top of the shared image layers, and the special file systems a Linux program "
         "expects. Nothing in the image itself is ever changed."),
     "mount(2) kernel:overlayfs"},
    {"cgroup",
     QT_TRANSLATE_NOOP("StepExplanations",
                       "Control groups (cgroups) are how the kernel limits and measures a group of "
                       "processes: memory, CPU time, number of processes, devices. A cgroup is a "
                       "directory; its settings are files you write to."),
     "cgroups(7) kernel:cgroup-v2"},
    {"cgroup.limit",
     QT_TRANSLATE_NOOP(
         "StepExplanations",
         "A limit is a number written to a file of the container's cgroup. From then on "
         "the kernel enforces it for every process of the container, children "
         "included."),
     "cgroups(7) kernel:cgroup-v2"},
    {"net",
     QT_TRANSLATE_NOOP(
         "StepExplanations",
         "Network steps give the container its own network: a namespace with its own "
         "interfaces, a virtual cable (veth) to a bridge on the host, an address, routes "
         "and firewall rules for NAT. Each is a netlink request or a file write you "
         "could do with ip(8) and iptables(8)."),
     "network_namespaces(7) ip(8) iptables(8)"},
    {"net.link",
     QT_TRANSLATE_NOOP(
         "StepExplanations",
         "Network interfaces (links) are created, configured and deleted with netlink "
         "requests (RTM_NEWLINK, RTM_DELLINK). The ip link command sends the same "
         "requests."),
     "ip-link(8) rtnetlink(7)"},
    {"net.iptables",
     QT_TRANSLATE_NOOP(
         "StepExplanations",
         "iptables rules tell the kernel's packet filter what to do with packets: "
         "accept, drop or rewrite their addresses (NAT). koker keeps its rules in its own "
         "chains, marked with comments, so it can remove exactly what it added."),
     "iptables(8) iptables-extensions(8)"},
    {"ns",
     QT_TRANSLATE_NOOP(
         "StepExplanations",
         "Namespaces give a process its own view of one part of the system: process "
         "ids, mounts, network, hostname, IPC or cgroups. A container is a process in "
         "new namespaces, nothing more."),
     "namespaces(7)"},
    {"mount",
     QT_TRANSLATE_NOOP("StepExplanations",
                       "Mount steps build the container's file system tree inside its own mount "
                       "namespace. What is mounted there is invisible to the host."),
     "mount(2) mount_namespaces(7)"},
    {"process",
     QT_TRANSLATE_NOOP(
         "StepExplanations",
         "Process steps prepare the program that will run: its standard streams, its "
         "user, its capabilities and its system call filter, until execve() starts "
         "it. Most run in the new process itself, between clone and execve, and report "
         "back to the host over a socket."),
     "execve(2) capabilities(7)"},
    {"container",
     QT_TRANSLATE_NOOP(
         "StepExplanations",
         "Container steps keep koker's own record of the container: its configuration "
         "and state under the store. They do not touch the kernel."),
     "mkdir(2)"},
    {"cleanup",
     QT_TRANSLATE_NOOP(
         "StepExplanations",
         "Cleanup steps undo what setup did: stop the processes, remove cgroups, network "
         "links and rules, unmount and delete files. Each mirrors a setup step, in "
         "reverse order, so nothing is left behind on the host."),
     "cgroups(7) ip-link(8) iptables(8)"},

    // ---- container and storage --------------------------------------------------
    {"container.create",
     QT_TRANSLATE_NOOP(
         "StepExplanations",
         "koker records the container before anything else: a directory of its own in "
         "the store with config.json, holding the image, command and limits you chose. "
         "Nothing runs yet; koker inspect reads this record back."),
     "mkdir(2) open(2)"},
    {"storage.dirs",
     QT_TRANSLATE_NOOP(
         "StepExplanations",
         "The container gets its own writable layer: upper (where its changes land) and "
         "work (overlayfs's scratch space). The image layers below stay read-only and are "
         "shared with every container of the same image. The mount point, rootfs, is one "
         "empty directory for all containers: each mounts on it in its own mount "
         "namespace, where no other container looks."),
     "mkdir(2) kernel:overlayfs"},
    {"storage.etc",
     QT_TRANSLATE_NOOP(
         "StepExplanations",
         "Every container needs its own hostname, /etc/hosts and /etc/resolv.conf. koker "
         "writes them next to the container and later bind-mounts them over the image's "
         "files, so the image itself is never changed."),
     "hostname(5) hosts(5) resolv.conf(5)"},
    {"storage.volume.pin",
     QT_TRANSLATE_NOOP(
         "StepExplanations",
         "A volume is a host folder you chose. The studio opened it and passed the open "
         "file descriptor, and koker bind-mounts exactly that descriptor, so a path "
         "swapped for a symlink later cannot redirect the container elsewhere."),
     "mount(2) open(2)"},
    {"storage.rundir",
     QT_TRANSLATE_NOOP(
         "StepExplanations",
         "Runtime files of a running container, such as its attach socket, live under "
         "/run/koker. Once the container is gone they are removed, so nothing stale "
         "is left for the next one."),
     "unlink(2) rmdir(2)"},
    {"storage.remove",
     QT_TRANSLATE_NOOP(
         "StepExplanations",
         "Removing a container deletes its directory, with the writable layer that held "
         "all its changes. The image layers are untouched: other containers still use "
         "them."),
     "unlinkat(2) rmdir(2)"},

    // ---- cgroups -------------------------------------------------------------------
    {"cgroup.mkdir",
     QT_TRANSLATE_NOOP("StepExplanations",
                       "A cgroup is a directory in the cgroup file system: creating the directory "
                       "creates the group. On a v1 or hybrid host there is one tree per controller "
                       "(memory, cpu, pids, ...), so koker creates one directory in each."),
     "cgroups(7) mkdir(2) kernel:cgroup-v2"},
    {"cgroup.subtree_control",
     QT_TRANSLATE_NOOP(
         "StepExplanations",
         "On cgroup v2 a controller such as memory or pids must be switched on for a "
         "group's children before their limit files appear. Writing \"+memory +pids\" to "
         "cgroup.subtree_control in the parent does that."),
     "cgroups(7) kernel:cgroup-v2"},
    {"cgroup.cpuset",
     QT_TRANSLATE_NOOP(
         "StepExplanations",
         "A new cpuset cgroup (v1) starts with no CPUs and no memory nodes, and no "
         "process can join an empty cpuset. koker copies the parent's cpuset.cpus and "
         "cpuset.mems so the container may use them."),
     "cpuset(7) kernel:cgroup-v1-cpuset"},
    {"cgroup.limit.memory",
     QT_TRANSLATE_NOOP(
         "StepExplanations",
         "This write sets the memory limit. When the container's processes use more, "
         "the kernel first reclaims memory and then the OOM killer kills one of them. "
         "The file is memory.max on cgroup v2 and memory.limit_in_bytes on v1."),
     "cgroups(7) kernel:cgroup-v2 kernel:cgroup-v1-memory"},
    {"cgroup.limit.memsw",
     QT_TRANSLATE_NOOP(
         "StepExplanations",
         "On cgroup v1 swap is limited together with memory: memory.memsw.limit_in_bytes "
         "caps memory plus swap. It is written after the memory limit, because the "
         "kernel refuses a memory+swap limit below the memory limit."),
     "cgroups(7) kernel:cgroup-v1-memory"},
    {"cgroup.limit.swap",
     QT_TRANSLATE_NOOP(
         "StepExplanations",
         "On cgroup v2 swap has its own limit, memory.swap.max. Writing 0 forbids "
         "swapping, so the memory limit is a hard wall; \"max\" lets the container swap "
         "freely."),
     "cgroups(7) kernel:cgroup-v2"},
    {"cgroup.limit.cpu",
     QT_TRANSLATE_NOOP(
         "StepExplanations",
         "A CPU limit is a quota per period: \"50000 100000\" means 50 ms of CPU time in "
         "every 100 ms, half a core. When the container has used its quota its threads "
         "wait, throttled, until the next period begins."),
     "cgroups(7) kernel:cfs-bandwidth kernel:cgroup-v2"},
    {"cgroup.limit.pids",
     QT_TRANSLATE_NOOP("StepExplanations",
                       "pids.max limits how many processes and threads the container may have at "
                       "once. A fork bomb stops at the limit: fork() fails with EAGAIN instead of "
                       "filling the host's process table."),
     "cgroups(7) kernel:pids fork(2)"},
    {"cgroup.devices.deny",
     QT_TRANSLATE_NOOP(
         "StepExplanations",
         "On cgroup v1 the devices controller decides which device files the container "
         "may open. Writing \"a\" to devices.deny first forbids every device; the next "
         "step allows back only the harmless ones."),
     "cgroups(7) kernel:cgroup-v1-devices"},
    {"cgroup.devices.allow",
     QT_TRANSLATE_NOOP(
         "StepExplanations",
         "Each line written to devices.allow permits one kind of device: \"c 1:3 rwm\" "
         "is the character device 1:3 (/dev/null) for read, write and mknod. The list "
         "is Docker's default: null, zero, random, tty and pseudo-terminals."),
     "kernel:cgroup-v1-devices mknod(2)"},
    {"cgroup.devices.bpf",
     QT_TRANSLATE_NOOP(
         "StepExplanations",
         "cgroup v2 has no devices controller. Instead Koker turns Docker's list of "
         "harmless devices into a tiny eBPF program and attaches it to the container's "
         "cgroup. The kernel runs it for every open() or mknod() of a device file: it "
         "returns 1 (allow) for null, zero, random, tty and pseudo-terminals, 0 (deny) "
         "for everything else, such as the host's disks."),
     "kernel:cgroup-v2 bpf(2) mknod(2)"},
    {"cgroup.join",
     QT_TRANSLATE_NOOP(
         "StepExplanations",
         "The container's first process puts itself into its cgroups before it runs a "
         "single instruction of your program: clone3() starts it in the cgroup2 "
         "directory, and it writes \"0\" (itself) to the tasks file of each v1 "
         "hierarchy. Writing a pid to cgroup.procs would do the same, but it takes a "
         "global lock that waits for an RCU grace period, several milliseconds. Its "
         "children are then born in the same cgroups, and the limits apply to them all."),
     "cgroups(7) clone3(2) kernel:rcu"},
    {"cgroup.join.exec",
     QT_TRANSLATE_NOOP("StepExplanations",
                       "A process started with exec must join the container's cgroups too, or its "
                       "memory and CPU time would not count against the container's limits. Like "
                       "the container's first process, it is born in the cgroup2 directory and "
                       "writes \"0\" (itself) to the tasks file of each v1 hierarchy."),
     "cgroups(7)"},
    {"cgroup.write",
     QT_TRANSLATE_NOOP(
         "StepExplanations",
         "A write to a cgroup file changes how the kernel treats every process in that "
         "group. The files are plain text: read them with cat and change them with "
         "echo."),
     "cgroups(7)"},
    {"cgroup.kill",
     QT_TRANSLATE_NOOP(
         "StepExplanations",
         "Writing 1 to cgroup.kill (Linux 5.14 and later) kills every process in the "
         "group at once, with no race against processes that fork. Without that file, "
         "koker sends SIGKILL to each pid listed in cgroup.procs."),
     "cgroups(7) kill(2) kernel:cgroup-v2"},
    {"cgroup.freeze",
     QT_TRANSLATE_NOOP(
         "StepExplanations",
         "On cgroup v1 the freezer stops every process in the group. Frozen processes "
         "cannot fork, so koker can read the list of pids and kill them all without a "
         "new one slipping through."),
     "kernel:cgroup-v1-freezer"},
    {"cgroup.thaw",
     QT_TRANSLATE_NOOP(
         "StepExplanations",
         "A killed process only dies when it runs again, and a frozen one does not run. "
         "So the group is thawed right after SIGKILL was sent."),
     "kernel:cgroup-v1-freezer signal(7)"},
    {"cgroup.wait",
     QT_TRANSLATE_NOOP(
         "StepExplanations",
         "Only an empty group can be removed. With cgroup v2 (or hybrid) koker reads "
         "cgroup.events, where the kernel keeps \"populated 0\" once the last process has "
         "gone; on v1 it reads cgroup.procs until it is empty. After the container's init "
         "has exited this is immediate: its PID namespace died with it."),
     "cgroups(7)"},
    {"cgroup.rmdir",
     QT_TRANSLATE_NOOP(
         "StepExplanations",
         "A cgroup is removed with rmdir once no process is left in it. The kernel then "
         "forgets its limits and counters."),
     "cgroups(7) rmdir(2)"},

    // ---- network -------------------------------------------------------------------
    {"net.ipam.lease",
     QT_TRANSLATE_NOOP("StepExplanations",
                       "IPAM (IP address management) picks a free address for the container on its "
                       "network. It is written to a leases file under a lock, so two containers "
                       "started at once never get the same address."),
     "flock(2) ip-address(8)"},
    {"net.ipam.release",
     QT_TRANSLATE_NOOP("StepExplanations",
                       "The container's address goes back to the network's pool. A later container "
                       "can then get it."),
     "flock(2)"},
    {"net.ipam.reconcile",
     QT_TRANSLATE_NOOP(
         "StepExplanations",
         "Addresses leased to containers that no longer exist (after a crash or a power "
         "cut) are freed, so the pool does not run dry. This runs under the same lock as "
         "leasing."),
     "flock(2)"},
    {"net.link.bridge",
     QT_TRANSLATE_NOOP(
         "StepExplanations",
         "A bridge is a virtual network switch inside the kernel. Every container on the "
         "network plugs one end of its veth cable into it, so containers reach each "
         "other and, through the host, the outside world."),
     "bridge(8) ip-link(8) rtnetlink(7)"},
    {"net.link.bridge.check",
     QT_TRANSLATE_NOOP("StepExplanations",
                       "The network's bridge already exists from an earlier container. koker only "
                       "checks that it is up and has the gateway address, and fixes what is "
                       "missing."),
     "ip-link(8) ip-address(8)"},
    {"net.link.veth",
     QT_TRANSLATE_NOOP(
         "StepExplanations",
         "A veth pair is a virtual network cable: a packet sent into one end comes out of "
         "the other. One end stays on the host; the other is created directly in the "
         "container's network namespace and becomes its eth0."),
     "veth(4) ip-link(8) network_namespaces(7)"},
    {"net.link.master",
     QT_TRANSLATE_NOOP(
         "StepExplanations",
         "The host end of the veth cable is plugged into the bridge by making the bridge "
         "its master. The container is now connected to the network's virtual "
         "switch."),
     "bridge(8) ip-link(8)"},
    {"net.link.up",
     QT_TRANSLATE_NOOP("StepExplanations",
                       "A new interface is down until it is brought up (IFF_UP). Only then does it "
                       "send and receive packets."),
     "ip-link(8) netdevice(7)"},
    {"net.link.netns",
     QT_TRANSLATE_NOOP("StepExplanations",
                       "An interface can be moved into another network namespace. It then vanishes "
                       "from the host's ip link and appears only inside the container."),
     "ip-link(8) network_namespaces(7)"},
    {"net.link.rename",
     QT_TRANSLATE_NOOP(
         "StepExplanations",
         "Interfaces can be renamed only while they are down. Inside the container the "
         "interface is called eth0, as programs expect."),
     "ip-link(8)"},
    {"net.link.mac",
     QT_TRANSLATE_NOOP(
         "StepExplanations",
         "The container's interface gets a MAC address made from its IP address "
         "(02:42:...), as Docker does. Neighbours' ARP caches then stay right when an "
         "address is used again by another container."),
     "ip-link(8) arp(7)"},
    {"net.link.delete",
     QT_TRANSLATE_NOOP(
         "StepExplanations",
         "Deleting one end of a veth pair deletes both ends. If the container's network "
         "namespace is already gone, so is the pair, and ENODEV here is fine."),
     "ip-link(8) veth(4)"},
    {"net.link.unplug",
     QT_TRANSLATE_NOOP(
         "StepExplanations",
         "The host end of the veth cable is taken out of the bridge (its master is set to "
         "none), but not deleted: when the container's network namespace goes, the kernel "
         "deletes the container's eth0, and a veth pair never outlives one of its ends. The "
         "kernel does that on a worker of its own a few milliseconds later, so koker does not "
         "wait for it: deleting a network device waits for an RCU barrier, 10-20 ms."),
     "bridge(8) ip-link(8) veth(4)"},
    {"net.addr.add",
     QT_TRANSLATE_NOOP(
         "StepExplanations",
         "The interface gets an address with its prefix length, such as 10.96.0.2/16. "
         "The prefix tells the kernel which network is directly reachable, and the "
         "route to it is added with the address."),
     "ip-address(8) rtnetlink(7)"},
    {"net.route.add",
     QT_TRANSLATE_NOOP(
         "StepExplanations",
         "The default route sends every packet for another network to the gateway. The "
         "gateway is the bridge's address on the host, which forwards the packet "
         "onward, NAT hiding the container's address."),
     "ip-route(8) rtnetlink(7)"},
    {"net.lo.up",
     QT_TRANSLATE_NOOP("StepExplanations",
                       "Each network namespace has its own loopback interface, lo, and it starts "
                       "down. Bringing it up makes 127.0.0.1 work inside the container."),
     "ip-link(8) network_namespaces(7)"},
    {"net.sysctl",
     QT_TRANSLATE_NOOP(
         "StepExplanations",
         "Kernel settings under /proc/sys are changed by writing to files. ip_forward "
         "lets the host route packets between the bridge and its real network card; "
         "route_localnet lets published ports answer on 127.0.0.1."),
     "sysctl(8) proc(5)"},
    {"net.iptables.chains",
     QT_TRANSLATE_NOOP(
         "StepExplanations",
         "koker keeps its firewall rules in chains of its own (KOKER, KOKER-POSTROUTING, "
         "KOKER-FORWARD) and jumps to them once from the built-in chains. Its rules are "
         "then easy to find and to remove without touching anyone else's."),
     "iptables(8) iptables-extensions(8)"},
    {"net.iptables.rule",
     QT_TRANSLATE_NOOP(
         "StepExplanations",
         "A rule matches packets and says what to do with them. MASQUERADE rewrites the "
         "container's private source address to the host's, DNAT sends a published port "
         "to the container, and ACCEPT lets bridge traffic be forwarded. Each rule "
         "carries a comment naming its owner, so cleanup finds it."),
     "iptables(8) iptables-extensions(8)"},
    {"net.iptables.rule.delete",
     QT_TRANSLATE_NOOP(
         "StepExplanations",
         "A rule is deleted by matching it exactly in its chain. koker deletes only the "
         "rules it added, so the host's own firewall stays as it was."),
     "iptables(8)"},
    {"net.iptables.cleanup",
     QT_TRANSLATE_NOOP(
         "StepExplanations",
         "Every rule koker adds for a container carries a comment with the container's "
         "id. Cleanup deletes every rule with that comment, even rules left behind by a "
         "crash."),
     "iptables(8) iptables-extensions(8)"},
    {"net.netns.create",
     QT_TRANSLATE_NOOP(
         "StepExplanations",
         "A network namespace is a separate copy of the network stack: its own "
         "interfaces, addresses, routes and firewall. koker bind-mounts it to a file so "
         "it lives on without a process, like ip netns add."),
     "network_namespaces(7) unshare(2) ip-netns(8)"},
    {"net.netns.delete",
     QT_TRANSLATE_NOOP("StepExplanations",
                       "Unmounting the namespace file drops its last reference. The kernel then "
                       "destroys the namespace and every interface left in it."),
     "network_namespaces(7) umount(2) ip-netns(8)"},
    {"net.hosts.update",
     QT_TRANSLATE_NOOP(
         "StepExplanations",
         "Containers on the same network find each other by name through /etc/hosts. "
         "koker rewrites the file in place, not by rename, because each container sees "
         "it through a bind mount of that very file."),
     "hosts(5) mount(2)"},
    {"net.network.remove",
     QT_TRANSLATE_NOOP(
         "StepExplanations",
         "With no container left on it, the network's files (its address plan and "
         "leases) are deleted. Its bridge and firewall rules were removed by the steps "
         "before."),
     "unlink(2)"},

    // ---- namespaces ----------------------------------------------------------------
    {"ns.clone",
     QT_TRANSLATE_NOOP(
         "StepExplanations",
         "clone3() creates the container's first process already inside new namespaces: "
         "its own mount table (NEWNS), hostname (NEWUTS), IPC objects (NEWIPC) and "
         "process numbers (NEWPID), where it is pid 1. This is the moment a normal "
         "process becomes a container."),
     "clone3(2) namespaces(7) pid_namespaces(7)"},
    // The namespace types, for the "under the hood" panel (UnderTheHood's "ns.<type>").
    {"ns.mnt",
     QT_TRANSLATE_NOOP("StepExplanations",
                       "A mount namespace gives the container its own mount table. What it mounts, "
                       "its root included, is invisible to the host, and pivot_root detaches the "
                       "host's file system from its view."),
     "mount_namespaces(7)"},
    {"ns.uts",
     QT_TRANSLATE_NOOP(
         "StepExplanations",
         "The UTS namespace holds the hostname and the NIS domain name. In its own UTS "
         "namespace a container can change its hostname without renaming the host."),
     "uts_namespaces(7) sethostname(2)"},
    {"ns.ipc",
     QT_TRANSLATE_NOOP(
         "StepExplanations",
         "The IPC namespace separates System V IPC objects (shared memory, semaphores, "
         "message queues) and POSIX message queues. Processes in different IPC "
         "namespaces cannot reach each other's objects."),
     "ipc_namespaces(7)"},
    {"ns.pid",
     QT_TRANSLATE_NOOP("StepExplanations",
                       "A PID namespace numbers processes afresh: the container's first process is "
                       "pid 1 inside, while the host sees it under an ordinary pid. The container "
                       "cannot see or signal processes outside its namespace."),
     "pid_namespaces(7)"},
    {"ns.net",
     QT_TRANSLATE_NOOP(
         "StepExplanations",
         "A network namespace has its own interfaces, addresses, routes, firewall rules "
         "and ports. A container in its own network namespace sees only its eth0 and lo; "
         "with --network host it shares the host's."),
     "network_namespaces(7)"},
    {"ns.user",
     QT_TRANSLATE_NOOP("StepExplanations",
                       "A user namespace maps user and group ids, so that root inside can be an "
                       "ordinary user outside. koker's containers share the host's user namespace: "
                       "root in the container is root on the host, held back by capabilities, "
                       "seccomp and the other namespaces."),
     "user_namespaces(7)"},
    {"ns.time",
     QT_TRANSLATE_NOOP("StepExplanations",
                       "A time namespace gives a container its own offsets for the monotonic and "
                       "boot-time clocks. Containers rarely need one; koker's share the host's "
                       "clocks."),
     "time_namespaces(7)"},
    {"ns.setns",
     QT_TRANSLATE_NOOP("StepExplanations",
                       "exec joins a running container: setns() moves the new process into each of "
                       "the container's namespaces, found under /proc/PID/ns. The nsenter command "
                       "does the same from a shell."),
     "setns(2) nsenter(1) namespaces(7)"},
    {"ns.pid.fork",
     QT_TRANSLATE_NOOP(
         "StepExplanations",
         "Joining a PID namespace only applies to children: after setns() the process "
         "itself keeps its old pid. So it forks once, and the child is the one inside "
         "the container's PID namespace."),
     "pid_namespaces(7) fork(2) setns(2)"},
    {"ns.net.join",
     QT_TRANSLATE_NOOP("StepExplanations",
                       "The container's process joins the network namespace the host prepared. "
                       "Inside, it sees only eth0 and lo, with the addresses and routes set up "
                       "before."),
     "setns(2) network_namespaces(7)"},
    {"ns.uts.hostname",
     QT_TRANSLATE_NOOP("StepExplanations",
                       "In its own UTS namespace the container can have its own hostname. "
                       "sethostname() changes it only there; the host keeps its name."),
     "sethostname(2) uts_namespaces(7)"},
    {"ns.cgroup",
     QT_TRANSLATE_NOOP(
         "StepExplanations",
         "A cgroup namespace makes the container's own cgroup look like the root. "
         "/proc/self/cgroup then shows \"/\" inside, so the container cannot learn or "
         "depend on the host's cgroup layout."),
     "cgroup_namespaces(7) unshare(2)"},

    // ---- mounts --------------------------------------------------------------------
    {"mount.private",
     QT_TRANSLATE_NOOP(
         "StepExplanations",
         "On systemd hosts mounts are shared between namespaces by default. Making every "
         "mount private (MS_PRIVATE, recursively) first ensures that what the container "
         "mounts never appears on the host, and the other way round."),
     "mount_namespaces(7) mount(2)"},
    {"mount.overlay",
     QT_TRANSLATE_NOOP(
         "StepExplanations",
         "overlayfs stacks directories: the image layers as read-only lower layers and "
         "the container's upper directory on top. Reads find the topmost copy of a file; "
         "a write first copies the file up into upper, so the image is shared and never "
         "changed. A --rm container's upper is mounted volatile: it is deleted at the end, "
         "so unmounting it skips writing the disk's cached data out."),
     "mount(2) kernel:overlayfs"},
    {"mount.proc",
     QT_TRANSLATE_NOOP(
         "StepExplanations",
         "/proc shows the system's processes. Mounted from inside the new PID namespace, "
         "it shows only the container's processes, with its first process as pid 1."),
     "proc(5) pid_namespaces(7) mount(2)"},
    {"mount.sys",
     QT_TRANSLATE_NOOP("StepExplanations",
                       "/sys exposes the kernel's devices and settings. The container gets it "
                       "read-only, so it can look at the host's hardware settings but not change "
                       "them."),
     "sysfs(5) mount(2)"},
    {"mount.dev",
     QT_TRANSLATE_NOOP(
         "StepExplanations",
         "A container must not see the host's disks and other devices. So it gets its "
         "own small /dev on a tmpfs, holding only the device nodes created next."),
     "tmpfs(5) mount(2)"},
    {"mount.devices",
     QT_TRANSLATE_NOOP(
         "StepExplanations",
         "mknod creates the few device nodes programs need: null, zero, full, random, "
         "urandom and tty. The usual symlinks (/dev/fd, /dev/stdin, ...) are added "
         "too."),
     "mknod(2) null(4) random(4)"},
    {"mount.devpts",
     QT_TRANSLATE_NOOP("StepExplanations",
                       "A new devpts instance gives the container its own pseudo-terminals under "
                       "/dev/pts. They are numbered from 0 and invisible to the host's terminals."),
     "pts(4) mount(2) kernel:devpts"},
    {"mount.shm",
     QT_TRANSLATE_NOOP(
         "StepExplanations",
         "/dev/shm is where programs keep POSIX shared memory. The container gets its "
         "own tmpfs there, so it can neither read nor fill the host's."),
     "shm_overview(7) tmpfs(5)"},
    {"mount.mqueue",
     QT_TRANSLATE_NOOP(
         "StepExplanations",
         "The mqueue file system shows POSIX message queues. Mounted in the container it "
         "shows only the queues of the container's IPC namespace."),
     "mq_overview(7) ipc_namespaces(7)"},
    {"mount.tmp",
     QT_TRANSLATE_NOOP(
         "StepExplanations",
         "/tmp becomes a fresh tmpfs, a file system in memory. Its files vanish when the "
         "container stops."),
     "tmpfs(5)"},
    {"mount.etc",
     QT_TRANSLATE_NOOP(
         "StepExplanations",
         "The hostname, hosts and resolv.conf prepared on the host are bind-mounted over "
         "the image's files. The target is opened inside the new root with "
         "openat2(RESOLVE_IN_ROOT), so a symlink in the image cannot aim the mount at a "
         "host file."),
     "mount(2) openat2(2)"},
    {"mount.volume",
     QT_TRANSLATE_NOOP(
         "StepExplanations",
         "A bind mount makes a host folder appear inside the container at the target "
         "path. The same files are then seen from two places; a change on either side "
         "shows on the other."),
     "mount(2) mount(8)"},
    {"mount.pivot",
     QT_TRANSLATE_NOOP("StepExplanations",
                       "pivot_root() makes the overlay the new root directory (/) of the mount "
                       "namespace; the old root, the host's file system, is then detached and "
                       "unreachable from inside. A chroot alone can be escaped; pivot_root in a "
                       "private mount namespace cannot."),
     "pivot_root(2) mount_namespaces(7)"},
    {"mount.mask",
     QT_TRANSLATE_NOOP("StepExplanations",
                       "Some kernel files would leak host information or allow attacks, such as "
                       "/proc/kcore, /proc/keys or /sys/firmware. They are hidden by mounting "
                       "/dev/null or an empty read-only tmpfs over them."),
     "proc(5) mount(2)"},
    {"mount.readonly",
     QT_TRANSLATE_NOOP("StepExplanations",
                       "Parts of /proc (sys, sysrq-trigger, irq, bus, fs) change the whole host's "
                       "kernel. They are remounted read-only inside the container."),
     "proc(5) mount(2)"},

    // ---- the process ----------------------------------------------------------------
    {"process.monitor",
     QT_TRANSLATE_NOOP(
         "StepExplanations",
         "Every container gets a small monitor process, like podman's conmon. It starts "
         "the container, is the parent that reaps it, records its exit code and keeps "
         "its output, so the container outlives koker and the studio."),
     "posix_spawn(3) setsid(2) wait(2)"},
    {"process.fork",
     QT_TRANSLATE_NOOP("StepExplanations",
                       "exec starts by forking a new process on the host. It will join the running "
                       "container's namespaces and cgroups before it runs your command."),
     "fork(2)"},
    {"process.stdio",
     QT_TRANSLATE_NOOP("StepExplanations",
                       "The process's standard input, output and error are connected to pipes from "
                       "the monitor. The monitor keeps the output for koker logs and relays it to "
                       "attached terminals."),
     "dup2(2) pipe(7)"},
    {"process.console",
     QT_TRANSLATE_NOOP(
         "StepExplanations",
         "With a terminal (-t) the process gets a pseudo-terminal opened inside the "
         "container's devpts. The master end goes to the monitor, and the process makes "
         "the other end its controlling terminal."),
     "pty(7) setsid(2) ioctl_tty(2)"},
    {"process.workdir",
     QT_TRANSLATE_NOOP(
         "StepExplanations",
         "The working directory comes from the image or --workdir. If the image does not "
         "have that directory, it is created now."),
     "mkdir(2)"},
    {"process.caps.bounding",
     QT_TRANSLATE_NOOP(
         "StepExplanations",
         "Capabilities split root's power into pieces (CAP_NET_ADMIN, CAP_SYS_ADMIN, "
         "...). Dropping them from the bounding set means no program in the container "
         "can ever get them back, not even a setuid one."),
     "capabilities(7) prctl(2)"},
    {"process.user",
     QT_TRANSLATE_NOOP(
         "StepExplanations",
         "The process takes its user and groups from the image (or --user). The order "
         "matters: setgroups and setgid first, because after setuid it may no longer "
         "change its groups."),
     "setuid(2) setgroups(2) credentials(7)"},
    {"process.caps",
     QT_TRANSLATE_NOOP(
         "StepExplanations",
         "The process keeps only the capabilities Docker grants by default, such as "
         "CHOWN, NET_BIND_SERVICE and KILL. Root in the container is then much weaker "
         "than root on the host."),
     "capabilities(7) capset(2)"},
    {"process.nnp",
     QT_TRANSLATE_NOOP(
         "StepExplanations",
         "no_new_privs makes execve() unable to grant privileges: setuid programs and "
         "file capabilities stop working. It is also what allows a seccomp filter "
         "without CAP_SYS_ADMIN."),
     "prctl(2) seccomp(2)"},
    {"process.seccomp",
     QT_TRANSLATE_NOOP(
         "StepExplanations",
         "A seccomp filter is a small BPF program the kernel runs on every system call. "
         "Calls a container never needs, such as loading kernel modules, rebooting or "
         "kexec, fail with EPERM."),
     "seccomp(2) seccomp_rule_add(3)"},
    {"process.chdir",
     QT_TRANSLATE_NOOP(
         "StepExplanations",
         "The process changes to its working directory inside the new root. koker then "
         "checks with getcwd() that it really is inside."),
     "chdir(2) getcwd(3)"},
    {"process.exec",
     QT_TRANSLATE_NOOP(
         "StepExplanations",
         "execve() replaces the prepared process with your program. From here on it is "
         "an ordinary process on the host's kernel, with its own view of the system "
         "through namespaces and limited by cgroups."),
     "execve(2)"},
    {"process.kill",
     QT_TRANSLATE_NOOP("StepExplanations",
                       "A signal is sent to the container's first process through a pidfd, which "
                       "cannot hit a wrong process even if the pid was reused. SIGTERM asks the "
                       "program to stop; SIGKILL, sent when the timeout runs out, cannot be "
                       "ignored."),
     "pidfd_send_signal(2) signal(7) kill(1)"},
    {"process.wait",
     QT_TRANSLATE_NOOP("StepExplanations",
                       "koker waits for the process to end: the container's monitor, its "
                       "parent, learns of it from waitid() and writes the exit status. A "
                       "program that handles SIGTERM gets this grace period to save its work; "
                       "when it runs out, SIGKILL follows."),
     "waitid(2) pidfd_open(2)"},

    // ---- images ----------------------------------------------------------------------
    {"image.manifest",
     QT_TRANSLATE_NOOP(
         "StepExplanations",
         "An image name like alpine:latest is resolved to a manifest: the list of the "
         "image's layers and its config, each named by a digest (the sha256 of its "
         "content). Every later step then works on exact, verifiable content."),
     "oci:manifest"},
    {"image.manifest.fetch",
     QT_TRANSLATE_NOOP("StepExplanations",
                       "koker asks the registry for the manifest over HTTPS (GET "
                       "/v2/<name>/manifests/<tag>). For a multi-platform image the answer is an "
                       "index that lists one manifest per platform."),
     "oci:distribution oci:manifest"},
    {"image.platform.select",
     QT_TRANSLATE_NOOP("StepExplanations",
                       "An index lists one manifest per platform (linux/amd64, linux/arm64, ...). "
                       "koker picks the one matching this machine and fetches it by its digest."),
     "oci:index"},
    {"image.config.fetch",
     QT_TRANSLATE_NOOP(
         "StepExplanations",
         "The config holds what the image runs (entrypoint, command, environment, "
         "working directory) and the diff_ids, the digests of the uncompressed layers. "
         "Its digest is checked like any other blob's."),
     "oci:config"},
    {"image.config.write",
     QT_TRANSLATE_NOOP("StepExplanations",
                       "The image config is stored as a blob named by its digest. Its content "
                       "(entrypoint, environment, layers) is what koker image inspect shows."),
     "oci:config"},
    {"image.layer.download",
     QT_TRANSLATE_NOOP("StepExplanations",
                       "Each layer is a compressed tar of file changes. It is downloaded to a "
                       "temporary file and committed to the store only when its size and sha256 "
                       "digest match the manifest, so a corrupt or tampered layer is never used."),
     "oci:layer oci:distribution"},
    {"image.layer.extract",
     QT_TRANSLATE_NOOP(
         "StepExplanations",
         "A layer is unpacked once into its own directory, named by the digest of its "
         "content, and shared by every image and container that uses it. Files the "
         "layer deletes (whiteouts) become overlayfs whiteouts: character devices "
         "0:0."),
     "oci:layer kernel:overlayfs"},
    {"image.layers.start",
     QT_TRANSLATE_NOOP("StepExplanations",
                       "Layers not yet in the store are extracted in parallel, one per thread. The "
                       "steps that follow wait for them."),
     "oci:layer"},
    {"image.diffids.check",
     QT_TRANSLATE_NOOP(
         "StepExplanations",
         "The config lists the digest of every uncompressed layer (diff_ids); each must "
         "be present in the store, or the image would be incomplete. It is the last "
         "check before the image is recorded."),
     "oci:config"},
    {"image.manifest.write",
     QT_TRANSLATE_NOOP(
         "StepExplanations",
         "The manifest and the config are stored under their digests. The same content "
         "always gets the same name, so nothing is stored twice."),
     "oci:manifest"},
    {"image.index.add",
     QT_TRANSLATE_NOOP(
         "StepExplanations",
         "The store's index maps names such as alpine:latest to image ids. Only after "
         "this step does the image show up in koker images."),
     "oci:image"},
    {"image.blob.write",
     QT_TRANSLATE_NOOP("StepExplanations",
                       "The tarball is copied into the blob store while its sha256 digest is "
                       "computed. The digest becomes its name."),
     "sha256sum(1) oci:image"},
    {"image.blob.commit",
     QT_TRANSLATE_NOOP("StepExplanations",
                       "A verified blob is renamed to its digest. A rename is atomic: readers see "
                       "either no blob or the whole blob, never half of it."),
     "rename(2)"},
    {"image.layer.write",
     QT_TRANSLATE_NOOP("StepExplanations",
                       "When saving, each layer is written into the archive as its own tar file. A "
                       "loader reads them back in the order the manifest gives."),
     "docker:archive"},
    {"image.archive.open",
     QT_TRANSLATE_NOOP(
         "StepExplanations",
         "image save writes a docker-archive: one tar file holding the image's layers, "
         "config and manifest. docker load and koker image load read it back."),
     "docker:archive"},
    {"image.archive.read",
     QT_TRANSLATE_NOOP(
         "StepExplanations",
         "koker reads the archive's entries: layer tars, config files and manifest.json "
         "(docker-archive) or index.json (OCI layout). Nothing enters the store before "
         "it is verified."),
     "docker:archive oci:image"},
    {"image.archive.parse",
     QT_TRANSLATE_NOOP(
         "StepExplanations",
         "manifest.json, or the OCI index, names the images in the archive. For each it "
         "gives the config, the layers in order and the tags."),
     "docker:archive oci:index"},
    {"image.archive.manifest",
     QT_TRANSLATE_NOOP("StepExplanations",
                       "manifest.json and repositories tell a loader which config and layers make "
                       "each image. They also carry the image's names (tags)."),
     "docker:archive"},
    {"image.archive.close",
     QT_TRANSLATE_NOOP(
         "StepExplanations",
         "The tar's end-of-archive marker is written and the file is closed. The archive "
         "can now be copied to a machine without internet."),
     "docker:archive"},
};

const char *const kRollbackText = QT_TRANSLATE_NOOP(
    "StepExplanations", "A later step failed, so koker undoes the steps it had completed, newest "
                        "first, and leaves nothing behind on the host. This step undoes the "
                        "following:");

const QHash<QString, int> &index()
{
    static const QHash<QString, int> map = [] {
        QHash<QString, int> m;
        for (int i = 0; i < int(std::size(kEntries)); ++i)
            m.insert(QString::fromLatin1(kEntries[i].key), i);
        return m;
    }();
    return map;
}

const char *phaseKey(Phase phase)
{
    switch (phase) {
    case Phase::Image:
        return "image";
    case Phase::Storage:
        return "storage";
    case Phase::Cgroup:
        return "cgroup";
    case Phase::Network:
        return "net";
    case Phase::Namespace:
        return "ns";
    case Phase::Process:
        return "process";
    case Phase::Cleanup:
        return "cleanup";
    }
    return "process";
}

StepExplanation fromEntry(const Entry &e, bool exact)
{
    StepExplanation x;
    x.key = QString::fromLatin1(e.key);
    x.text = QCoreApplication::translate("StepExplanations", e.text);
    x.references = QString::fromLatin1(e.references).split(u' ', Qt::SkipEmptyParts);
    x.exact = exact;
    return x;
}

struct Doc
{
    const char *id;
    const char *label;
    const char *url;
};

const Doc kDocs[] = {
    {"kernel:overlayfs", QT_TRANSLATE_NOOP("StepExplanations", "overlayfs (kernel docs)"),
     "https://docs.kernel.org/filesystems/overlayfs.html"},
    {"kernel:cgroup-v2", QT_TRANSLATE_NOOP("StepExplanations", "cgroup v2 (kernel docs)"),
     "https://docs.kernel.org/admin-guide/cgroup-v2.html"},
    {"kernel:cgroup-v1-memory",
     QT_TRANSLATE_NOOP("StepExplanations", "cgroup v1 memory (kernel docs)"),
     "https://docs.kernel.org/admin-guide/cgroup-v1/memory.html"},
    {"kernel:cgroup-v1-devices",
     QT_TRANSLATE_NOOP("StepExplanations", "cgroup v1 devices (kernel docs)"),
     "https://docs.kernel.org/admin-guide/cgroup-v1/devices.html"},
    {"kernel:cgroup-v1-freezer",
     QT_TRANSLATE_NOOP("StepExplanations", "cgroup v1 freezer (kernel docs)"),
     "https://docs.kernel.org/admin-guide/cgroup-v1/freezer-subsystem.html"},
    {"kernel:cgroup-v1-cpuset", QT_TRANSLATE_NOOP("StepExplanations", "cpusets (kernel docs)"),
     "https://docs.kernel.org/admin-guide/cgroup-v1/cpusets.html"},
    {"kernel:cfs-bandwidth",
     QT_TRANSLATE_NOOP("StepExplanations", "CFS bandwidth control (kernel docs)"),
     "https://docs.kernel.org/scheduler/sched-bwc.html"},
    {"kernel:rcu", QT_TRANSLATE_NOOP("StepExplanations", "What is RCU? (kernel docs)"),
     "https://docs.kernel.org/RCU/whatisRCU.html"},
    {"kernel:pids", QT_TRANSLATE_NOOP("StepExplanations", "pids controller (kernel docs)"),
     "https://docs.kernel.org/admin-guide/cgroup-v1/pids.html"},
    {"kernel:devpts", QT_TRANSLATE_NOOP("StepExplanations", "devpts (kernel docs)"),
     "https://docs.kernel.org/filesystems/devpts.html"},
    {"oci:image", QT_TRANSLATE_NOOP("StepExplanations", "OCI image spec"),
     "https://github.com/opencontainers/image-spec/blob/main/spec.md"},
    {"oci:manifest", QT_TRANSLATE_NOOP("StepExplanations", "OCI image manifest"),
     "https://github.com/opencontainers/image-spec/blob/main/manifest.md"},
    {"oci:index", QT_TRANSLATE_NOOP("StepExplanations", "OCI image index"),
     "https://github.com/opencontainers/image-spec/blob/main/image-index.md"},
    {"oci:config", QT_TRANSLATE_NOOP("StepExplanations", "OCI image config"),
     "https://github.com/opencontainers/image-spec/blob/main/config.md"},
    {"oci:layer", QT_TRANSLATE_NOOP("StepExplanations", "OCI image layers"),
     "https://github.com/opencontainers/image-spec/blob/main/layer.md"},
    {"oci:distribution", QT_TRANSLATE_NOOP("StepExplanations", "OCI distribution spec"),
     "https://github.com/opencontainers/distribution-spec/blob/main/spec.md"},
    {"docker:archive", QT_TRANSLATE_NOOP("StepExplanations", "Docker image archive format"),
     "https://github.com/moby/moby/blob/master/image/spec/v1.2.md"},
};

const Doc *findDoc(const QString &id)
{
    for (const Doc &d : kDocs) {
        if (id == QLatin1StringView(d.id))
            return &d;
    }
    return nullptr;
}

// "clone3(2)" -> name "clone3", section "2".
bool parseManPage(const QString &ref, QString *name, QString *section)
{
    static const QRegularExpression re(u"^([A-Za-z0-9_.+-]+)\\(([1-8][a-z]*)\\)$"_s);
    const auto m = re.match(ref);
    if (!m.hasMatch())
        return false;
    *name = m.captured(1);
    *section = m.captured(2);
    return true;
}

} // namespace

StepExplanation StepExplanations::explain(const QString &key, Phase phase)
{
    static const QString rollback = u"rollback."_s;
    if (key.startsWith(rollback)) {
        // The engine names an undo after the step it undoes: "rollback.cgroup.mkdir".
        StepExplanation inner = explain(key.mid(rollback.size()), phase);
        inner.text =
            QCoreApplication::translate("StepExplanations", kRollbackText) + u' ' + inner.text;
        inner.rollback = true;
        return inner;
    }
    const auto &map = index();
    QString k = key;
    bool exact = true;
    while (!k.isEmpty()) {
        const auto it = map.constFind(k);
        if (it != map.cend())
            return fromEntry(kEntries[*it], exact);
        exact = false;
        const qsizetype dot = k.lastIndexOf(u'.');
        if (dot < 0)
            break;
        k.truncate(dot);
    }
    return fromEntry(kEntries[map.value(QString::fromLatin1(phaseKey(phase)))], false);
}

bool StepExplanations::hasEntry(const QString &key)
{
    return index().contains(key);
}

QStringList StepExplanations::keys()
{
    QStringList out;
    for (const Entry &e : kEntries)
        out << QString::fromLatin1(e.key);
    return out;
}

QString StepExplanations::referenceLabel(const QString &reference)
{
    if (const Doc *d = findDoc(reference))
        return QCoreApplication::translate("StepExplanations", d->label);
    return reference;
}

QUrl StepExplanations::referenceUrl(const QString &reference)
{
    if (const Doc *d = findDoc(reference))
        return QUrl(QString::fromLatin1(d->url));
    QString name;
    QString section;
    if (!parseManPage(reference, &name, &section))
        return {};
    // man7.org carries the Linux man-pages project and most of the tools' pages.
    return QUrl(
        u"https://man7.org/linux/man-pages/man%1/%2.%3.html"_s.arg(section.left(1), name, section));
}

QString StepExplanations::referencesHtml(const QStringList &references)
{
    QStringList links;
    for (const QString &ref : references) {
        const QUrl url = referenceUrl(ref);
        const QString label = referenceLabel(ref).toHtmlEscaped();
        if (url.isValid())
            links << u"<a href=\"%1\">%2</a>"_s.arg(url.toString(QUrl::FullyEncoded), label);
        else
            links << label;
    }
    return links.join(u", "_s);
}

} // namespace koker::studio
