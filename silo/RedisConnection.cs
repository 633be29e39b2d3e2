using StackExchange.Redis;

namespace Personalization.Silo;

internal static class RedisConnection
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

    public static RedisOptions Options(IConfiguration configuration) =>
        configuration.GetSection(RedisOptions.Section).Get<RedisOptions>() ?? new RedisOptions();
}
