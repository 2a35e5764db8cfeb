#!/usr/bin/env bash
# Load test, side by side: what an Errata error costs on the wire compared with the same server's other answers.
#
# Builds ErrataLoadServer (this package, release) and measures six of its routes with wrk, the server pinned to
# core 0 and wrk to core 1 (taskset), so the two never compete for a core:
#
#   plain      GET /plain                             200, a small body: Hummingbird with nothing of ours
#   catalog    GET /catalog/abcde                     404 MemberRefNotFound, thrown as an APIError and rendered by
#                                                     ErrataMiddleware as the pluralkit catalog documents it
#   httperror  GET /httperror/abcde                   404 Hummingbird HTTPError, no Errata middleware on the route
#   routed     GET /routed/abcde                      200 "OK", the catalog route's twin: the same group, parameter
#                                                     and middleware, no error
#   floor      GET /floor/abcde                       the catalog route's 404 and bytes, fixed: an error thrown and
#                                                     answered by a middleware that does nothing else (the least any
#                                                     error path can cost on Hummingbird)
#   mock       GET /mock/pluralkit/20003?memberRef=…  `errata serve`'s mock endpoint, on its own router
#
# First every route is checked with curl (status and body); a wrong answer stops the script before measuring.
# Then a warmup, then ROUNDS rounds, each measuring every route for DURATION seconds, the order rotated from round
# to round so no route always runs first. Then a flood of errors on the catalog route with the server's memory
# before, during and after.
#
# How to read it: requests per second per route and round, the median of each route, and three ratios of medians
#   catalog/plain      ≥ 0.95: an Errata error costs (almost) nothing over a plain 200
#   catalog/httperror  ≥ 1.15: and less than Hummingbird's own HTTPError answer
#   mock/plain         ≥ 0.9:  the mock server keeps up with a plain route
# and, for reading them, catalog/routed: the error against a 200 routed the same way, which separates what the
# error costs from what a route with a parameter behind a middleware costs; catalog/floor: against an error answered
# with fixed bytes, which separates what Errata's error path costs from what any error path costs; floor/plain and
# floor/httperror: what the targets above leave for Errata once the floor is paid.
# Rounds that disagree by more than a few percent mean a noisy machine: compare medians, not single rounds. In the
# flood, VmRSS should level off (after ≈ before, plus the allocator's working set); steady growth is a leak.
# VmHWM is the peak resident size. The script reports targets met or missed; it exits non-zero only when it could
# not measure (a build, a route's answer, wrk).
#
# Usage: Benchmarks/load.sh   (about 7 minutes with the defaults)
# Environment: DURATION (10) seconds per route per round, ROUNDS (5), WARMUP (3) seconds per route,
# CONNECTIONS (32) wrk connections, FLOOD (60) seconds of the error flood.
set -euo pipefail

cd "$(dirname "$0")/.."
duration="${DURATION:-10}"
rounds="${ROUNDS:-5}"
warmup="${WARMUP:-3}"
connections="${CONNECTIONS:-32}"
flood="${FLOOD:-60}"

fail() {
    echo "load: $*" >&2
    exit 1
}

for name in duration rounds warmup connections flood; do
    [[ "${!name}" =~ ^[0-9]+$ ]] || fail "${name^^}=${!name} is not a whole number"
done
[ "$rounds" -ge 1 ] && [ "$duration" -ge 1 ] && [ "$connections" -ge 1 ] || fail "ROUNDS, DURATION and CONNECTIONS must be ≥ 1"

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

if ! command -v wrk >/dev/null 2>&1; then
    echo "Installing wrk with apt-get…" >&2
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >&2
fi
command -v wrk >/dev/null 2>&1 || fail "wrk is not on PATH after installing it"
command -v taskset >/dev/null 2>&1 || fail "taskset is missing (Debian package util-linux)"
command -v curl >/dev/null 2>&1 || fail "curl is missing"
cores="$(nproc)"
if [ "$cores" -lt 2 ]; then
    fail "needs 2 cores (server on core 0, wrk on core 1); this machine has $cores"
fi

swift build -c release --package-path Benchmarks --product ErrataLoadServer >&2 || fail "building ErrataLoadServer failed"
server_binary="$(swift build -c release --package-path Benchmarks --show-bin-path)/ErrataLoadServer"
[ -x "$server_binary" ] || fail "no ErrataLoadServer at $server_binary"

# A free port: the first in the range that nothing answers on.
port=""
for candidate in $(seq 18080 18180); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then
        port="$candidate"
        break
    fi
done
[ -n "$port" ] || fail "no free port in 18080–18180"
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

# taskset execs the server, so $! is the server's own pid (for /proc/PID/status).
taskset -c 0 "$server_binary" --port "$port" --catalog Catalogs/pluralkit.errata.yaml >"$work/server.log" 2>&1 &
server_pid=$!
deadline=$((SECONDS + 30))
until curl --silent --fail --max-time 2 --output /dev/null "$base/plain"; do
    if ! kill -0 "$server_pid" 2>/dev/null; then
        sed 's/^/    /' "$work/server.log" >&2
        fail "ErrataLoadServer exited before answering (its output is above)"
    fi
    [ "$SECONDS" -lt "$deadline" ] || fail "ErrataLoadServer did not answer on $base within 30s"
    sleep 0.2
done

names=(plain catalog httperror routed floor mock)
declare -A paths=(
    [plain]="/plain"
    [catalog]="/catalog/abcde"
    [httperror]="/httperror/abcde"
    [routed]="/routed/abcde"
    [floor]="/floor/abcde"
    [mock]="/mock/pluralkit/20003?memberRef=abcde"
)

# Each route must answer what it should before its speed means anything.
# expect NAME STATUS BODY-SUBSTRING [BODY-SUBSTRING-THAT-MUST-NOT-APPEAR]
expect() {
    local name="$1" status="$2" wanted="$3" unwanted="${4:-}"
    local url="$base${paths[$name]}" got body
    got="$(curl --silent --max-time 5 --output "$work/$name.body" --write-out '%{http_code}' "$url")" ||
        fail "$name: $url did not answer"
    body="$(cat "$work/$name.body")"
    [ "$got" = "$status" ] || fail "$name: $url answered $got, expected $status; body: $body"
    [[ "$body" == *"$wanted"* ]] || fail "$name: $url answered without '$wanted'; body: $body"
    if [ -n "$unwanted" ] && [[ "$body" == *"$unwanted"* ]]; then
        fail "$name: $url answered with '$unwanted', which it must not; body: $body"
    fi
    printf '  %-9s %s %s  %s\n' "$name" "$got" "${paths[$name]}" "$body"
}
echo "Answers:"
expect plain 200 "OK"
expect catalog 404 '"message":"Member '"'"'abcde'"'"' not found."'
grep -q '"code":20003' "$work/catalog.body" || fail "catalog: the body has no \"code\":20003"
# Hummingbird's own error body, untouched by Errata: no catalog code in it.
expect httperror 404 "Member 'abcde' not found." '"code":20003'
expect routed 200 "OK"
expect floor 404 '"code":20003'
cmp -s "$work/catalog.body" "$work/floor.body" || fail "floor: the body differs from the catalog route's, whose size it stands in for"
expect mock 404 '"message":"Member '"'"'abcde'"'"' not found."'
cmp -s "$work/catalog.body" "$work/mock.body" || fail "mock: the body differs from the catalog route's, which renders the same error"

# measure NAME SECONDS: requests per second, from wrk's own summary.
measure() {
    local name="$1" seconds="$2" output rate
    output="$(taskset -c 1 wrk -t1 -c"$connections" -d"${seconds}s" "$base${paths[$name]}" 2>&1)" ||
        fail "wrk failed on $name: $output"
    if grep -q "Socket errors" <<<"$output"; then
        echo "  note: $name: $(grep "Socket errors" <<<"$output" | sed 's/^ *//')" >&2
    fi
    rate="$(awk '/^Requests\/sec:/ { print $2 }' <<<"$output")"
    [ -n "$rate" ] || fail "wrk printed no Requests/sec for $name: $output"
    echo "$rate"
}

echo
echo "Warmup: ${warmup}s per route"
if [ "$warmup" -gt 0 ]; then
    for name in "${names[@]}"; do measure "$name" "$warmup" >/dev/null; done
fi

echo
echo "wrk -t1 -c$connections, ${duration}s per route per round; server on core 0, wrk on core 1; requests/s:"
printf '%-8s' "round"
for name in "${names[@]}"; do printf '%12s' "$name"; done
echo
declare -A results=()
for round in $(seq 1 "$rounds"); do
    declare -A rate=()
    # Rotate the order, so that no route always runs first (or right after the same one).
    for offset in "${!names[@]}"; do
        name="${names[$(((round - 1 + offset) % ${#names[@]}))]}"
        rate[$name]="$(measure "$name" "$duration")"
        results[$name]+="${rate[$name]} "
    done
    printf '%-8s' "$round"
    for name in "${names[@]}"; do printf '%12.0f' "${rate[$name]}"; done
    echo
done

median() {
    tr ' ' '\n' <<<"$1" | grep -v '^$' | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
declare -A medians=()
printf '%-8s' "median"
for name in "${names[@]}"; do
    medians[$name]="$(median "${results[$name]}")"
    printf '%12.0f' "${medians[$name]}"
done
echo

echo
echo "Ratios of medians:"
# ratio NUMERATOR DENOMINATOR TARGET
ratio() {
    awk -v a="${medians[$1]}" -v b="${medians[$2]}" -v t="$3" -v label="$1/$2" 'BEGIN {
        r = a / b
        if (t == "") { printf "  %-18s %5.2f  (no target)\n", label, r; exit }
        printf "  %-18s %5.2f  (target >= %s)  %s\n", label, r, t, (r >= t) ? "met" : "MISSED"
    }'
}
ratio catalog plain 0.95
ratio catalog httperror 1.15
ratio mock plain 0.9
ratio catalog routed ""
ratio catalog floor ""
ratio routed plain ""
ratio floor plain ""
ratio floor httperror ""

# memory NAME: a line of /proc/PID/status, in kB.
memory() {
    awk -v key="$1:" '$1 == key { print $2 }' "/proc/$server_pid/status"
}
echo
echo "Error flood: ${flood}s of GET ${paths[catalog]} (wrk -t1 -c$connections)"
before="$(memory VmRSS)"
echo "  VmRSS before: $before kB"
if [ "$flood" -gt 0 ]; then
    taskset -c 1 wrk -t1 -c"$connections" -d"${flood}s" "$base${paths[catalog]}" >"$work/flood.txt" 2>&1 &
    wrk_pid=$!
    elapsed=0
    while kill -0 "$wrk_pid" 2>/dev/null; do
        sleep 1
        elapsed=$((elapsed + 1))
        if [ $((elapsed % 10)) -eq 0 ]; then echo "  VmRSS at ${elapsed}s: $(memory VmRSS) kB"; fi
    done
    wait "$wrk_pid" || fail "wrk failed in the flood: $(cat "$work/flood.txt")"
    flood_rate="$(awk '/^Requests\/sec:/ { print $2 }' "$work/flood.txt")"
    flood_requests="$(awk '/requests in/ { print $1 }' "$work/flood.txt")"
    echo "  $flood_requests requests, $flood_rate requests/s"
fi
after="$(memory VmRSS)"
peak="$(memory VmHWM)"
echo "  VmRSS after:  $after kB ($((after - before)) kB more than before)"
echo "  VmHWM (peak): $peak kB"
kill -0 "$server_pid" 2>/dev/null || fail "the server died during the flood"
expect catalog 404 '"message":"Member '"'"'abcde'"'"' not found."' >/dev/null
echo "The server still answers correctly after the flood."
