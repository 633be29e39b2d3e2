namespace Personalization.Contract;

/// <summary>Why a catalog record is rejected: the stable codes the dead-letter topic's <c>reason.code</c> header,
/// the metrics and the API's problem details carry.</summary>
public static class CatalogRejections
{
    /// <summary>The value is not well-formed UTF-8 JSON (or is empty).</summary>
    public const string NotJson = "not_json";
    /// <summary>The JSON is not an object.</summary>
    public const string NotAnObject = "not_an_object";
    /// <summary>The value is larger than the configured maximum.</summary>
    public const string Oversized = "oversized";
    /// <summary>A required field (itemId, title) is absent or empty.</summary>
    public const string MissingField = "missing_field";
    /// <summary>A field has the wrong JSON type.</summary>
    public const string WrongType = "wrong_type";
    /// <summary>itemId (or the key of a tombstone) is empty or whitespace.</summary>
    public const string EmptyId = "empty_id";
    /// <summary>itemId is longer than the configured maximum.</summary>
    public const string IdTooLong = "id_too_long";
    /// <summary>A text field or attribute is longer than the configured maximum.</summary>
    public const string FieldTooLong = "field_too_long";
    /// <summary>price is below zero.</summary>
    public const string NegativePrice = "negative_price";
    /// <summary>currency is not three upper-case letters.</summary>
    public const string InvalidCurrency = "invalid_currency";
    /// <summary>categoryPath has an empty segment.</summary>
    public const string InvalidCategory = "invalid_category";
    /// <summary>More attributes than the configured maximum.</summary>
    public const string TooManyAttributes = "too_many_attributes";
    /// <summary>The Kafka key is missing or differs from <c>itemId</c> (compaction keeps the last value per key).</summary>
    public const string KeyMismatch = "key_mismatch";
}
