#!/usr/bin/env bash
# One command, whole system, one machine, embedded defaults:
#   embedded Kafka (librdkafka mock cluster, real protocol on loopback) → silo(s) consuming `clickstream` and
#   reading the synthetic catalog from `catalog`
#   → web API on http://127.0.0.1:5080 (+ /dashboard, /openapi/v1.json) → synthetic shop traffic.
# A starter model is trained on synthetic traffic in the background and hot-loaded when ready; until then the
# silos answer with the fallback ranker (model version `fallback:...`). A starter price model (text CNN on the
# synthetic catalog) is trained beside it, so POST /api/items/price-estimate answers once it is loaded.
#
# Options:  --redis        run Debian's redis-server (installed on demand) for clustering and grain storage
#           --silos N      start N silos (implies --redis; default 1)
#           --rate N       synthetic events per second (default 200; 0 = no generator)
#           --no-train     do not train the starter model
#           --no-build     use the binaries already built (dotnet build -c Release)
# PZ_RUN_DIR sets the state folder (default .run): logs, pids/NAME.pid of every process, kafka.bootstrap, redis.port,
# api.key (the development admin key; PZ_API_KEY sets it) and frontend.key (PZ_FRONTEND_KEY).
# Environment overrides reach every process (e.g. Kafka__BootstrapServers to use a real cluster: the embedded
# one is then not started).
set -euo pipefail
cd "$(dirname "$0")"
root=$(pwd)
source scripts/lib/services.sh
source scripts/lib/supervise.sh

silos=1; redis=0; rate=200; train=1; build=1
while [ $# -gt 0 ]; do
  case "$1" in
    --redis) redis=1 ;;
    --silos) silos=$2; shift; [ "$silos" -gt 1 ] && redis=1 ;;
    --rate) rate=$2; shift ;;
    --no-train) train=0 ;;
    --no-build) build=0 ;;
    -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done

run=${PZ_RUN_DIR:-$root/.run}
mkdir -p "$run/logs" "$run/pids"
# Stops in dependency order: what produces and serves first, then the silos (they leave the Kafka group and the
# Redis membership table on the way out, which needs both), then Kafka and Redis.
cleanup() {
  trap - EXIT INT TERM
  echo; echo "stopping..."
  [ -n "${trainer_pid:-}" ] && pkill -P "$trainer_pid" 2>/dev/null || true
  [ -n "${price_trainer_pid:-}" ] && pkill -P "$price_trainer_pid" 2>/dev/null || true
  stop_pids ${trainer_pid:-} ${price_trainer_pid:-} ${producer_pid:-} ${api_pid:-}
  stop_pids $(supervise_pids)
  stop_pids ${kafka_pid:-}
  stop_redis
}
stop_pids() {
  for p in "$@"; do kill "$p" 2>/dev/null || true; done
  for p in "$@"; do wait "$p" 2>/dev/null || true; done
}
trap cleanup EXIT
trap "cleanup; exit 130" INT
trap "cleanup; exit 143" TERM

[ "$build" = 1 ] && echo "building (Release)..."
if [ "$build" = 1 ] && ! dotnet build Personalization.sln -c Release -v q -nologo >"$run/logs/build.log" 2>&1; then
  grep -E "error" "$run/logs/build.log" | sort -u >&2 || true
  echo "build failed; see $run/logs/build.log" >&2
  exit 1
fi
bin() { echo "$root/$1/bin/Release/net10.0/$2"; }
ensure_packages curl
export OMP_NUM_THREADS=1 DOTNET_ENVIRONMENT=${DOTNET_ENVIRONMENT:-Development}

if [ -z "${Kafka__BootstrapServers:-}" ]; then
  rm -f "$run/kafka.bootstrap"
  dotnet "$(bin producer pz-produce.dll)" mock-cluster --partitions 8 --bootstrap-file "$run/kafka.bootstrap" \
    >"$run/logs/kafka.log" 2>&1 &
  kafka_pid=$!
  echo $kafka_pid >"$run/pids/kafka.pid"
  supervise_core "embedded Kafka" $kafka_pid
  for _ in $(seq 1 100); do [ -s "$run/kafka.bootstrap" ] && break; sleep 0.1; done
  [ -s "$run/kafka.bootstrap" ] || { echo "embedded Kafka did not start; see $run/logs/kafka.log" >&2; exit 1; }
  export Kafka__BootstrapServers=$(cat "$run/kafka.bootstrap")
  # The mock broker accepts a session timeout below a stock broker's 6 s minimum: a killed silo's partitions move sooner.
  export Kafka__SessionTimeout=${Kafka__SessionTimeout:-00:00:02} Kafka__HeartbeatInterval=${Kafka__HeartbeatInterval:-00:00:00.500}
fi

if [ "$redis" = 1 ] && [ -z "${Redis__ConnectionString:-}" ]; then
  ensure_packages redis-server
  start_redis "$run"
  echo "$REDIS_PORT" >"$run/redis.port"
  echo "$REDIS_PID" >"$run/pids/redis.pid"
  supervise_core "redis-server" "$REDIS_PID"
  export Redis__ConnectionString="127.0.0.1:$REDIS_PORT"
fi

# API keys (Security section): a development admin key and a browser-safe frontend key, kept in the state folder
# so a restarted run keeps them; PZ_API_KEY / PZ_FRONTEND_KEY choose them instead.
new_key() { head -c 24 /dev/urandom | base64 | tr '+/' '-_' | tr -d '='; }
[ -n "${PZ_API_KEY:-}" ] && echo "$PZ_API_KEY" >"$run/api.key"
[ -n "${PZ_FRONTEND_KEY:-}" ] && echo "$PZ_FRONTEND_KEY" >"$run/frontend.key"
[ -s "$run/api.key" ] || new_key >"$run/api.key"
[ -s "$run/frontend.key" ] || new_key >"$run/frontend.key"
api_key=$(cat "$run/api.key"); frontend_key=$(cat "$run/frontend.key")
export Security__ApiKeys__dev__Key=$api_key Security__ApiKeys__dev__Scopes=admin
export Security__ApiKeys__storefront__Key=$frontend_key Security__ApiKeys__storefront__Scopes=frontend

# The synthetic shop's catalog (titles, category paths, brands, prices, stock) on the compacted catalog topic, so
# the silos' catalog tables and the recommendation rules (?category=…&inStock=true) have something to work on.
if [ "$rate" != 0 ] && ! dotnet "$(bin producer pz-produce.dll)" --bootstrap "$Kafka__BootstrapServers" --topic catalog \
    --synthetic-catalog >"$run/logs/catalog.log" 2>&1; then
  echo "publishing the synthetic catalog failed; see $run/logs/catalog.log" >&2
  exit 1
fi

export Model__Path=${Model__Path:-$run/model.pzm}
export PriceModel__Path=${PriceModel__Path:-$run/price.pzm}
# A demo shop has little traffic: check a larger share of events so the live HR@20 on /ops fills within minutes.
export Quality__SampleRate=${Quality__SampleRate:-0.05}
for ((i=0; i<silos; i++)); do
  : >"$run/logs/silo-$i.log"
  # Silos are restarted when they exit (see scripts/lib/supervise.sh); the rest of the system keeps running.
  # A 256 MB young-generation budget (DOTNET_GCgen0size; the silo's build turns DATAS off so that it holds): the
  # session states are long-lived and touched by every event, so each young collection costs 30-60 ms however small
  # it is; fewer of them cut the time paused under load from 6-7 % to about 2 % (docs/performance.md).
  supervise_start "silo-$i" env Orleans__SiloPort=$((11111 + i)) Orleans__GatewayPort=$((30000 + i)) \
    DOTNET_GCgen0size=${DOTNET_GCgen0size:-0x10000000} \
    Urls="http://127.0.0.1:$((5081 + i))" dotnet "$(bin silo Personalization.Silo.dll)"
done
wait_http() {
  for _ in $(seq 1 300); do curl -fs "$1" >/dev/null 2>&1 && return 0; sleep 0.2; done
  echo "$1 did not come up; see $run/logs" >&2; return 1
}
wait_http http://127.0.0.1:5081/health

Urls=http://127.0.0.1:5080 dotnet "$(bin client Personalization.Api.dll)" >"$run/logs/api.log" 2>&1 &
api_pid=$!
echo $api_pid >"$run/pids/api.pid"
supervise_core "web API" $api_pid
wait_http http://127.0.0.1:5080/health

if [ "$rate" != 0 ]; then
  dotnet "$(bin producer pz-produce.dll)" --bootstrap "$Kafka__BootstrapServers" --synthetic --rate "$rate" \
    >"$run/logs/producer.log" 2>&1 &
  producer_pid=$!
  supervise_core "synthetic traffic" $producer_pid
fi

if [ "$train" = 1 ] && [ ! -s "$Model__Path" ]; then
  ( trainer="$root/trainer/bin/Release/net10.0/linux-x64/pz-train.dll"
    dotnet "$trainer" synthetic --sessions 6000 --format jsonl --out "$run/synthetic.jsonl" &&
    dotnet "$trainer" train --input "$run/synthetic.jsonl" --format jsonl --epochs 8 --batch-size 32 --test-days 2 --validation-days 1 --baselines pop,sr --intent-weight 1 --price-head --out "$run/model.tmp.pzm" &&
    mv "$run/model.tmp.pzm" "$Model__Path" ) >"$run/logs/train.log" 2>&1 &
  trainer_pid=$!
  training="training a starter model in the background (log: .run/logs/train.log); hot-loaded when done"
fi
if [ "$train" = 1 ] && [ ! -s "$PriceModel__Path" ]; then
  # A small hashed-token table, one network, no refit: the synthetic catalog has a few dozen words; it trains in
  # about a minute of CPU (the trainer's defaults, several networks each trained twice, are for real catalogs).
  ( trainer="$root/trainer/bin/Release/net10.0/linux-x64/pz-train.dll"
    dotnet "$trainer" synthetic --sessions 1 --out "$run/catalog-sessions.tsv" --products "$run/products.csv" &&
    nice -n 10 dotnet "$trainer" price --input "$run/products.csv" --out "$run/price.tmp.pzm" --epochs 12 --buckets 16384 --wide-buckets 16384 --members 1 --refit never --baselines category-median &&
    mv "$run/price.tmp.pzm" "$PriceModel__Path" ) >"$run/logs/train-price.log" 2>&1 &
  price_trainer_pid=$!
  training="${training:+$training
  }training a starter price model in the background (log: .run/logs/train-price.log)"
fi

cat <<INFO

Personalization cluster is running.
  API key          $api_key   (development key, admin scope: header X-Api-Key, or ?key= on pages; also in $run/api.key)
  Frontend key     $frontend_key   (browser-safe frontend scope, for storefront pages)
  Web API          http://127.0.0.1:5080   (try: curl -H "X-Api-Key: $api_key" http://127.0.0.1:5080/api/users/user-1/recommendations)
                   (rules: ...recommendations?category=Toys&inStock=true&maxPrice=50; items: /api/items/item-7)
  OpenAPI          http://127.0.0.1:5080/openapi/v1.json
  Ops page         http://127.0.0.1:5080/ops?key=$api_key
  Demo shop        http://127.0.0.1:5080/demo?key=$frontend_key
  Dashboard        http://127.0.0.1:5080/dashboard/?key=$api_key   (silo: http://127.0.0.1:5081/dashboard/?key=$api_key)
  Kafka bootstrap  $Kafka__BootstrapServers   (topics clickstream, catalog, intent; DLQs clickstream.dlq, catalog.dlq; e.g. kcat -b $Kafka__BootstrapServers -L)
  Redis            ${Redis__ConnectionString:-none (in-memory storage, localhost clustering)}
  Price estimate   curl -s -XPOST http://127.0.0.1:5080/api/items/price-estimate -H "X-Api-Key: $api_key" -H 'content-type: application/json' -d '{"title":"Hobbies Elite Deluxe Model Trains Set 4-Pack","categoryPath":"Hobbies > Model Trains","brand":"Hobbies Elite"}'
  Silos            $silos (pids: $(for ((i=0; i<silos; i++)); do printf '%s ' "${sv_pid[silo-$i]}"; done); restarted when they exit);  synthetic traffic: $rate events/s;  model: $Model__Path
  ${training:-}
  Logs             .run/logs/
A silo that exits is restarted (backoff 1 s doubling to 30 s); if Kafka, Redis or the API exits, everything stops.
Press Ctrl-C to stop.
INFO
supervise_loop || exit 1
