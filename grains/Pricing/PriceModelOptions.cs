namespace Personalization.Grains.Pricing;

/// <summary>Where the silo finds its price model artifact and how often it looks for a new one (section <c>PriceModel</c>).</summary>
public sealed class PriceModelOptions
{
    public const string Section = "PriceModel";

    /// <summary>Artifact file (<c>pz-train price --out</c>); empty means no price model (the estimate endpoint answers 503).</summary>
    public string? Path { get; set; }

    /// <summary>How often the artifact file is checked for a new version.</summary>
    public TimeSpan ReloadInterval { get; set; } = TimeSpan.FromSeconds(5);
}
