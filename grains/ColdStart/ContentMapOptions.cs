namespace Personalization.Grains.ColdStart;

/// <summary>Where the silo finds its content map (section <c>ContentMap</c>): the artifact that gives catalog items
/// the session model never saw their embeddings (<c>pz-train content --out</c>, docs/cold-start.md).</summary>
public sealed class ContentMapOptions
{
    public const string Section = "ContentMap";

    /// <summary>Artifact file; empty means no content map (items unknown to the model are then only back-fill).</summary>
    public string? Path { get; set; }

    /// <summary>How often the artifact file is checked for a new version.</summary>
    public TimeSpan ReloadInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often the catalog is checked for items the serving models do not know (a new item is
    /// recommendable at most this long after the silo's catalog table applied it).</summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(1);
}
