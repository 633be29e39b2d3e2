namespace Personalization.Grains.Models;

/// <summary>Where the silo finds its model artifact and how often it looks for a new one (section <c>Model</c>).</summary>
public sealed class ModelOptions
{
    public const string Section = "Model";

    /// <summary>Artifact file; empty means no model (the fallback rankers answer).</summary>
    public string? Path { get; set; }

    /// <summary>How often the artifact file is checked for a new version.</summary>
    public TimeSpan ReloadInterval { get; set; } = TimeSpan.FromSeconds(5);
}
