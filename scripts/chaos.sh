#!/usr/bin/env bash
# The fault benchmark: the whole system as run.sh starts it (2 silos on Redis, the embedded Kafka, the API), a known
# corpus produced at a steady rate, and during it, one after the other: kill -9 of a silo (the launcher restarts
# it), Redis frozen, every broker down, an oversized and a malformed record. At the end every user's applied count
# is compared with what Kafka acknowledged (pz-bench chaos prints it; --json writes the summary).
# Usage: scripts/chaos.sh [--short] [--json FILE] [--rate N] [--users N] [--fault-seconds N] [--no-build]
#   --short: the CI form (fewer users, 4 s faults); the full form runs 10 s faults at 5,000 events/s.
# Exit 0 only when nothing was lost or doubled, each bad record was dead-lettered once, every recovery took
# ≤ 5 s and the API was unavailable only during a fault.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
source scripts/lib/services.sh
ensure_packages redis-server curl

users=3000; rate=5000; fault=10; settle=8; json=""; build=1
while [ $# -gt 0 ]; do
  case "$1" in
    --short) users=500; rate=2000; fault=4; settle=5 ;;
    --json) json=$2; shift ;;
    --rate) rate=$2; shift ;;
    --users) users=$2; shift ;;
    --fault-seconds) fault=$2; shift ;;
    --no-build) build=0 ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done

work=$(mktemp -d /tmp/pz-chaos.XXXXXX)
launcher=""
finish() {
  # TERM, not INT: a script started in the background (as CI does) has SIGINT ignored, so run.sh would never see it.
  if [ -n "$launcher" ]; then kill -TERM "$launcher" 2>/dev/null || true; wait "$launcher" 2>/dev/null || true; fi
  [ "${keep:-0}" = 1 ] || rm -rf "$work"
}
trap finish EXIT
if [ "$build" = 1 ]; then
  echo "building (Release)..."
  dotnet build Personalization.sln -c Release -v q -nologo >"$work/build.log" 2>&1 || { cat "$work/build.log" >&2; exit 1; }
fi

# The launcher under test, with its own state folder; the run is kept only if the benchmark fails.
PZ_RUN_DIR="$work/run" ./run.sh --silos 2 --rate 0 --no-train --no-build >"$work/run.log" 2>&1 &
launcher=$!
up() { for port in 5080 5081 5082; do curl -fs "http://127.0.0.1:$port/health" >/dev/null 2>&1 || return 1; done; }
for _ in $(seq 1 600); do
  up && break
  kill -0 "$launcher" 2>/dev/null || { cat "$work/run.log" >&2; exit 1; }
  sleep 0.2
done
up || { echo "the API and both silos did not come up within 2 minutes" >&2; cat "$work/run.log" >&2; exit 1; }

status=0
dotnet benchmarks/bin/Release/net10.0/pz-bench.dll chaos --api http://127.0.0.1:5080 \
  --bootstrap "$(cat "$work/run/kafka.bootstrap")" --redis-pid "$(cat "$work/run/pids/redis.pid")" \
  --silo-pid-file "$work/run/pids/silo-0.pid" --kafka-pid "$(cat "$work/run/pids/kafka.pid")" \
  --users "$users" --rate "$rate" --fault-seconds "$fault" --settle-seconds "$settle" ${json:+--json "$json"} \
  --key "$(cat "$work/run/api.key")" || status=$?
grep -h "restarted\|restarting" "$work/run.log" | sed 's/^/launcher: /' || true
if [ "$status" != 0 ]; then keep=1; echo "logs kept in $work/run/logs" >&2; fi
exit $status
