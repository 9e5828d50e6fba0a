#!/bin/sh
# The dbus tier, as ctest runs it (as root):
#
#   KOKER_BUILD_DIR=... [KOKER_SOURCE_DIR=...] run-dbus-tests.sh PATH/TO/tst_helper
#
# Starts the fixture (fixture/start.sh: two users, polkit action and test rule, a
# private system bus, polkitd, kokerd), then runs tst_helper phase by phase:
#
#   a        as kokertest-a: the allowed paths, malformed input, wrong fds
#            then, as root: nothing of A's containers is left in the store
#   hold     as kokertest-a, in the background: containers and an operation for B
#   b-none   as kokertest-b, no grant: every method refused
#   b-own    as kokertest-b in kokertest-own: A's containers do not exist for B
#   b-slow   as kokertest-b in kokertest-slow: leaving mid-authorization
#   final    as kokertest-a: kokerd answers; as root: same pid as at the start
#   idle     kokerd restarted with --idle-timeout 2; as kokertest-a: start a
#            container and leave; kokerd exits, the container keeps running
#
# and stops everything (fixture/stop.sh) even on failure or interruption. Exits
# non-zero when any phase or check failed, 77 when the tier cannot run here.
# shellcheck shell=dash # (local)
set -u
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=SCRIPTDIR/fixture/lib.sh
. "$here/fixture/lib.sh"

tst=${1:?usage: $0 PATH/TO/tst_helper}
: "${KOKER_BUILD_DIR:?set KOKER_BUILD_DIR to the build directory}"
KOKER_SOURCE_DIR=${KOKER_SOURCE_DIR:-$(cd "$here/../.." && pwd)}
export KOKER_BUILD_DIR KOKER_SOURCE_DIR

if [ "$(id -u)" -ne 0 ]; then
    echo "SKIP: the dbus tier needs root (it starts a system bus, polkitd and kokerd)"
    exit 77
fi
[ -x "$tst" ] || fixture_die "$tst is not built"

dir=$(mktemp -d /tmp/koker-dbus.XXXXXX)
failed=""
holder=""
child=""
cleaned=0

fail() {
    echo "FAIL: $*"
    failed="$failed
  $*"
}

cleanup() {
    [ "$cleaned" -eq 1 ] && return
    cleaned=1
    for pid in $child $holder; do
        fixture_running "$pid" && kill -TERM "$pid" 2>/dev/null
        wait "$pid" 2>/dev/null
    done
    if [ -n "$failed" ]; then
        for log in kokerd.log kokerd-idle.log polkitd.log; do
            [ -s "$dir/$log" ] || continue
            echo "---- $log (last 60 lines)"
            tail -n 60 "$dir/$log"
        done
    fi
    sh "$here/fixture/stop.sh" "$dir" || fail "stop.sh had to clean up leaks (see above)"
}
trap 'cleanup' EXIT
trap 'fail "interrupted"; exit 130' INT TERM HUP

# tst_helper as a test user, with a clean environment, in the background (so a
# signal to the runner is handled at once): sets $! to tst_helper's own pid
# (env and setpriv exec it). Output to file $3.
as_user() { # USER PHASE OUTFILE
    (
        exec env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/nonexistent LANG=C.UTF-8 \
            QT_QPA_PLATFORM=offscreen QT_FORCE_STDERR_LOGGING=1 \
            KOKER_DBUS_FIXTURE="$dir/fixture.env" KOKER_DBUS_PHASE="$2" \
            KOKER_SOURCE_DIR="$KOKER_SOURCE_DIR" \
            setpriv --reuid="$1" --regid="$1" --init-groups --no-new-privs "$tst" >"$3" 2>&1
    ) &
}

# Qt Test's output without the skips of the other phases' functions.
show() {
    awk '/^SKIP   : .* only \(KOKER_DBUS_PHASE\)$/ { skip = 1; next }
         skip && /^   Loc: / { skip = 0; next }
         { skip = 0; print }' "$1"
}

phase() { # USER PHASE
    echo "==== phase $2 as $1"
    as_user "$1" "$2" "$dir/phase.out"
    child=$!
    wait "$child"
    rc=$?
    child=""
    show "$dir/phase.out"
    [ "$rc" -eq 0 ] || fail "phase $2 (as $1)"
}

# As root: nothing of the containers listed in share/created-ids is left in the
# store, the runtime directory or the cgroup tree.
check_nothing_left() {
    local id short cg
    [ -f "$dir/share/created-ids" ] || return 0
    # shellcheck disable=SC2013 # one id per line, no spaces
    for id in $(cat "$dir/share/created-ids"); do
        short=$(echo "$id" | cut -c1-12)
        [ -e "$dir/store/containers/$id" ] && fail "container $id is still in the store"
        [ -e "$dir/run/c/$short" ] && fail "container $id left $dir/run/c/$short"
        for cg in /sys/fs/cgroup/*/koker/"$id" /sys/fs/cgroup/koker/"$id"; do
            [ -d "$cg" ] && fail "container $id left its cgroup $cg"
        done
    done
    if awk -v d="$dir/store/" 'index($5, d) == 1 { found = 1 } END { exit !found }' \
        /proc/self/mountinfo; then
        fail "mounts left under $dir/store"
    fi
}

start=$(date +%s)
sh "$here/fixture/start.sh" "$dir"
rc=$?
if [ "$rc" -eq 77 ]; then
    echo "SKIP: the fixture cannot run here (see above)"
    exit 77
fi
[ "$rc" -eq 0 ] || {
    fail "fixture/start.sh"
    exit 1
}
# shellcheck source=/dev/null # written by start.sh
. "$dir/fixture.env"

phase "$KOKERTEST_A" a
check_nothing_left

# The koker CLI as a normal user: the same commands (and output) as root, through
# kokerd. Each check compares what A sees with what it should be.
koker_as() { # USER ARGS... (stdin passed on)
    local user=$1
    shift
    env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/nonexistent LANG=C.UTF-8 \
        DBUS_SYSTEM_BUS_ADDRESS="$KOKER_DBUS_ADDRESS" \
        setpriv --reuid="$user" --regid="$user" --init-groups \
        "$KOKER_BUILD_DIR/src/cli/koker" "$@"
}
expect() { # WHAT EXPECTED ACTUAL
    [ "$2" = "$3" ] || fail "CLI as user: $1: expected [$2], got [$3]"
}
echo "==== phase cli as $KOKERTEST_A (the koker command through kokerd)"
expect "images" "starter latest" "$(koker_as "$KOKERTEST_A" images | awk 'NR == 2 { print $1, $2 }')"
expect "run --rm output" "hello" "$(koker_as "$KOKERTEST_A" run --rm --network none starter echo hello)"
koker_as "$KOKERTEST_A" run --rm --network none starter sh -c 'exit 3'
expect "run exit code" 3 $?
koker_as "$KOKERTEST_A" run --rm --network none starter /no/such/binary 2>/dev/null
expect "command not found" 127 $?
expect "stdin with -i" "piped" "$(echo piped | koker_as "$KOKERTEST_A" run --rm -i --network none starter cat)"
cid=$(koker_as "$KOKERTEST_A" run -d --name cli-box --network none starter sh -c 'echo started; sleep 300')
expect "run -d prints the id" 64 "${#cid}"
expect "ps shows it" "cli-box" "$(koker_as "$KOKERTEST_A" ps | awk 'NR == 2 { print $NF }')"
expect "exec" 42 "$(koker_as "$KOKERTEST_A" exec cli-box sh -c 'echo $((6*7))')"
koker_as "$KOKERTEST_A" exec cli-box sh -c 'exit 7'
expect "exec exit code" 7 $?
sleep 0.3
expect "logs" "started" "$(koker_as "$KOKERTEST_A" logs cli-box)"
expect "inspect" "running" "$(koker_as "$KOKERTEST_A" inspect -f State.Status cli-box)"
# B sees none of it: not authorized at all.
koker_as "$KOKERTEST_B" ps >/dev/null 2>"$dir/b.err"
expect "B is refused" 1 $?
grep -q "not authorized" "$dir/b.err" || fail "CLI as B: no clear refusal: $(cat "$dir/b.err")"
expect "inspect --hood: own pid namespace" "false" \
    "$(koker_as "$KOKERTEST_A" inspect --hood cli-box | python3 -c 'import json,sys
print(str([n for n in json.load(sys.stdin)["namespaces"] if n["type"] == "pid"][0]["shared"]).lower())')"
koker_as "$KOKERTEST_A" inspect --proof cli-box >"$dir/proof-before.out" || fail "CLI as A: inspect --proof"
grep -q "state dir .* \[there now\]" "$dir/proof-before.out" || fail "CLI as A: inspect --proof: $(cat "$dir/proof-before.out")"
koker_as "$KOKERTEST_A" stop -t 1 cli-box >/dev/null || fail "CLI as A: stop"
expect "stopped" "exited" "$(koker_as "$KOKERTEST_A" inspect -f State.Status cli-box)"
koker_as "$KOKERTEST_A" rm --proof cli-box >"$dir/proof.out" || fail "CLI as A: rm --proof: $(cat "$dir/proof.out")"
grep -q "^All [0-9]* host changes are gone" "$dir/proof.out" || fail "CLI as A: rm --proof: $(cat "$dir/proof.out")"
expect "ps -a empty" "" "$(koker_as "$KOKERTEST_A" ps -aq)"
echo "$cid" >>"$dir/share/created-ids"
check_nothing_left

# The holder stays on the bus while B runs: its operation object must live.
echo "==== phase hold as $KOKERTEST_A (background)"
as_user "$KOKERTEST_A" hold "$dir/hold.out"
holder=$!
i=0
while [ ! -s "$dir/share/state.json" ] && fixture_running "$holder" && [ "$i" -lt 600 ]; do
    sleep 0.1
    i=$((i + 1))
done
if [ -s "$dir/share/state.json" ]; then
    phase "$KOKERTEST_B" b-none
    gpasswd -a "$KOKERTEST_B" "$KOKERTEST_OWN" >/dev/null
    phase "$KOKERTEST_B" b-own
    gpasswd -d "$KOKERTEST_B" "$KOKERTEST_OWN" >/dev/null
    gpasswd -a "$KOKERTEST_B" "$KOKERTEST_SLOW" >/dev/null
    phase "$KOKERTEST_B" b-slow
    gpasswd -d "$KOKERTEST_B" "$KOKERTEST_SLOW" >/dev/null
else
    fail "the holder wrote no state.json"
fi
touch "$dir/share/hold.done"
wait "$holder" || fail "phase hold (as $KOKERTEST_A)"
holder=""
echo "==== phase hold as $KOKERTEST_A: its output"
show "$dir/hold.out"
check_nothing_left

phase "$KOKERTEST_A" final
if [ "$(cat "$dir/kokerd.pid" 2>/dev/null)" != "$KOKERD_PID" ] || ! fixture_running "$KOKERD_PID"; then
    fail "kokerd (pid $KOKERD_PID) did not survive"
fi

# Load through the helper: 1000 sequential `run --rm` must not grow kokerd's open
# files, threads or memory (a leak per call would show up a thousandfold).
echo "==== phase load: ${KOKER_LOAD_RUNS:-1000} x run --rm through kokerd"
for i in $(seq 20); do koker_as "$KOKERTEST_A" run --rm --network none starter true; done
fds_before=$(ls "/proc/$KOKERD_PID/fd" | wc -l)
threads_before=$(awk '/^Threads:/ { print $2 }' "/proc/$KOKERD_PID/status")
rss_before=$(awk '/^VmRSS:/ { print $2 }' "/proc/$KOKERD_PID/status")
load_failed=0
for i in $(seq "${KOKER_LOAD_RUNS:-1000}"); do
    koker_as "$KOKERTEST_A" run --rm --network none starter true || load_failed=$((load_failed + 1))
done
sleep 1
fds_after=$(ls "/proc/$KOKERD_PID/fd" | wc -l)
threads_after=$(awk '/^Threads:/ { print $2 }' "/proc/$KOKERD_PID/status")
rss_after=$(awk '/^VmRSS:/ { print $2 }' "/proc/$KOKERD_PID/status")
echo "kokerd: fds $fds_before -> $fds_after, threads $threads_before -> $threads_after, RSS $rss_before -> $rss_after kB"
[ "$load_failed" -eq 0 ] || fail "load: $load_failed runs failed"
[ "$fds_after" -le $((fds_before + 2)) ] || fail "load: kokerd's fds grew from $fds_before to $fds_after"
[ "$threads_after" -le $((threads_before + 4)) ] || fail "load: kokerd's threads grew from $threads_before to $threads_after"
[ "$rss_after" -le $((rss_before + 8192)) ] || fail "load: kokerd's memory grew from $rss_before to $rss_after kB"
expect "load leaves no container" "" "$(koker_as "$KOKERTEST_A" ps -aq)"

# Load from both sides at once: 25 containers through kokerd (as a user) and 25
# through the CLI (as root, the same store) started in parallel. Every one runs,
# each gets its own address (leases taken under the store's lock by two processes),
# and removing them all leaves nothing.
echo "==== phase load: 50 at once through kokerd and the CLI"
for i in $(seq 25); do
    (koker_as "$KOKERTEST_A" run -d starter sleep 300 >"$dir/fifty.helper.$i" 2>&1
        echo $? >"$dir/fifty.helper.$i.rc") &
    (fixture_koker "$dir" run -d starter sleep 300 >"$dir/fifty.cli.$i" 2>&1
        echo $? >"$dir/fifty.cli.$i.rc") &
done
wait
fifty_failed=$(cat "$dir"/fifty.*.rc | grep -cvx 0)
if [ "$fifty_failed" -ne 0 ]; then
    grep -hv '^[0-9a-f]*$' "$dir"/fifty.helper.[0-9]* "$dir"/fifty.cli.[0-9]* | head -5
    fail "load: $fifty_failed of 50 parallel runs failed"
fi
ids=$(fixture_koker "$dir" ps -q --no-trunc)
echo "$ids" >>"$dir/share/created-ids"
expect "50 containers run" 50 "$(echo "$ids" | grep -c .)"
# shellcheck disable=SC2086 # one id per word
addresses=$(fixture_koker "$dir" inspect $ids | grep -o '"IPAddress": *"[0-9.]*"' | sort -u | wc -l)
expect "50 distinct addresses" 50 "$addresses"
# shellcheck disable=SC2086
fixture_koker "$dir" rm -f $ids >/dev/null || fail "load: rm -f of the 50"
expect "nothing after the 50" "" "$(fixture_koker "$dir" ps -aq)"
check_nothing_left

# kokerd killed (-9) while it starts containers: the containers it did start keep
# running or are reconciled by the next kokerd; nothing leaks.
echo "==== phase helper killed mid-run"
for i in 1 2 3 4; do
    koker_as "$KOKERTEST_A" run -d --network none starter sleep 300 >/dev/null 2>&1 &
done
sleep 0.05
kill -9 "$KOKERD_PID"
wait
fixture_start_kokerd "$dir" 0 || fail "kokerd did not start again after kill -9"
KOKERD_PID=$(cat "$dir/kokerd.pid")
koker_as "$KOKERTEST_A" ps -aq --no-trunc >>"$dir/share/created-ids"
ids=$(koker_as "$KOKERTEST_A" ps -aq)
[ -z "$ids" ] || koker_as "$KOKERTEST_A" rm -f $ids >/dev/null || fail "rm -f after the helper was killed"
expect "nothing after the helper was killed" "" "$(koker_as "$KOKERTEST_A" ps -aq)"
check_nothing_left

# Idle exit: a kokerd of its own (the name can have one owner) with a 2 s timeout.
fixture_stop_pid "$dir/kokerd.pid" 50
if fixture_start_kokerd "$dir" 2 "$dir/kokerd-idle.pid" "$dir/kokerd-idle.log"; then
    idle_pid=$(cat "$dir/kokerd-idle.pid")
    phase "$KOKERTEST_A" idle
    left=$(date +%s)
    i=0
    while fixture_running "$idle_pid" && [ "$i" -lt 150 ]; do
        sleep 0.1
        i=$((i + 1))
    done
    if fixture_running "$idle_pid"; then
        fail "kokerd --idle-timeout 2 still runs 15 s after its last client left"
    else
        wait "$idle_pid"
        code=$?
        echo "kokerd --idle-timeout 2 exited (code $code) $(($(date +%s) - left)) s after its client left"
        [ "$code" -eq 0 ] || fail "kokerd --idle-timeout 2 exited with code $code"
        rm -f "$dir/kokerd-idle.pid"
    fi
    idle_id=$(cat "$dir/share/idle-id" 2>/dev/null || true)
    if [ -n "$idle_id" ]; then
        if fixture_koker "$dir" inspect "$idle_id" | grep -q '"Running": *true'; then
            echo "the container started through the bus still runs without kokerd"
        else
            fail "the container $idle_id did not outlive kokerd"
        fi
        fixture_koker "$dir" rm -f "$idle_id" >/dev/null || fail "koker rm -f $idle_id as root"
    fi
else
    fail "kokerd --idle-timeout 2 did not start"
fi
check_nothing_left

echo "==== dbus tier done in $(($(date +%s) - start)) s"
cleanup
if [ -n "$failed" ]; then
    echo "FAILED:$failed"
    exit 1
fi
echo "PASSED"
exit 0
