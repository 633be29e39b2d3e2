namespace Personalization.Ingestion.Tests.Contract;

/// <summary>A clock standing still, so "more than a day in the future" has one meaning per test.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
