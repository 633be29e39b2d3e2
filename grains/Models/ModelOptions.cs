namespace Personalization.Grains.Models;

/// <summary>Where the silo finds its model artifacts and how often it looks for new ones (section <c>Model</c>):
/// one artifact (<see cref="Path"/>), or several served side by side (<see cref="Variants"/>, an A/B test). Read
/// through <c>IOptionsMonitor</c>: a changed configuration file (weights, paths) takes effect at the next check,
/// without a restart.</summary>
public sealed class ModelOptions
{
    public const string Section = "Model";

    /// <summary>The arm name when <see cref="Variants"/> is empty and <see cref="Path"/> serves everyone.</summary>
    public const string DefaultArm = "default";

    /// <summary>Artifact file; empty means no model (the fallback rankers answer).</summary>
    public string? Path { get; set; }

    /// <summary>How often the artifact files (and the configuration) are checked.</summary>
    public TimeSpan ReloadInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>A/B arms by name (<c>Model:Variants:&lt;arm&gt;:Path</c>, <c>:Weight</c>); when set,
    /// <see cref="Path"/> is not used. Users are assigned to arms by a stable hash of the user id, in proportion to
    /// the weights; weight 0 keeps an arm loaded without traffic (roll back, or promote, by changing weights).</summary>
    public Dictionary<string, ModelVariantOptions> Variants { get; set; } = new(StringComparer.Ordinal);
}
