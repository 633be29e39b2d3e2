namespace Personalization.Grains.Models;

/// <summary>One arm of an A/B test between model versions.</summary>
public sealed class ModelVariantOptions
{
    /// <summary>Its artifact file.</summary>
    public string Path { get; set; } = "";

    /// <summary>Its share of users, relative to the other arms' weights.</summary>
    public double Weight { get; set; } = 1;
}
