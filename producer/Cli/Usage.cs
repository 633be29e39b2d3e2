namespace Personalization.Producer.Cli;

internal static class Usage
{
    public const string Text = """
        pz-produce: publish clickstream events to Kafka, or run an embedded Kafka.

          pz-produce --bootstrap HOST:PORT [--topic clickstream]
                     (--jsonl FILE | --tsv FILE | --synthetic [--users N] [--items N] [--seed N]
                      | --topic catalog --synthetic-catalog [--items N] [--seed N])
                     [--rate EVENTS_PER_S] [--limit N] [--client librdkafka.key=value ...]
              --jsonl   one event per line in the clickstream contract (invalid lines are reported and skipped)
              --tsv     session data with header SessionId<TAB>ItemId<TAB>Time (epoch seconds or ms); the session
                        id is used as user id, each line is a view
              --synthetic  endless synthetic shop traffic (category-coherent sessions, carts, purchases),
                        stamped with the current time
              --synthetic-catalog  the synthetic shop's items (titles, category paths, brands, prices, stock)
                        as catalog records (key = itemId), once each, for the catalog topic
              --rate    events per second (default: as fast as the brokers acknowledge)
              --limit   stop after N events
              --client  librdkafka settings, e.g. security.protocol=SASL_SSL, enable.idempotence=false
              Ctrl-C / SIGTERM: stops within ~2 s, waiting at most 1 s for acknowledgements; reports how many
              events were not acknowledged and exits 1 if any

          pz-produce mock-cluster [--partitions 8] [--brokers 1] [--bootstrap-file PATH]
                     [--topic clickstream] [--dead-letter-topic clickstream.dlq] [--catalog-partitions 4]
              starts librdkafka's mock cluster (real Kafka protocol on loopback, in memory), creates the topics
              (also catalog and catalog.dlq; the mock keeps at most 5 MB or 100,000 records per partition),
              prints the bootstrap address (and writes it to PATH), runs until Ctrl-C or SIGTERM

          pz-produce lag --bootstrap HOST:PORT [--topic clickstream] [--group personalization-silos] [--watch]
                     [--client librdkafka.key=value ...]
              committed offset vs high watermark per partition; --watch repeats until caught up and prints the
              commit rate (offsets are committed only once the grains' state is durable)

          The consumer benchmarks are pz-bench consume and pz-bench consume-latency (benchmarks/).
        """;
}
