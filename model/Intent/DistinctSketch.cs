namespace Personalization.Model.Intent;

/// <summary>A 64-bit linear-counting sketch of how many distinct strings a session has seen (items, categories): a
/// grain can keep it in 8 bytes however long the session is, where an exact count would need every id. Each string
/// sets one bit (its stable hash, mixed); the estimate is −m·ln(zero bits / m), exact in expectation for small
/// counts and capped once every bit is set.</summary>
public static class DistinctSketch
{
    private const int Bits = 64;

    /// <summary>The sketch after seeing <paramref name="value"/> (null: nothing seen).</summary>
    public static ulong Add(ulong sketch, string? value) =>
        value is null ? sketch : sketch | 1UL << (int)((StableHash.Fnv1a(value) * 0x9E3779B97F4A7C15UL) >> 58);

    /// <summary>Estimated distinct strings seen (at most m·ln m ≈ 266 once every bit is set).</summary>
    public static float Estimate(ulong sketch)
    {
        var zeros = Bits - System.Numerics.BitOperations.PopCount(sketch);
        return -Bits * MathF.Log(Math.Max(zeros, 1) / (float)Bits);
    }
}
