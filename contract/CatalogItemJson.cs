using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Personalization.Contract;

/// <summary>Parses and validates catalog records (see catalog-item.schema.json) and writes items in the same
/// contract. Never throws for bad input: every rejection has a code from <see cref="CatalogRejections"/>.</summary>
public sealed class CatalogItemJson(CatalogValidationOptions? options = null)
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private readonly CatalogValidationOptions _options = options ?? new CatalogValidationOptions();

    /// <summary>The limits this parser applies.</summary>
    public CatalogValidationOptions Options => _options;

    /// <summary>A record of the catalog topic: a null value is a tombstone for the key; otherwise the value must be
    /// an item whose <c>itemId</c> equals the key.</summary>
    public CatalogRecord ParseRecord(byte[]? key, byte[]? value)
    {
        if (key is null || key.Length == 0)
            return CatalogRecord.Invalid(CatalogRejections.KeyMismatch, "the message has no key; the key must equal itemId");
        string keyText;
        try { keyText = StrictUtf8.GetString(key); }
        catch (DecoderFallbackException) { return CatalogRecord.Invalid(CatalogRejections.KeyMismatch, "the key is not UTF-8"); }
        if (value is null)
            return CheckId(keyText) is { } badKey ? badKey : CatalogRecord.Delete(keyText);
        var parsed = Parse(value, null);
        if (parsed.IsValid && parsed.ItemId != keyText)
            return CatalogRecord.Invalid(CatalogRejections.KeyMismatch, $"key '{Shorten(keyText)}' differs from itemId '{parsed.ItemId}'");
        return parsed;
    }

    /// <summary>An item document (e.g. an HTTP body). With <paramref name="expectedId"/>, a missing <c>itemId</c>
    /// is taken from it and a different one is rejected.</summary>
    public CatalogRecord Parse(ReadOnlySpan<byte> utf8Json, string? expectedId)
    {
        if (utf8Json.Length > _options.MaxItemBytes)
            return CatalogRecord.Invalid(CatalogRejections.Oversized, $"{utf8Json.Length} bytes > limit {_options.MaxItemBytes}");
        if (utf8Json.IsEmpty) return CatalogRecord.Invalid(CatalogRejections.NotJson, "empty value");
        try
        {
            // Unknown fields are ignored whatever their nesting; the size limit bounds the depth.
            var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { MaxDepth = Math.Max(64, _options.MaxItemBytes / 2 + 1) });
            using var document = JsonDocument.ParseValue(ref reader);
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? FromObject(document.RootElement, expectedId)
                : CatalogRecord.Invalid(CatalogRejections.NotAnObject, $"top-level JSON {document.RootElement.ValueKind.ToString().ToLowerInvariant()}, expected an object");
        }
        catch (JsonException e)
        {
            return CatalogRecord.Invalid(CatalogRejections.NotJson, e.Message);
        }
        catch (ArgumentException e) // invalid UTF-8 inside a string
        {
            return CatalogRecord.Invalid(CatalogRejections.NotJson, e.Message);
        }
    }

    private CatalogRecord FromObject(JsonElement root, string? expectedId)
    {
        string? itemId = expectedId, title = null, category = null, brand = null, currency = null;
        decimal? price = null;
        var inStock = true;
        Dictionary<string, string>? attributes = null;
        var sawId = false;
        foreach (var property in root.EnumerateObject())
        {
            var value = property.Value;
            switch (property.Name)
            {
                case "itemId":
                    if (Text(value, "itemId", out var id) is { } badId) return badId;
                    if (expectedId is not null && id != expectedId)
                        return CatalogRecord.Invalid(CatalogRejections.KeyMismatch, $"itemId '{Shorten(id!)}' differs from '{expectedId}'");
                    (itemId, sawId) = (id, true);
                    break;
                case "title":
                    if (Text(value, "title", out title) is { } badTitle) return badTitle;
                    break;
                case "categoryPath":
                    if (OptionalText(value, "categoryPath", out var path) is { } badPath) return badPath;
                    if (path is not null && (category = CategoryPaths.Normalize(path)) is null)
                        return CatalogRecord.Invalid(CatalogRejections.InvalidCategory, $"'categoryPath' '{Shorten(path)}' has an empty segment");
                    break;
                case "brand":
                    if (OptionalText(value, "brand", out brand) is { } badBrand) return badBrand;
                    break;
                case "price":
                    if (value.ValueKind == JsonValueKind.Null) break;
                    if (value.ValueKind != JsonValueKind.Number || !value.TryGetDecimal(out var p))
                        return WrongType("price", "a number", value);
                    if (p < 0) return CatalogRecord.Invalid(CatalogRejections.NegativePrice, $"'price' {p.ToString(CultureInfo.InvariantCulture)} < 0");
                    price = p;
                    break;
                case "currency":
                    if (OptionalText(value, "currency", out currency) is { } badCurrency) return badCurrency;
                    if (currency is not null && (currency.Length != 3 || !currency.All(char.IsAsciiLetterUpper)))
                        return CatalogRecord.Invalid(CatalogRejections.InvalidCurrency, $"'currency' '{Shorten(currency)}' is not three upper-case letters (ISO 4217)");
                    break;
                case "inStock":
                    if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False or JsonValueKind.Null))
                        return WrongType("inStock", "a boolean", value);
                    inStock = value.ValueKind != JsonValueKind.False;
                    break;
                case "attributes":
                    if (Attributes(value, out attributes) is { } badAttributes) return badAttributes;
                    break;
            }
        }
        if (!sawId && expectedId is null) return CatalogRecord.Invalid(CatalogRejections.MissingField, "missing itemId");
        if (CheckId(itemId!) is { } bad) return bad;
        if (title is null) return CatalogRecord.Invalid(CatalogRejections.MissingField, "missing title");
        return CatalogRecord.Upsert(new CatalogItem(itemId!, title, category, brand, price, currency, inStock, attributes));
    }

    private CatalogRecord? CheckId(string id)
    {
        if (string.IsNullOrWhiteSpace(id)) return CatalogRecord.Invalid(CatalogRejections.EmptyId, "'itemId' is empty");
        return id.Length > _options.MaxIdLength
            ? CatalogRecord.Invalid(CatalogRejections.IdTooLong, $"'itemId' has {id.Length} characters > limit {_options.MaxIdLength}")
            : null;
    }

    private CatalogRecord? Text(JsonElement value, string name, out string? text)
    {
        text = null;
        if (value.ValueKind != JsonValueKind.String) return WrongType(name, "a string", value);
        text = value.GetString()!;
        if (name != "itemId" && string.IsNullOrWhiteSpace(text))
            return CatalogRecord.Invalid(CatalogRejections.MissingField, $"'{name}' is empty");
        return text.Length > _options.MaxTextLength
            ? CatalogRecord.Invalid(CatalogRejections.FieldTooLong, $"'{name}' has {text.Length} characters > limit {_options.MaxTextLength}")
            : null;
    }

    private CatalogRecord? OptionalText(JsonElement value, string name, out string? text)
    {
        text = null;
        if (value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind == JsonValueKind.String && string.IsNullOrWhiteSpace(value.GetString())) return null;
        return Text(value, name, out text);
    }

    private CatalogRecord? Attributes(JsonElement value, out Dictionary<string, string>? attributes)
    {
        attributes = null;
        if (value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind != JsonValueKind.Object) return WrongType("attributes", "an object", value);
        attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var attribute in value.EnumerateObject())
        {
            if (attributes.Count == _options.MaxAttributes)
                return CatalogRecord.Invalid(CatalogRejections.TooManyAttributes, $"more than {_options.MaxAttributes} attributes");
            var text = attribute.Value.ValueKind switch
            {
                JsonValueKind.String => attribute.Value.GetString()!,
                JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => attribute.Value.GetRawText(),
                _ => null,
            };
            if (text is null) return WrongType($"attributes.{Shorten(attribute.Name)}", "a string, number or boolean", attribute.Value);
            if (attribute.Name.Length > _options.MaxTextLength || text.Length > _options.MaxTextLength)
                return CatalogRecord.Invalid(CatalogRejections.FieldTooLong, $"attribute '{Shorten(attribute.Name)}' is longer than {_options.MaxTextLength} characters");
            attributes[attribute.Name] = text;
        }
        if (attributes.Count == 0) attributes = null;
        return null;
    }

    private static CatalogRecord WrongType(string name, string expected, JsonElement value) =>
        CatalogRecord.Invalid(CatalogRejections.WrongType, $"'{name}' is {value.ValueKind.ToString().ToLowerInvariant()}, expected {expected}");

    private static string Shorten(string text) => text.Length <= 64 ? text : text[..64] + "…";

    /// <summary>Writes an item in the contract (optional fields only when set; <c>inStock</c> always).</summary>
    public static byte[] Serialize(CatalogItem item)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        Write(item, buffer);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Writes an item in the contract to <paramref name="output"/>.</summary>
    public static void Write(CatalogItem item, IBufferWriter<byte> output)
    {
        using var writer = new Utf8JsonWriter(output);
        writer.WriteStartObject();
        writer.WriteString("itemId"u8, item.ItemId);
        writer.WriteString("title"u8, item.Title);
        if (item.CategoryPath is not null) writer.WriteString("categoryPath"u8, item.CategoryPath);
        if (item.Brand is not null) writer.WriteString("brand"u8, item.Brand);
        if (item.Price is { } price) writer.WriteNumber("price"u8, price);
        if (item.Currency is not null) writer.WriteString("currency"u8, item.Currency);
        writer.WriteBoolean("inStock"u8, item.InStock);
        if (item.Attributes is { Count: > 0 } attributes)
        {
            writer.WriteStartObject("attributes"u8);
            foreach (var (name, value) in attributes) writer.WriteString(name, value);
            writer.WriteEndObject();
        }
        writer.WriteEndObject();
    }
}
