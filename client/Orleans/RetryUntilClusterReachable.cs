namespace Personalization.Api.Orleans;

/// <summary>Keeps trying to reach a gateway at start, so the API can be started before (or while) the silos come
/// up instead of exiting.</summary>
internal sealed partial class RetryUntilClusterReachable(ILogger<RetryUntilClusterReachable> logger)
    : IClientConnectionRetryFilter
{
    private int _attempt;

    public async Task<bool> ShouldRetryConnectionAttempt(Exception exception, CancellationToken cancellationToken)
    {
        var attempt = Interlocked.Increment(ref _attempt);
        LogRetry(logger, attempt, exception.Message);
        await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(2_000, 100 * attempt)), cancellationToken);
        return !cancellationToken.IsCancellationRequested;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cluster not reachable yet (attempt {Attempt}): {Reason}")]
    private static partial void LogRetry(ILogger logger, int attempt, string reason);
}
