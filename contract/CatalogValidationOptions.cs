namespace Personalization.Contract;

/// <summary>Limits a catalog record must respect (section <c>Catalog:Validation</c>).</summary>
public sealed class CatalogValidationOptions
{
    /// <summary>Largest accepted record value in bytes.</summary>
    public int MaxItemBytes { get; set; } = 16 * 1024;

    /// <summary>Longest itemId, in UTF-16 characters (the clickstream's limit).</summary>
    public int MaxIdLength { get; set; } = 128;

    /// <summary>Longest title, category path, brand, attribute name or attribute value.</summary>
    public int MaxTextLength { get; set; } = 1_000;

    /// <summary>Most attributes per item.</summary>
    public int MaxAttributes { get; set; } = 64;
}
