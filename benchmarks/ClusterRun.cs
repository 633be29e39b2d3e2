namespace Personalization.Benchmarks;

/// <summary>What <c>pz-bench cluster</c> was asked to measure (null load rate: half the measured ingest rate).</summary>
internal sealed record ClusterRun(string Model, string Redis, int Catalog, int Users, int Events, int Warmup, int Partitions, int? LoadRate,
    int LoadSeconds, int RankRate, string? SiloSettings, string? Json, bool Allocations = false);
