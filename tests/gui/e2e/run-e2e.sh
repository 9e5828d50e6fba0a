#!/bin/sh
# Koker Studio end to end (as root), as ctest runs it:
#
#   KOKER_BUILD_DIR=... [KOKER_SOURCE_DIR=...] run-e2e.sh TST_STUDIO_E2E TST_IMAGESMODEL TST_CONTAINERSMODEL
#
# 1. the dbus tier's fixture (tests/dbus/fixture/start.sh): users kokertest-a/-b,
#    polkit's actions and test rule, a private system bus, polkitd, kokerd with a
#    store holding the starter image;
# 2. if docker-registry, skopeo and umoci are installed, a registry on 127.0.0.1
#    with the registry tier's images (tests/fixtures/registry), for the pull dialog;
# 3. Xvfb on a display number it picks itself;
# 4. as kokertest-a: the images and containers models against the real kokerd
#    (offscreen), then tst_studio_e2e, the real window under Xvfb;
# 5. with KOKER_E2E_SCREENSHOTS=DIR, the screenshots (studio-*.png) are copied to DIR
#    (docs/images to refresh the user guide's; by default they stay in the run's
#    temporary directory, so a test run never changes the source tree);
# and everything is stopped again, also on failure or interruption. Exits 77 when
# the tier cannot run here (not root, no Xvfb, fixture prerequisites missing).
# shellcheck shell=dash # (local)
set -u
here=$(cd "$(dirname "$0")" && pwd)
fixture_dir=$(cd "$here/../../dbus/fixture" && pwd)
registry_fixtures=$(cd "$here/../../fixtures/registry" && pwd)
# shellcheck source=tests/dbus/fixture/lib.sh
. "$fixture_dir/lib.sh"

[ $# -eq 3 ] || fixture_die "usage: $0 TST_STUDIO_E2E TST_IMAGESMODEL TST_CONTAINERSMODEL"
tst_e2e=$1
tst_images=$2
tst_containers=$3
: "${KOKER_BUILD_DIR:?set KOKER_BUILD_DIR to the build directory}"
KOKER_SOURCE_DIR=${KOKER_SOURCE_DIR:-$(cd "$here/../../.." && pwd)}
export KOKER_BUILD_DIR KOKER_SOURCE_DIR

if [ "$(id -u)" -ne 0 ]; then
    echo "SKIP: the studio's end-to-end test needs root (it starts a system bus, polkitd and kokerd)"
    exit 77
fi
command -v Xvfb >/dev/null 2>&1 || {
    echo "SKIP: Xvfb is not installed (apt-get install xvfb)"
    exit 77
}
for t in "$tst_e2e" "$tst_images" "$tst_containers"; do
    [ -x "$t" ] || fixture_die "$t is not built"
done

dir=$(mktemp -d /tmp/koker-e2e.XXXXXX)
registry_dir=""
xvfb_pid=""
child=""
failed=""
cleaned=0

fail() {
    echo "FAIL: $*"
    failed="$failed
  $*"
}

cleanup() {
    [ "$cleaned" -eq 1 ] && return
    cleaned=1
    if [ -n "$child" ] && fixture_running "$child"; then
        kill -TERM "$child" 2>/dev/null
        wait "$child" 2>/dev/null
    fi
    if [ -n "$failed" ]; then
        for log in kokerd.log polkitd.log; do
            [ -s "$dir/$log" ] || continue
            echo "---- $log (last 60 lines)"
            tail -n 60 "$dir/$log"
        done
    fi
    [ -n "$xvfb_pid" ] && echo "$xvfb_pid" >"$dir/xvfb.pid" && fixture_stop_pid "$dir/xvfb.pid" 30
    if [ -n "$registry_dir" ]; then
        sh "$registry_fixtures/stop-registry.sh" "$registry_dir" >/dev/null 2>&1 || true
        rm -rf "$registry_dir"
    fi
    sh "$fixture_dir/stop.sh" "$dir" || fail "stop.sh had to clean up leaks (see above)"
}
trap 'cleanup' EXIT
trap 'fail "interrupted"; exit 130' INT TERM HUP

sh "$fixture_dir/start.sh" "$dir"
rc=$?
if [ "$rc" -eq 77 ]; then
    echo "SKIP: the dbus fixture cannot run here (see above)"
    exit 77
fi
[ "$rc" -eq 0 ] || {
    fail "fixture/start.sh"
    exit 1
}
# shellcheck source=/dev/null # written by start.sh
. "$dir/fixture.env"

# The registry, when its tools are there: the pull dialog then pulls a real image
# with four layers (tst_studio_e2e skips that part otherwise).
registry=""
if command -v docker-registry >/dev/null 2>&1 && command -v skopeo >/dev/null 2>&1 &&
    command -v umoci >/dev/null 2>&1 && [ -x /bin/busybox ]; then
    registry_dir=$(mktemp -d /tmp/koker-e2e-registry.XXXXXX)
    if registry=$(sh "$registry_fixtures/start-registry.sh" "$registry_dir" 2>"$dir/registry.err"); then
        if ! sh "$registry_fixtures/build-test-images.sh" "$KOKER_BUILD_DIR/tests/registry/images" \
            "$registry" >"$dir/registry-images.log" 2>&1; then
            echo "note: pushing the test images failed; the pull dialog is only shown"
            tail -n 20 "$dir/registry-images.log"
            registry=""
        fi
    else
        echo "note: the test registry did not start: $(cat "$dir/registry.err")"
        registry=""
    fi
else
    echo "note: no docker-registry/skopeo/umoci: the pull dialog is only shown, not used"
fi

# Xvfb picks a free display and tells us its number (-displayfd). -ac: the test
# user must connect to root's server; nothing else runs on it.
: >"$dir/display"
Xvfb -displayfd 3 -screen 0 1600x1000x24 -nolisten tcp -ac 3>"$dir/display" \
    >"$dir/xvfb.log" 2>&1 &
xvfb_pid=$!
i=0
while [ ! -s "$dir/display" ] && fixture_running "$xvfb_pid" && [ "$i" -lt 100 ]; do
    sleep 0.1
    i=$((i + 1))
done
[ -s "$dir/display" ] || {
    cat "$dir/xvfb.log"
    fail "Xvfb did not start"
    exit 1
}
display=":$(cat "$dir/display")"

# The test user's home for this run: settings (QSettings), runtime dir, screenshots.
home="$dir/share/home"
mkdir -p "$home/config" "$home/runtime" "$home/shots"
chown -R "$KOKERTEST_A:$KOKERTEST_A" "$home"
chmod 0700 "$home/runtime"

# A test program as kokertest-a with a clean environment, in the background so a
# signal to the runner is handled at once. Output to $dir/out.
as_a() { # PLATFORM PROGRAM
    (
        exec env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME="$home" LANG=C.UTF-8 \
            XDG_CONFIG_HOME="$home/config" XDG_RUNTIME_DIR="$home/runtime" \
            QT_QPA_PLATFORM="$1" DISPLAY="$display" QT_FORCE_STDERR_LOGGING=1 \
            DBUS_SYSTEM_BUS_ADDRESS="$KOKER_DBUS_ADDRESS" \
            KOKER_DBUS_FIXTURE="$dir/fixture.env" KOKER_SOURCE_DIR="$KOKER_SOURCE_DIR" \
            KOKER_SCREENSHOT_DIR="$home/shots" KOKER_E2E_REGISTRY="$registry" \
            setpriv --reuid="$KOKERTEST_A" --regid="$KOKERTEST_A" --init-groups --no-new-privs \
            "$2" >"$dir/out" 2>&1
    ) &
}

run() { # NAME PLATFORM PROGRAM
    echo "==== $1 as $KOKERTEST_A"
    as_a "$2" "$3"
    child=$!
    wait "$child"
    rc=$?
    child=""
    cat "$dir/out"
    [ "$rc" -eq 0 ] || fail "$1"
}

start=$(date +%s)
run "images model against kokerd" offscreen "$tst_images"
run "containers model against kokerd" offscreen "$tst_containers"
run "koker-studio under Xvfb" xcb "$tst_e2e"

# The screenshots, for docs/user-guide.md.
target=${KOKER_E2E_SCREENSHOTS:-none}
if [ "$target" != none ] && ls "$home/shots/"*.png >/dev/null 2>&1; then
    mkdir -p "$target"
    cp "$home/shots/"*.png "$target/"
    echo "screenshots: $(cd "$home/shots" && echo ./*.png) -> $target"
fi

echo "==== studio end to end done in $(($(date +%s) - start)) s"
cleanup
if [ -n "$failed" ]; then
    echo "FAILED:$failed"
    exit 1
fi
echo "PASSED"
exit 0
