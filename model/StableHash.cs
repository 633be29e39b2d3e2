namespace Personalization.Model;

/// <summary>The one string hash that must give the same value in every process, platform and run (rare-item rows,
/// the intent features' distinct-count sketches): FNV-1a over the UTF-16 code units.</summary>
public static class StableHash
{
    public static uint Fnv1a(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text) hash = (hash ^ c) * 16777619u;
        return hash;
    }
}
