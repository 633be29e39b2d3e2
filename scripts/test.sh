#!/usr/bin/env bash
# Runs every test of the project on this machine: installs what the tests need (Debian's redis-server, kcat, chromium),
# starts Redis on a free loopback port, runs `dotnet test` over the solution, stops Redis, then the short form of
# the fault benchmark (scripts/chaos.sh --short: the whole system under kill -9, a frozen Redis, a broker outage
# and bad records; it counts as one test), and prints one closing line "tests: N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

source scripts/lib/services.sh
# chromium: the page tests drive Debian's headless Chromium (Playwright with its executable; no browser download).
ensure_packages redis-server kcat chromium

work=$(mktemp -d /tmp/pz-test.XXXXXX)
cleanup() { stop_redis; rm -rf "$work"; }
trap cleanup EXIT
start_redis "$work"
export PZ_TEST_REDIS="127.0.0.1:$REDIS_PORT"
export OMP_NUM_THREADS=1
echo "redis-server on $PZ_TEST_REDIS"

log="$work/test.log"
status=0
# The whole solution first: the fault benchmark below runs binaries no test project references (pz-bench).
dotnet build Personalization.sln -c Release -v q -nologo 2>&1 | tee "$work/build.log" | grep -E " error |rror\(s\)" || true
dotnet test Personalization.sln -c Release --no-build --logger "console;verbosity=normal" "$@" 2>&1 | tee "$log" || status=$?

# The fault benchmark runs the binaries built above, on ports 5080-5082 of run.sh.
chaos=0
if [ "$status" = 0 ]; then
  echo "fault benchmark (short form): scripts/chaos.sh --short"
  bash scripts/chaos.sh --short --no-build --json "$work/chaos.json" 2>&1 | grep -v '^%' | tee -a "$work/chaos.log" || chaos=$?
  [ "$chaos" = 0 ] || status=1
fi

# Sums the per-assembly summaries ("Passed: N" / "Failed: N"); awk, not grep, so no match is not an error.
count() { awk -v k="$1" '$1 == k":" {s += $2} END {print s + 0}' "$log"; }
passed=$(count Passed)
failed=$(count Failed)
if [ "$status" = 0 ] || [ "$chaos" != 0 ]; then
  [ "$chaos" = 0 ] && passed=$((passed + 1)) || failed=$((failed + 1))
fi
# CI keeps only the tail of the log: name each failed test and the first lines of its error just above the total.
if [ "${failed:-0}" != 0 ]; then
  echo "failed tests:"
  awk '/^  Failed / {print; n = 6; next} n > 0 && !/^  (Passed|Skipped) / {print; n--}' "$log" | cut -c1-300 | head -60
  [ "$chaos" = 0 ] || echo "  Failed scripts/chaos.sh --short (exit $chaos)"
fi
echo "tests: ${passed:-0} passed, ${failed:-0} failed"
exit $status
