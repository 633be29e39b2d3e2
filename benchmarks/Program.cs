using Personalization.Benchmarks;
using Personalization.Benchmarks.Chaos;

return args switch
{
    ["model", .. var rest] => ModelBenchmark.Run(new BenchmarkArguments(rest)),
    ["cluster", .. var rest] => await ClusterBenchmark.RunAsync(new BenchmarkArguments(rest)),
    ["consume", .. var rest] => await ConsumerBenchmark.RunAsync(new BenchmarkArguments(rest)),
    ["consume-latency", .. var rest] => await ConsumerLatencyBenchmark.RunAsync(new BenchmarkArguments(rest)),
    ["api", .. var rest] => await ApiLoadBenchmark.RunAsync(new BenchmarkArguments(rest)),
    ["catalog", .. var rest] => await CatalogBenchmark.RunAsync(new BenchmarkArguments(rest)),
    ["summary", .. var rest] => BenchmarkSummary.Run(new BenchmarkArguments(rest)),
    ["chaos", .. var rest] => await ChaosBenchmark.RunAsync(ChaosArguments.Parse(new BenchmarkArguments(rest))),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("""
        pz-bench model   --model FILE [--catalog 100000] [--large-catalog 1000000] [--queries 3000]
                         [--anchor-queries 300] [--json FILE]
            one core: GRU step cost, and attention + top-20 over each catalog as served (int8 candidates, exact
            rescoring) next to the plain float scan, recall@20 against it, table memory (the artifact's item
            tables are tiled up to each size with jittered copies, so a small trained model stands in for a large
            shop's; --large-catalog 0 skips the second size)
        pz-bench cluster --model FILE --redis HOST:PORT [--catalog 100000] [--users 100000] [--events 2×users]
                         [--partitions 32] [--load-rate half the capacity] [--load-seconds 20] [--rank-rate 200] [--json FILE]
            one silo on Redis storage + clustering, consuming an embedded mock Kafka: sustained ingest with state
            durable in Redis, silo heap per resident user, state bytes per user, event-to-visible latency and top-20
            latency at --rank-rate while ingesting at --load-rate, and the raw anchors (pipelined Redis SETs of the
            state's size, warm trivial grain calls) with the ingest rate as a ratio of them; never aborts on overload
        pz-bench summary --inputs A.json,B.json --out FILE
            the issue's summary keys, each from the first report that has it (null when none measured it)
        pz-bench consume [--events 200000] [--partitions 16] [--batch 2000] [--trace off|headers|on]
            the silo's Kafka consumer (consume, parse, group by user, commit) with a no-op sink on an in-process
            mock cluster, and parse+validate alone; --trace headers: records carry a traceparent, on: and every
            span is recorded (the cost of tracing per event)
        pz-bench consume-latency [--rate 5000] [--seconds 10] [--partitions 8]
            produce → consumer's sink call latency percentiles at a steady rate (no-op sink)
        pz-bench api --url URL --mode get|session|health|post|visible [--concurrency 32] [--seconds 10] [--items 500] [--key K]
            load on a running web API: requests/s, errors and latency percentiles; visible = POST one event for a
            new user and poll its session until applied (ingest-to-visible latency); --key (or PZ_API_KEY): an API
            key with the ingest and read scopes (run.sh prints one and writes it to .run/api.key)
        pz-bench catalog [--items 1000000] [--partitions 64] [--json FILE]
            the silo's catalog table: memory per item, parse+apply per item, the per-query rule check, and the
            start-up rebuild from the catalog topic on an in-process mock cluster until caught up
        pz-bench chaos   --api URL --bootstrap HOST:PORT --redis-pid N --silo-pid-file FILE --kafka-pid N
                         [--users 3000] [--rate 5000] [--fault-seconds 10] [--settle-seconds 8] [--json FILE] [--key K]
            the fault benchmark against a running system (scripts/chaos.sh starts one): a known corpus while a
            silo is killed, Redis freezes, the brokers go down and bad records arrive; lost, doubled, recovery
        """);
    return 2;
}
