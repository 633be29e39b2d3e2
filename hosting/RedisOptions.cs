namespace Personalization.Hosting;

/// <summary>Redis for membership and grain storage (section <c>Redis</c>), read by the silos and the API alike. The connection settings favour failing
/// fast and reconnecting quickly: during an outage callers get an error at once rather than a queued command that
/// times out, and after it commands work again within about <see cref="ReconnectInterval"/>.</summary>
public sealed class RedisOptions
{
    public const string Section = "Redis";

    /// <summary>StackExchange.Redis configuration string; empty: one silo, localhost clustering, memory storage.</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>Longest wait for a (re)connection attempt.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Longest wait for one command.</summary>
    public TimeSpan OperationTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Pause between reconnection attempts (constant, instead of the client's growing backoff, which left
    /// commands timing out for 20+ s after Redis was back).</summary>
    public TimeSpan ReconnectInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Keep-alive ping period, so a dead connection is noticed quickly.</summary>
    public TimeSpan KeepAlive { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>While disconnected, fail commands at once instead of queueing them until they time out.</summary>
    public bool FailFastWhileDisconnected { get; set; } = true;

    /// <summary>Whether Redis is used at all: the one switch between a Redis cluster and a single local silo.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(ConnectionString);
}
