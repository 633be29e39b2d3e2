using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace Personalization.Grains.Models;

/// <summary>Which arm serves a user: a stable hash of the user id mapped onto the arms' cumulative weights (arms in
/// name order). The same user lands in the same arm on every silo and after every restart; changing weights moves
/// only the users whose point falls in a boundary that moved.</summary>
public static class ArmAssignment
{
    /// <summary>The user's point in [0, 1).</summary>
    public static double Point(string userId) =>
        (XxHash64.HashToUInt64(MemoryMarshal.AsBytes(userId.AsSpan()), seed: 0x5EED) >> 11) * (1.0 / (1UL << 53));

    public static ModelArm Assign(IReadOnlyList<ModelArm> arms, string userId)
    {
        var total = 0.0;
        foreach (var arm in arms) total += arm.Weight;
        var target = Point(userId) * total;
        var cumulative = 0.0;
        foreach (var arm in arms)
        {
            cumulative += arm.Weight;
            if (arm.Weight > 0 && target < cumulative) return arm;
        }
        return arms.Last(a => a.Weight > 0);
    }
}
