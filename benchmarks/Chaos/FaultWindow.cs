namespace Personalization.Benchmarks.Chaos;

/// <summary>One injected fault: when it started and ended (seconds since the benchmark began) and how long the
/// cluster took after its end until every partition made progress again.</summary>
internal sealed record FaultWindow(string Name, double StartS, double EndS)
{
    public double? RecoveryS { get; set; }
}
