# Shared by .ci/setup and .ci/run.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
top="$(cd "$here/.." && pwd)"

need_root() {
    if [ "$(id -u)" != 0 ]; then
        echo "Run this as root (sudo $0): it installs packages and runs containers." >&2
        exit 1
    fi
}

install_packages() {
    local wanted missing=()
    mapfile -t wanted < <(grep -v '^\s*#' "$here/packages" | grep -v '^\s*$')
    for p in "${wanted[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    if [ ${#missing[@]} -gt 0 ]; then
        echo "==> Installing ${missing[*]}"
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq
        apt-get install -y -qq --no-install-recommends "${missing[@]}"
    fi
}

# build DIR [extra cmake args...]
build() {
    local dir="$1"; shift
    export CCACHE_DIR="${CCACHE_DIR:-$top/.cache/ccache}"
    cmake -S "$top" -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >/dev/null
    cmake --build "$dir" -j "$(nproc)"
}
