using System.Text;
using Personalization.Contract;

namespace Personalization.Ingestion.Tests.Catalog;

public sealed class CatalogItemJsonTests
{
    private static readonly CatalogItemJson Json = new();

    private static CatalogRecord Record(string key, string? value) =>
        Json.ParseRecord(Encoding.UTF8.GetBytes(key), value is null ? null : Encoding.UTF8.GetBytes(value));

    [Fact]
    public void A_full_item_round_trips_through_the_writer_with_its_category_path_normalised()
    {
        var record = Record("i-1", """{"itemId":"i-1","title":"Loco","categoryPath":" Hobbies>Model Trains ","brand":"Hornby","price":12.5,"currency":"GBP","inStock":false,"attributes":{"gauge":"OO","scale":76,"digital":true},"unknown":[1,{"x":2}]}""");

        Assert.True(record.IsValid, record.Reason);
        var item = record.Item!;
        Assert.Equal("Hobbies > Model Trains", item.CategoryPath);
        Assert.Equal(new Dictionary<string, string> { ["gauge"] = "OO", ["scale"] = "76", ["digital"] = "true" }, item.Attributes);
        var again = Json.ParseRecord("i-1"u8.ToArray(), CatalogItemJson.Serialize(item)).Item!;
        Assert.Equal(item with { Attributes = null }, again with { Attributes = null });
        Assert.Equal(item.Attributes, again.Attributes);
    }

    [Fact]
    public void A_null_value_is_a_delete_of_the_key()
    {
        var record = Record("i-9", null);

        Assert.True(record.IsDelete);
        Assert.Equal("i-9", record.ItemId);
    }

    [Fact]
    public void Only_itemId_and_title_are_required_and_absent_stock_means_in_stock()
    {
        var item = Record("a", """{"itemId":"a","title":"A"}""").Item!;

        Assert.Equal(new CatalogItem("a", "A"), item);
        Assert.True(item.InStock);
    }

    [Theory]
    [InlineData("k", "not json", CatalogRejections.NotJson)]
    [InlineData("k", "[1,2]", CatalogRejections.NotAnObject)]
    [InlineData("k", """{"title":"no id"}""", CatalogRejections.MissingField)]
    [InlineData("k", """{"itemId":"k"}""", CatalogRejections.MissingField)]
    [InlineData("k", """{"itemId":"k","title":"t","price":-0.01}""", CatalogRejections.NegativePrice)]
    [InlineData("k", """{"itemId":"k","title":"t","price":"cheap"}""", CatalogRejections.WrongType)]
    [InlineData("k", """{"itemId":"k","title":"t","currency":"euro"}""", CatalogRejections.InvalidCurrency)]
    [InlineData("k", """{"itemId":"k","title":"t","categoryPath":"A >> B"}""", CatalogRejections.InvalidCategory)]
    [InlineData("k", """{"itemId":"k","title":"t","inStock":"yes"}""", CatalogRejections.WrongType)]
    [InlineData("k", """{"itemId":"k","title":"t","attributes":{"a":[1]}}""", CatalogRejections.WrongType)]
    [InlineData("other", """{"itemId":"k","title":"t"}""", CatalogRejections.KeyMismatch)]
    [InlineData("k", """{"itemId":" ","title":"t"}""", CatalogRejections.EmptyId)]
    public void Bad_records_are_rejected_with_a_stable_code(string key, string value, string code)
    {
        var record = Record(key, value);

        Assert.False(record.IsValid);
        Assert.Equal(code, record.RejectionCode);
        Assert.StartsWith(code + ": ", record.Reason);
    }

    [Fact]
    public void An_oversized_record_and_a_record_without_key_are_rejected()
    {
        var big = $$"""{"itemId":"k","title":"{{new string('x', 20_000)}}"}""";

        Assert.Equal(CatalogRejections.Oversized, Record("k", big).RejectionCode);
        Assert.Equal(CatalogRejections.KeyMismatch, Json.ParseRecord(null, "{}"u8.ToArray()).RejectionCode);
        Assert.Equal(CatalogRejections.IdTooLong, Record(new string('k', 129), null).RejectionCode);
    }

    [Fact]
    public void A_body_without_itemId_takes_the_expected_one_and_a_different_one_is_refused()
    {
        Assert.Equal("u", Json.Parse("""{"title":"t"}"""u8, expectedId: "u").Item!.ItemId);
        Assert.Equal(CatalogRejections.KeyMismatch, Json.Parse("""{"itemId":"v","title":"t"}"""u8, expectedId: "u").RejectionCode);
    }

    [Theory]
    [InlineData("Hobbies", "Hobbies > Model Trains", true)]
    [InlineData("hobbies > model trains", "Hobbies > Model Trains", true)]
    [InlineData("Hobbies > Model", "Hobbies > Model Trains", false)]
    [InlineData("Hobby", "Hobbies", false)]
    [InlineData("Hobbies > Model Trains > Locos", "Hobbies > Model Trains", false)]
    public void A_category_prefix_matches_whole_segments_ignoring_case(string prefix, string path, bool matches) =>
        Assert.Equal(matches, CategoryPaths.IsPrefix(CategoryPaths.Normalize(prefix)!, path));
}
