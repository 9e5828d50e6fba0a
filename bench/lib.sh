# Shared by the benchmarks: where koker is, scratch space, and how to make each
# peer (runc, crun, podman, skopeo, umoci) run on this machine (see
# ../../shared/brief/peers.md for why each incantation is needed).
set -euo pipefail

bench_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
top="$(cd "$bench_dir/.." && pwd)"
build="${KOKER_BUILD:-$top/build}"
koker_bin="$build/src/cli/koker"
runs="${RUNS:-30}"
warmup="${WARMUP:-3}"

need() {
    for tool in "$@"; do
        command -v "$tool" >/dev/null || { echo "bench: $tool is needed (apt-get install $tool)" >&2; exit 1; }
    done
}

[ "$(id -u)" = 0 ] || { echo "bench: run as root" >&2; exit 1; }
[ -x "$koker_bin" ] || { echo "bench: build first ($koker_bin missing; KOKER_BUILD=dir)" >&2; exit 1; }
need hyperfine python3

work="$(mktemp -d /tmp/kb-XXXXXX)"
state="$(mktemp -d /run/kb-XXXXXX)"
kopts="--root $work/koker --runroot $state/koker"
runc_root="$state/runc"
disk_image=""
state_tmpfs=0
host_store=""
host_kopts=""
cleanup_work() {
    "$koker_bin" $kopts -q ps -aq 2>/dev/null | xargs -r "$koker_bin" $kopts -q rm -f >/dev/null 2>&1 || true
    # The store's bridges and their NAT rules belong to the host, not to the store
    # directory: remove them before the directory goes.
    local f br t rule
    for f in "$work"/koker/networks/*/network.json; do
        [ -f "$f" ] || continue
        br=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["bridge"])' "$f")
        for t in nat filter; do
            iptables-legacy -t "$t" -S 2>/dev/null | grep -F -- "koker-net:$br\"" | sed 's/^-A /-D /' |
                while read -r rule; do eval "iptables-legacy -t $t $rule" || true; done
        done
        ip link del "$br" 2>/dev/null || true
    done
    if [ -n "$host_store" ]; then
        "$koker_bin" $host_kopts -q ps -aq 2>/dev/null |
            xargs -r "$koker_bin" $host_kopts -q rm -f >/dev/null 2>&1 || true
        rm -rf "$host_store"
    fi
    [ "$state_tmpfs" = 0 ] || umount -l "$state"
    if [ -n "$disk_image" ]; then
        mountpoint -q "$work" && { umount "$work" 2>/dev/null || umount -l "$work"; }
        rm -f "$disk_image"
    fi
    rm -rf "$work" "$state"
}
trap cleanup_work EXIT

# Stores and bundles go on a disk like an installed Debian's: ext4 with a journal,
# mounted without `discard`. This project's CI VM has its root on ext4 without a
# journal, mounted `discard`: there every freed block costs a synchronous discard,
# and ext4 skips any inode freed in the last 60 to 360 s when it looks for a free
# one, so a run's cost grows with whatever any program deleted in the minutes
# before. KOKER_BENCH_DISK=host keeps $work on the root disk instead; run-latency
# reports koker on the root disk as well. The image is sparse and goes with the bench.
if [ "${KOKER_BENCH_DISK:-image}" = image ]; then
    need mkfs.ext4 losetup
    disk_image="$(mktemp /var/tmp/kb-disk-XXXXXX.img)"
    truncate -s 8G "$disk_image"
    mkfs.ext4 -q -F "$disk_image"
    # noinit_itable: no kernel thread zeroing inode tables in the background (the
    # sparse image reads as zeros anyway) to compete with the runs measured.
    mount -o loop,noinit_itable "$disk_image" "$work"
fi
# Runtime state where each tool keeps it once installed: a tmpfs under /run (koker's
# --runroot defaults to /run/koker, runc's --root to /run/runc). Some machines (this
# project's CI VM among them) keep /run on the root disk: there the bench mounts the
# tmpfs itself, so that neither tool pays for disk inodes an installed system keeps
# in memory.
if [ "$(findmnt -n -o FSTYPE -T /run)" != tmpfs ]; then
    mount -t tmpfs -o mode=0700,size=64m kb-state "$state"
    state_tmpfs=1
fi

koker() { "$koker_bin" $kopts "$@"; }

# A second koker store with the starter image, on the root disk whatever
# KOKER_BENCH_DISK says; sets $host_kopts to the koker options that use it.
prepare_host_store() {
    host_store="$(mktemp -d /tmp/kb-host-XXXXXX)"
    host_kopts="--root $host_store --runroot $state/koker-host"
    "$koker_bin" $host_kopts -q image import --starter >/dev/null
}

# A starter image in koker's store and the same root file system for the others.
prepare_starter() {
    koker -q image import --starter >/dev/null
    local diff
    diff=$(koker image inspect starter | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["Config"]["rootfs"]["diff_ids"][0][7:])')
    mkdir -p "$work/bundle"
    cp -a "$work/koker/layers/$diff" "$work/bundle/rootfs"
}

# A runc bundle running /bin/true (terminal off, args, an absolute root path),
# confined the way koker confines a default container: koker's seccomp filter
# (koker-bench-oci-seccomp prints it as an OCI profile; tst_seccompfilter checks
# that it compiles to the same program) and Docker's default capabilities. Docker
# and Podman hand runc the same kind of bundle for every container. `runc spec`
# alone has no seccomp filter and three capabilities: with "bare" as the first
# argument the bundle stays like that (bench/run-latency reports both).
#   prepare_runc_bundle [bare]   -> $work/bundle (or $work/bundle-bare)
prepare_runc_bundle() {
    local dir="$work/bundle" profile="$work/seccomp.json"
    if [ "${1:-}" = bare ]; then
        dir="$work/bundle-bare"
        echo '{}' > "$profile"
    else
        [ -x "$build/src/engine/koker-bench-oci-seccomp" ] ||
            { echo "bench: build koker-bench-oci-seccomp first (KOKER_BUILD_BENCH=ON)" >&2; exit 1; }
        "$build/src/engine/koker-bench-oci-seccomp" > "$profile"
    fi
    mkdir -p "$dir"
    rm -f "$dir/config.json"
    (cd "$dir" && runc spec)
    python3 - "$dir/config.json" "$work/bundle/rootfs" "$profile" <<'PY'
import json, sys
path, rootfs, profile = sys.argv[1:4]
c = json.load(open(path))
c["process"]["terminal"] = False
c["process"]["args"] = ["/bin/true"]
c["root"] = {"path": rootfs, "readonly": False}
seccomp = json.load(open(profile))
if seccomp:
    c["linux"]["seccomp"] = seccomp
    # Docker's default set (koker's defaultCapabilities()); no ambient set, which
    # koker clears and `runc spec` fills.
    caps = ["CAP_" + n for n in ("CHOWN DAC_OVERRIDE FSETID FOWNER MKNOD NET_RAW SETGID "
                                 "SETUID SETFCAP SETPCAP NET_BIND_SERVICE SYS_CHROOT KILL "
                                 "AUDIT_WRITE").split()]
    c["process"]["capabilities"] = {k: caps for k in ("bounding", "effective", "permitted")}
json.dump(c, open(path, "w"))
PY
}

# podman with a private configuration (its defaults fail here: rlimits above the
# hard limit, systemd cgroup manager, journald events, netavark).
prepare_podman() {
    local runtime="$1"
    mkdir -p "$work/podman-$runtime"
    cat > "$work/podman-$runtime/containers.conf" <<CONF
[containers]
default_ulimits = ["nofile=20000:20000", "nproc=32768:32768"]
[engine]
cgroup_manager = "cgroupfs"
events_logger = "file"
runtime = "$runtime"
[network]
network_backend = "cni"
CONF
    cat > "$work/podman-$runtime/storage.conf" <<CONF
[storage]
driver = "overlay"
graphroot = "$work/podman-$runtime/graph"
runroot = "$work/podman-$runtime/run"
CONF
    cat > "$work/podman-$runtime/registries.conf" <<CONF
[[registry]]
location = "127.0.0.1"
insecure = true
CONF
}
podman_env() {
    local runtime="$1"
    echo "CONTAINERS_CONF=$work/podman-$runtime/containers.conf CONTAINERS_STORAGE_CONF=$work/podman-$runtime/storage.conf CONTAINERS_REGISTRIES_CONF=$work/podman-$runtime/registries.conf"
}

# The median of the numbers on stdin, one a line.
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# hyperfine one command; prints the median in ms.
median_ms() {
    local name="$1"; shift
    local out="$work/$name.json"
    # Write back what the preparation left dirty, so that no case pays for the
    # writeback of the one before it.
    sync
    hyperfine -N --warmup "$warmup" --runs "$runs" --export-json "$out" "$@" >/dev/null 2>&1 || { echo "nan"; return; }
    python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"][0]; print("%.1f" % (r["median"]*1000))' "$out"
}

# One result row: printed, and appended to $BENCH_TSV for bench/all's table and plot.
#   report SECTION CASE VALUE UNIT [BASELINE_VALUE BASELINE_NAME [TARGET_RATIO]]
# The ratio is VALUE / BASELINE_VALUE (lower is better for times and memory;
# higher for throughput, where BASELINE is the target).
report() {
    local section="$1" case="$2" value="$3" unit="$4" base="${5:-}" bname="${6:-}" target="${7:-}"
    local r=""
    [ -n "$base" ] && r="$(ratio "$value" "$base") × $bname"
    printf "%-50s %9s %-5s %s\n" "$case" "$value" "$unit" "$r"
    if [ -n "${BENCH_TSV:-}" ]; then
        printf "%s\t%s\t%s\t%s\t%s\t%s\t%s\n" "$section" "$case" "$value" "$unit" "$base" "$bname" \
            "$target" >>"$BENCH_TSV"
    fi
}

# Resident memory of a process in MiB (one decimal).
rss_mib() { awk '/^VmRSS:/ { printf "%.1f", $2 / 1024 }' "/proc/$1/status"; }

ratio() { python3 -c "import sys; a,b=float(sys.argv[1]),float(sys.argv[2]); print('%.2f' % (a/b) if b == b and b > 0 and a == a else 'n/a')" "$1" "$2"; }

machine_line() {
    echo "machine: $(nproc) CPUs, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), kernel $(uname -r), $(. /etc/os-release; echo "$PRETTY_NAME")"
}

storage_line() {
    local disk="the root disk"
    [ -n "$disk_image" ] && disk="a journaled ext4 image the bench made"
    echo "storage: stores and bundles on $disk ($(findmnt -n -o FSTYPE -T "$work"), $(findmnt -n -o OPTIONS -T "$work" | cut -d, -f1-3)); run state on $(findmnt -n -o FSTYPE -T "$state")$([ "$state_tmpfs" = 1 ] && echo " (mounted by the bench: /run is not a tmpfs here)")"
}
