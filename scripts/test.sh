#!/usr/bin/env bash
# Runs every test of the project on this machine: installs what the tests need (Debian's redis-server, kcat),
# starts Redis on a free loopback port, runs `dotnet test` over the solution, stops Redis, and prints one
# closing line "tests: N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

source scripts/lib/services.sh
ensure_packages redis-server kcat

work=$(mktemp -d /tmp/pz-test.XXXXXX)
cleanup() { stop_redis; rm -rf "$work"; }
trap cleanup EXIT
start_redis "$work"
export PZ_TEST_REDIS="127.0.0.1:$REDIS_PORT"
export OMP_NUM_THREADS=1
echo "redis-server on $PZ_TEST_REDIS"

log="$work/test.log"
status=0
dotnet test Personalization.sln -c Release --logger "console;verbosity=normal" "$@" 2>&1 | tee "$log" || status=$?

# Sums the per-assembly summaries ("Passed: N" / "Failed: N"); awk, not grep, so no match is not an error.
count() { awk -v k="$1" '$1 == k":" {s += $2} END {print s + 0}' "$log"; }
passed=$(count Passed)
failed=$(count Failed)
echo "tests: ${passed:-0} passed, ${failed:-0} failed"
exit $status
