using StackExchange.Redis;

using Microsoft.Extensions.Configuration;

namespace Personalization.Hosting;

/// <summary>The Redis connection both hosts open, built from <see cref="RedisOptions"/>.</summary>
public static class RedisConnection
{
    /// <summary>The connection string with the settings of <see cref="RedisOptions"/>; explicit values in the
    /// connection string (connectTimeout=..., ...) are overridden, so one place decides.</summary>
    public static ConfigurationOptions From(RedisOptions options)
    {
        var config = ConfigurationOptions.Parse(options.ConnectionString);
        config.AbortOnConnectFail = false;
        config.ConnectTimeout = (int)options.ConnectTimeout.TotalMilliseconds;
        config.SyncTimeout = config.AsyncTimeout = (int)options.OperationTimeout.TotalMilliseconds;
        config.KeepAlive = (int)Math.Ceiling(options.KeepAlive.TotalSeconds);
        config.ReconnectRetryPolicy = new LinearRetry((int)options.ReconnectInterval.TotalMilliseconds);
        config.BacklogPolicy = options.FailFastWhileDisconnected ? BacklogPolicy.FailFast : BacklogPolicy.Default;
        return config;
    }

    /// <summary>The validated <c>Redis</c> section, read when the host is wired (clustering and storage are chosen
    /// from it before the container exists).</summary>
    public static RedisOptions Options(IConfiguration configuration) =>
        ValidatedOptions.Read<RedisOptions, RedisOptionsValidator>(configuration, RedisOptions.Section);
}
