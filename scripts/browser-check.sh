#!/usr/bin/env bash
# Checks `errata serve`'s pages in a real browser: builds `errata`, starts `errata serve` on a free port, and runs
# scripts/browser_check.py against it in headless Chromium (Selenium). The checks: the index lists every bundled
# catalog; then for the pluralkit page and the google-apis page (a real API's catalog, with string codes): a row for
# every code, the search box filters the rows, `#20003` (`#NOT_FOUND`) scrolls its row into view, and a screenshot
# lands in test-output/browser/CATALOG.png.
#
# Installs what is missing: Debian's chromium and chromium-driver (apt-get), and selenium (pip). Selenium is given
# Debian's chromedriver and chromium by path and run offline, so it never downloads a driver or a browser.
#
# Usage: scripts/browser-check.sh
# Environment: PYTHON (default python3) picks the interpreter; BROWSER_CHECK_TIMEOUT (default 300) caps the
# browser run in seconds; SERVE_TIMEOUT (default 60) caps the wait for the server to answer.
# Exit status: 0 when every check passes; 1 with a message naming the failed check otherwise.
set -euo pipefail

cd "$(dirname "$0")/.."
python="${PYTHON:-python3}"
browser_timeout="${BROWSER_CHECK_TIMEOUT:-300}"
serve_timeout="${SERVE_TIMEOUT:-60}"

fail() {
    echo "browser check: $*" >&2
    exit 1
}

# Runs a command as root: directly when we are root, through sudo otherwise.
as_root() {
    if [ "$(id -u)" -eq 0 ]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo "$@"
    else
        fail "need root (or sudo) to run: $*"
    fi
}

if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
    echo "Installing chromium and chromium-driver with apt-get…" >&2
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >&2
fi
chromium_path="$(command -v chromium)" || fail "chromium is not on PATH after installing it"
chromedriver_path="$(command -v chromedriver)" || fail "chromedriver is not on PATH after installing chromium-driver"

if ! "$python" -c 'import selenium' 2>/dev/null; then
    echo "Installing selenium with pip…" >&2
    "$python" -m pip install --quiet selenium
fi

swift build --product errata >&2 || fail "swift build --product errata failed"
errata="$(swift build --show-bin-path)/errata"
[ -x "$errata" ] || fail "no errata binary at $errata"

# A free port: bind to port 0 and let the kernel choose. Another process could take it before `errata serve` does,
# which `errata serve` would report as an address in use.
port="$("$python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
base="http://127.0.0.1:$port"

work="$(mktemp -d)"
server_pid=""
cleanup() {
    if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
        kill "$server_pid" 2>/dev/null || true
        wait "$server_pid" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

"$errata" serve --port "$port" --log-level warning >"$work/serve.log" 2>&1 &
server_pid=$!

deadline=$((SECONDS + serve_timeout))
until curl --silent --fail --max-time 2 --output /dev/null "$base/"; do
    if ! kill -0 "$server_pid" 2>/dev/null; then
        sed 's/^/    /' "$work/serve.log" >&2
        fail "errata serve exited before answering on $base (its output is above)"
    fi
    if [ "$SECONDS" -ge "$deadline" ]; then
        sed 's/^/    /' "$work/serve.log" >&2
        fail "errata serve did not answer on $base within ${serve_timeout}s"
    fi
    sleep 0.2
done
echo "errata serve answers on $base" >&2

status=0
timeout --kill-after=10 "$browser_timeout" "$python" scripts/browser_check.py \
    --base-url "$base" \
    --catalogs Catalogs \
    --chromium "$chromium_path" \
    --chromedriver "$chromedriver_path" \
    --output test-output/browser || status=$?
if [ "$status" -eq 124 ] || [ "$status" -eq 137 ]; then
    fail "timed out after ${browser_timeout}s (BROWSER_CHECK_TIMEOUT)"
elif [ "$status" -ne 0 ]; then
    if [ -s "$work/serve.log" ]; then
        echo "errata serve's output:" >&2
        sed 's/^/    /' "$work/serve.log" >&2
    fi
    fail "FAILED (see above)"
fi
