using Microsoft.Extensions.Options;

namespace Personalization.Ingestion.Configuration;

/// <summary>Refuses to start with catalog settings that cannot work, naming the key to fix.</summary>
internal sealed class CatalogOptionsValidator : IValidateOptions<CatalogOptions>
{
    public ValidateOptionsResult Validate(string? name, CatalogOptions o)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(o.Topic)) errors.Add("Catalog:Topic is required.");
        if (string.IsNullOrWhiteSpace(o.DeadLetterTopic)) errors.Add("Catalog:DeadLetterTopic is required.");
        if (o.DeadLetterTopic == o.Topic) errors.Add("Catalog:DeadLetterTopic must differ from Catalog:Topic.");
        if (o.MetadataInterval < TimeSpan.FromMilliseconds(100) || o.MetadataInterval > TimeSpan.FromMinutes(10))
            errors.Add("Catalog:MetadataInterval must be 100 ms..10 min.");
        if (o.Validation.MaxItemBytes is < 64 or > 900_000) errors.Add("Catalog:Validation:MaxItemBytes must be 64..900000.");
        if (o.Validation.MaxIdLength < 1) errors.Add("Catalog:Validation:MaxIdLength must be at least 1.");
        if (o.Validation.MaxTextLength < 1) errors.Add("Catalog:Validation:MaxTextLength must be at least 1.");
        if (o.Validation.MaxAttributes < 0) errors.Add("Catalog:Validation:MaxAttributes must be at least 0.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
