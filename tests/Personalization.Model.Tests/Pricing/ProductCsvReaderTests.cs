using Personalization.Model.Pricing;
using Personalization.Trainer.Pricing;
using Xunit;

namespace Personalization.Model.Tests.Pricing;

public sealed class ProductCsvReaderTests
{
    private const string Header = "uniq_id;product_name;amazon_category_and_sub_category;manufacturer;price;number_available_in_stock";

    [Fact]
    public void Quoted_fields_keep_delimiters_quotes_and_line_breaks()
    {
        var text = Header + "\n" +
            "a1;\"Dapol \"\"City of Truro\"\"; Kit\";Hobbies > Trains;Dapol;10.2;\n" +
            "a2;\"Two\nlines\";;;£1,234.50;3 new\r\n";
        var data = ProductCsvReader.Read(new StringReader(text), "t.csv");
        Assert.Equal(2, data.Products.Count);
        Assert.Equal("Dapol \"City of Truro\"; Kit", data.Products[0].Description.Title);
        Assert.Equal("Hobbies > Trains", data.Products[0].Description.CategoryPath);
        Assert.Equal("Two\nlines", data.Products[1].Description.Title);
        Assert.Null(data.Products[1].Description.CategoryPath);
        Assert.Null(data.Products[1].Description.Brand);
        Assert.Equal(1234.5, data.Products[1].Price);
    }

    [Fact]
    public void Rows_without_a_positive_price_are_counted_and_broken_rows_reported_with_their_line()
    {
        var text = Header + "\n" +
            "a;Toy;;;;\n" +          // no price
            "b;Toy;;;0;\n" +         // zero
            "c;Toy;;;abc;\n" +       // not a number
            "d;Toy;;;-3;\n" +        // negative
            "e;Toy;;5.5\n" +         // too few fields
            "f;;;;5.5;\n" +          // no title
            "g;Good toy;;;7;\n";
        var data = ProductCsvReader.Read(new StringReader(text), "t.csv");
        Assert.Equal(7, data.Rows);
        Assert.Equal(4, data.Unpriced);
        Assert.Equal(2, data.BadLineCount);
        Assert.Equal(6, data.BadLines[0].LineNumber);
        Assert.Contains("fields", data.BadLines[0].Reason);
        Assert.Equal("no title", data.BadLines[1].Reason);
        Assert.Equal("g", Assert.Single(data.Products).Id);
    }

    [Fact]
    public void A_header_without_a_title_column_is_refused()
    {
        var error = Assert.Throws<InvalidDataException>(() => ProductCsvReader.Read(new StringReader("uniq_id;price\na;1\n"), "t.csv"));
        Assert.Contains("product_name", error.Message);
    }

    [Fact]
    public void The_split_follows_md5_of_the_id_as_the_data_README_defines_it()
    {
        // md5 mod 5 (and md5 / 5 mod 8) computed independently (Python hashlib).
        var products = new[] { "eac7efa5dbd3d667f26eb3d3ab504464", "b17540ef7e86e461d37f3ae58b7b72ac", "item-1", "item-2" }
            .Select(id => new PricedProduct(id, new ProductDescription("t"), 1)).ToList();
        var split = ProductSplit.ByIdHash(products);
        Assert.Equal(["b17540ef7e86e461d37f3ae58b7b72ac"], split.Test.Select(p => p.Id));
        Assert.Equal(["item-1"], split.Validation.Select(p => p.Id));
        Assert.Equal(["eac7efa5dbd3d667f26eb3d3ab504464", "item-2"], split.Train.Select(p => p.Id));
    }
}
