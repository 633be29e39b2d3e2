#!/usr/bin/env bash
# Benchmarks against the design targets, printing numbers: model (one core), the Kafka consumer alone (no-op sink)
# and cluster (one silo on Redis, embedded Kafka). Web API load: pz-bench api (see client/README.md). Usage: scripts/bench.sh [MODEL.pzm] — without a model, a small one is trained on synthetic
# traffic first (its quality does not matter here; the catalog is tiled to 100k items for timing).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/services.sh
ensure_packages redis-server

work=$(mktemp -d /tmp/pz-bench.XXXXXX)
trap 'stop_redis; rm -rf "$work"' EXIT
export OMP_NUM_THREADS=1
dotnet build benchmarks/Personalization.Benchmarks.csproj -c Release -v q -nologo >/dev/null
model=${1:-}
if [ -z "$model" ]; then
  dotnet build trainer/Personalization.Trainer.csproj -c Release -v q -nologo >/dev/null
  pz=trainer/bin/Release/net10.0/linux-x64/pz-train.dll
  dotnet $pz synthetic --sessions 6000 --out "$work/syn.tsv" >/dev/null
  dotnet $pz train --input "$work/syn.tsv" --format tsv --epochs 1 --test-days 2 --validation-days 1 --out "$work/model.pzm" >/dev/null
  model="$work/model.pzm"
fi
start_redis "$work"
bench=benchmarks/bin/Release/net10.0/pz-bench.dll
dotnet $bench model --model "$model" --catalog 100000 --queries 3000
dotnet $bench consume --events ${PZ_BENCH_CONSUME_EVENTS:-200000} --partitions 16
dotnet $bench cluster --model "$model" --redis "127.0.0.1:$REDIS_PORT" --catalog 100000 \
  --events ${PZ_BENCH_EVENTS:-300000} --users ${PZ_BENCH_USERS:-50000} \
  --load-rate ${PZ_BENCH_LOAD_RATE:-20000} --load-seconds ${PZ_BENCH_LOAD_SECONDS:-20} 2>&1 \
  | grep -vE "^\s+at |^(info|warn|fail): |CONFWARN"
