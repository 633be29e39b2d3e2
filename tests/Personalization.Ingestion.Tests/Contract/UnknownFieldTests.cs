using System.Text;
using Personalization.Contract;

namespace Personalization.Ingestion.Tests.Contract;

/// <summary>Unknown fields are ignored whatever their shape: nesting is never the reason a record is rejected.</summary>
public sealed class UnknownFieldTests
{
    private readonly ClickEventJson _json = new(time: new FixedClock(ClickEventJsonTests.Now));

    [Theory]
    [InlineData(20)]
    [InlineData(200)]
    [InlineData(4000)]
    public void A_valid_event_whose_ignored_field_nests_deeply_is_accepted(int depth)
    {
        var nested = new string('[', depth) + new string(']', depth);
        var json = $$"""{"eventId":"e","userId":"u","itemId":"i","type":"view","timestamp":1795780800000,"extra":{{nested}}}""";

        var result = _json.Parse(Encoding.UTF8.GetBytes(json));

        Assert.True(result.IsValid, result.Reason);
    }

    [Fact]
    public void A_deeply_nested_record_that_is_too_large_is_rejected_for_its_size_not_its_depth()
    {
        var depth = 10_000;
        var json = $$"""{"eventId":"e","extra":{{new string('[', depth) + new string(']', depth)}}}""";

        var result = _json.Parse(Encoding.UTF8.GetBytes(json));

        Assert.Equal(ClickEventRejection.Oversized, result.Rejection);
    }
}
