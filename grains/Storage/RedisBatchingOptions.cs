namespace Personalization.Grains.Storage;

/// <summary>How <see cref="BatchingRedisGrainStorage"/> coalesces writes (section <c>Redis:Batching</c>).</summary>
public sealed class RedisBatchingOptions
{
    public const string Section = "Redis:Batching";

    /// <summary>Most grain states written by one script call.</summary>
    public int MaxWritesPerFlush { get; set; } = 128;

    /// <summary>Flushes on the wire at once; while they are, new writes queue up for the next.</summary>
    public int ConcurrentFlushes { get; set; } = 1;
}
