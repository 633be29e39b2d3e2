using System.Threading.Channels;
using Personalization.Grains.Interfaces;

namespace Personalization.Api.Streaming;

/// <summary>One stream's observer of its user's grain. It keeps only the latest change: while the stream is busy
/// ranking or writing, further changes collapse into one, so a slow client gets the newest recommendations next,
/// never a backlog.</summary>
internal sealed class SessionChangeSignal : ISessionObserver
{
    private readonly Channel<long> _changes = Channel.CreateBounded<long>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    public Task SessionChanged(string userId, long totalEventsApplied)
    {
        _changes.Writer.TryWrite(totalEventsApplied);
        return Task.CompletedTask;
    }

    /// <summary>Waits until a change arrives (true) or <paramref name="timeout"/> passes (false).</summary>
    public async Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(timeout);
        try
        {
            await _changes.Reader.WaitToReadAsync(wait.Token);
            while (_changes.Reader.TryRead(out _)) { }
            return true;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
