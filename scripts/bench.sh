#!/usr/bin/env bash
# Benchmarks against the design targets (issue 9), printing numbers and a JSON summary:
#   model   one core: GRU step, top-20 over 100k and 1M items (pz-bench model);
#   consume the Kafka consumer alone with a no-op sink (pz-bench consume);
#   cluster one silo on Redis, embedded Kafka, the load generator on the same machine (pz-bench cluster): sustained
#           ingest with every state durable before its offset is committed, silo heap per resident user, state
#           bytes per user, event → visible and top-20 at 200 req/s while ingesting at 50 % of the measured
#           capacity, and the raw anchors (pipelined Redis SETs of the state's size, warm trivial grain calls) with
#           the ingest rate as a ratio of them; at 10k, 100k and 1M users (32 partitions) and 8 vs 32 partitions.
# Usage: scripts/bench.sh [--quick] [--json FILE] [--model MODEL.pzm]
#   --quick: 10k and 100k users at 32 partitions and 100k at 8, shorter load phases (a few minutes);
#   the full run adds 1M users (allow 15+ minutes on 2 cores).
#   Without --model a small model is trained on synthetic traffic first (its quality does not matter here; the
#   catalog is tiled to 100k items for timing). The JSON summary comes from the 100k-user, 32-partition run.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/services.sh
ensure_packages redis-server

quick=0; json=""; model=""
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) quick=1 ;;
    --json) json=$2; shift ;;
    --model) model=$2; shift ;;
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
    *.pzm) model=$1 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done

work=$(mktemp -d /tmp/pz-bench.XXXXXX)
trap 'stop_redis; rm -rf "$work"' EXIT
export OMP_NUM_THREADS=1
# The cluster benchmark hosts the silo in this process: the silo's GC setting from run.sh (docs/performance.md).
export DOTNET_GCgen0size=${DOTNET_GCgen0size:-0x10000000}
echo "conditions: $(nproc --all) cores; uptime: $(uptime)"
dotnet build benchmarks/Personalization.Benchmarks.csproj -c Release -v q -nologo >/dev/null
if [ -z "$model" ]; then
  dotnet build trainer/Personalization.Trainer.csproj -c Release -v q -nologo >/dev/null
  pz=trainer/bin/Release/net10.0/linux-x64/pz-train.dll
  dotnet $pz synthetic --sessions 6000 --out "$work/syn.tsv" >/dev/null
  dotnet $pz train --input "$work/syn.tsv" --format tsv --epochs 1 --test-days 2 --validation-days 1 --out "$work/model.pzm" >/dev/null
  model="$work/model.pzm"
fi
start_redis "$work"
bench=benchmarks/bin/Release/net10.0/pz-bench.dll
quiet() { grep -vE "^\s+at |^(info|warn|fail): |CONFWARN"; }

echo "== model (one core)"
# The model benchmark's JSON (rank_1m_*) exists once the ranking work is merged; without it those keys stay null.
if dotnet $bench model --model "$model" --catalog 100000 --queries 3000 --json "$work/model.json" 2>"$work/model.err"; then :
else
  echo "(pz-bench model has no --json here: rank_1m_* not measured)"
  dotnet $bench model --model "$model" --catalog 100000 --queries 3000
fi
echo "== consumer alone (no-op sink)"
dotnet $bench consume --events ${PZ_BENCH_CONSUME_EVENTS:-200000} --partitions 16

cluster() { # USERS PARTITIONS LOAD_SECONDS JSON
  echo "== cluster: $1 users, $2 partitions ($(uptime | sed 's/.*load/load/'))"
  dotnet $bench cluster --model "$model" --redis "127.0.0.1:$REDIS_PORT" --catalog 100000 --users "$1" --partitions "$2" \
    --load-seconds "$3" --json "$4" 2>&1 | quiet
}
if [ "$quick" = 1 ]; then seconds=10; else seconds=20; fi
cluster 100000 32 $seconds "$work/c100k-32.json"
cluster 10000 32 $seconds "$work/c10k-32.json"
cluster 100000 8 $seconds "$work/c100k-8.json"
[ "$quick" = 1 ] || cluster 1000000 32 $seconds "$work/c1m-32.json"

echo "== scaling"
for f in "$work"/c*.json; do
  printf '%-10s ' "$(basename "$f" .json)"
  tr -d '\n ' <"$f" | grep -oE '"(ingest_events_per_s|visible_p50_ms|visible_p99_ms|rank_p99_ms_under_load|silo_bytes_per_user|state_bytes_mean)":[^,}]*' | tr '\n' ' '
  echo
done
echo "== summary (100k users, 32 partitions; rank_1m_* from the model benchmark)"
dotnet $bench summary --inputs "$work/c100k-32.json,$work/model.json" --out "${json:-$work/summary.json}"
echo "conditions at the end: $(uptime)"
