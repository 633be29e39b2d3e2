using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Runtime;
using Personalization.Api.Options;
using Personalization.Api.Orleans;

namespace Personalization.Cluster.Tests;

/// <summary>How the API's grain calls ride out a silo failover: transient failures are retried within the
/// deadline, anything else surfaces at once.</summary>
public sealed class ApiGrainCallRetryTests
{
    private int _attempts;

    [Fact]
    public async Task Transient_failures_are_retried_until_a_call_succeeds()
    {
        var calls = Calls(started: true);

        var result = await calls.InvokeAsync(() => ++_attempts <= 2
            ? Task.FromException<int>(new SiloUnavailableException("silo gone"))
            : Task.FromResult(42), CancellationToken.None);

        Assert.Equal(42, result);
        Assert.Equal(3, _attempts);
    }

    [Fact]
    public async Task After_the_last_attempt_the_failure_is_reported_as_cluster_unavailable()
    {
        var calls = Calls(started: true);

        var e = await Assert.ThrowsAsync<ClusterUnavailableException>(() => calls.InvokeAsync(() =>
        {
            _attempts++;
            return Task.FromException<int>(new TimeoutException("no answer"));
        }, CancellationToken.None));

        Assert.Equal(4, _attempts);
        Assert.IsType<TimeoutException>(e.InnerException);
        Assert.Contains("4 attempt(s)", e.Message);
    }

    [Fact]
    public async Task A_call_that_hangs_is_abandoned_after_the_attempt_timeout_and_retried()
    {
        var calls = Calls(started: true);
        var hung = new TaskCompletionSource<int>();

        var result = await calls.InvokeAsync(() => ++_attempts == 1 ? hung.Task : Task.FromResult(7), CancellationToken.None);

        Assert.Equal(7, result);
        Assert.Equal(2, _attempts);
    }

    [Fact]
    public async Task Application_errors_are_not_retried()
    {
        var calls = Calls(started: true);

        await Assert.ThrowsAsync<InvalidOperationException>(() => calls.InvokeAsync(() =>
        {
            _attempts++;
            return Task.FromException<int>(new InvalidOperationException("bug"));
        }, CancellationToken.None));

        Assert.Equal(1, _attempts);
    }

    [Fact]
    public async Task Before_the_client_first_connects_calls_fail_as_cluster_unavailable_without_being_made()
    {
        var calls = Calls(started: false);

        var e = await Assert.ThrowsAsync<ClusterUnavailableException>(() =>
            calls.InvokeAsync(() => Task.FromResult(++_attempts), CancellationToken.None));

        Assert.Equal(0, _attempts);
        Assert.Contains("not connected", e.Message);
    }

    private static ResilientGrainCalls Calls(bool started)
    {
        var lifetime = new ApplicationLifetime(NullLogger<ApplicationLifetime>.Instance);
        if (started) lifetime.NotifyStarted();
        var options = Microsoft.Extensions.Options.Options.Create(new GrainCallOptions
        {
            // Generous: a loaded test machine may stall a thread for seconds; the specs do not depend on it.
            Deadline = TimeSpan.FromSeconds(started ? 30 : 0.2),
            AttemptTimeout = TimeSpan.FromMilliseconds(300),
            MaxAttempts = 4,
            InitialBackoff = TimeSpan.FromMilliseconds(1),
        });
        return new ResilientGrainCalls(options, TimeProvider.System, lifetime, NullLogger<ResilientGrainCalls>.Instance);
    }
}
