using Microsoft.Extensions.Options;
using Orleans.Runtime;
using Orleans.Runtime.Messaging;
using Personalization.Api.Options;
using Personalization.Grains.Interfaces;

namespace Personalization.Api.Orleans;

/// <summary>Runs a grain call with a per-attempt timeout and retries with exponential backoff on the failures a
/// silo failover produces, all within one overall deadline.</summary>
public sealed partial class ResilientGrainCalls(IOptions<GrainCallOptions> options, TimeProvider time,
    IHostApplicationLifetime lifetime, ILogger<ResilientGrainCalls> logger)
{
    private readonly GrainCallOptions _options = options.Value;

    public async Task<T> InvokeAsync<T>(Func<Task<T>> call, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        await WaitForClusterConnectionAsync(cancellationToken);
        var backoff = _options.InitialBackoff;
        for (var attempt = 1; ; attempt++)
        {
            var remaining = _options.Deadline - time.GetElapsedTime(started);
            var budget = remaining < _options.AttemptTimeout ? remaining : _options.AttemptTimeout;
            try
            {
                if (budget <= TimeSpan.Zero) throw new TimeoutException("No time left for another attempt.");
                return await call().WaitAsync(budget, time, cancellationToken);
            }
            catch (Exception e) when (StorageFailure(e) is { } storage)
            {
                // Not retried: storage is down for every silo alike, and the caller answers 503 at once.
                throw storage;
            }
            catch (Exception e) when (IsTransient(e) && !cancellationToken.IsCancellationRequested)
            {
                var left = _options.Deadline - time.GetElapsedTime(started);
                if (attempt >= _options.MaxAttempts || left <= backoff)
                    throw new ClusterUnavailableException(
                        $"The cluster did not answer after {attempt} attempt(s) within {_options.Deadline.TotalSeconds:0.###} s: {e.Message}", e);
                LogRetry(logger, attempt, e.GetType().Name, e.Message);
                await Task.Delay(backoff, time, cancellationToken);
                backoff *= 2;
            }
        }
    }

    /// <summary>The host reports started only once every hosted service has, the Orleans client included, i.e.
    /// after its first connection to a gateway; until then grain references cannot even be resolved.</summary>
    private async Task WaitForClusterConnectionAsync(CancellationToken cancellationToken)
    {
        if (lifetime.ApplicationStarted.IsCancellationRequested) return;
        using var startedOrAborted = CancellationTokenSource.CreateLinkedTokenSource(
            lifetime.ApplicationStarted, cancellationToken);
        try
        {
            await Task.Delay(_options.Deadline, time, startedOrAborted.Token);
        }
        catch (OperationCanceledException) when (lifetime.ApplicationStarted.IsCancellationRequested)
        {
            return;
        }
        throw new ClusterUnavailableException("The API has not connected to the cluster yet.", null);
    }

    /// <summary>Failures that a retry may cure: the target silo is gone or overloaded, or the call timed out.</summary>
    public static bool IsTransient(Exception e) => e is OrleansMessageRejectionException
        or SiloUnavailableException or TimeoutException or ConnectionFailedException
        or GatewayTooBusyException or OrleansException { InnerException: SiloUnavailableException };

    /// <summary>The grains' storage failure, also when Orleans wrapped it (an OrleansException around it).</summary>
    public static SessionStorageUnavailableException? StorageFailure(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
            if (e is SessionStorageUnavailableException storage) return storage;
        return null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Grain call attempt {Attempt} failed ({Kind}: {Reason}); retrying")]
    private static partial void LogRetry(ILogger logger, int attempt, string kind, string reason);
}
