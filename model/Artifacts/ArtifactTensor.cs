namespace Personalization.Model.Artifacts;

/// <summary>One named weight: row-major float32 values with their shape.</summary>
public sealed record ArtifactTensor(string Name, int[] Shape, float[] Values)
{
    public static long ElementCount(IReadOnlyList<int> shape)
    {
        long count = 1;
        foreach (var dimension in shape) count *= dimension;
        return count;
    }
}
