using Xunit;

namespace Personalization.Testing;

/// <summary>Waits for what happens asynchronously (Kafka, grain activation, failover). The patience only bounds a
/// broken run; passing runs return as soon as the condition holds.</summary>
public static class Eventually
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(25);

    /// <summary>Waits until <paramref name="condition"/> holds; fails with <paramref name="what"/> after
    /// <paramref name="seconds"/>.</summary>
    public static Task Until(Func<bool> condition, string what, int seconds = 20) =>
        Until(() => Task.FromResult(condition()), what, TimeSpan.FromSeconds(seconds));

    public static async Task Until(Func<Task<bool>> condition, string what, TimeSpan patience) =>
        await Until(condition, done => done, what, patience);

    /// <summary>Polls <paramref name="probe"/> until its value is <paramref name="done"/>, and returns that value;
    /// fails with <paramref name="what"/> and the last value seen after <paramref name="patience"/>.</summary>
    public static async Task<T> Until<T>(Func<Task<T>> probe, Func<T, bool> done, string what, TimeSpan patience)
    {
        var deadline = DateTime.UtcNow + patience;
        while (true)
        {
            var value = await probe();
            if (done(value)) return value;
            if (DateTime.UtcNow > deadline) Assert.Fail($"Timed out waiting until {what}; last seen: {value}.");
            await Task.Delay(Poll);
        }
    }

    /// <summary>Calls until a call returns within <paramref name="attemptTimeout"/> without throwing; the last
    /// failure surfaces after <paramref name="patience"/>.</summary>
    public static async Task<T> Succeeds<T>(Func<Task<T>> call, TimeSpan attemptTimeout, TimeSpan patience)
    {
        var deadline = DateTime.UtcNow + patience;
        while (true)
        {
            try
            {
                return await call().WaitAsync(attemptTimeout);
            }
            catch (Exception) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(Poll);
            }
        }
    }
}
