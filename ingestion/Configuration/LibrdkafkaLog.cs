using Confluent.Kafka;
using Microsoft.Extensions.Logging;

namespace Personalization.Ingestion.Configuration;

/// <summary>Routes librdkafka's own log lines into the host's logging. They repeat what the error handlers already
/// report (e.g. every failed reconnect), so they go to Debug unless librdkafka calls them critical.</summary>
internal static class LibrdkafkaLog
{
    public static Action<IClient, LogMessage> To(ILogger logger) => (_, m) =>
    {
        var level = m.Level <= SyslogLevel.Critical ? LogLevel.Error : LogLevel.Debug;
        if (logger.IsEnabled(level)) logger.Log(level, "librdkafka {Facility}: {Message}", m.Facility, m.Message);
    };
}
