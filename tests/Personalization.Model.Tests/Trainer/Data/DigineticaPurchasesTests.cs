using Personalization.Trainer.Data;
using Xunit;

namespace Personalization.Model.Tests.Trainer.Data;

public sealed class DigineticaPurchasesTests
{
    [Fact]
    public void Purchases_of_known_sessions_join_in_time_order_with_categories_and_late_ones_follow_the_last_view()
    {
        var views = DigineticaReader.Read(new StringReader("""
            session_id;user_id;item_id;timeframe;eventdate
            1;NA;10;1000;2016-05-09
            1;NA;11;5000;2016-05-09
            2;NA;12;1000;2016-05-10
            """));
        var purchases = new StringReader("""
            sessionId;userId;timeframe;eventdate;ordernumber;itemId
            1;NA;3000;2016-05-09;77;10
            2;NA;99999999;2016-05-10;78;12
            9;NA;100;2016-05-10;79;13
            bad line
            """);

        var joined = DigineticaPurchases.Join(views, purchases, new StringReader("itemId;categoryId\n10;c1\n12;c2\n"), out var clamped);

        var first = joined.Sessions.Single(s => s.SessionId == "1").Events;
        Assert.Equal([("10", 0), ("10", 3), ("11", 0)], first.Select(e => (e.ItemId, e.EventType)));
        Assert.Equal(["c1", "c1", null], first.Select(e => e.Category));
        var second = joined.Sessions.Single(s => s.SessionId == "2").Events;
        Assert.Equal(3, second[^1].EventType);
        Assert.Equal(second[0].TimestampMs + 1, second[^1].TimestampMs);
        Assert.Equal(1, clamped);
        Assert.Equal(2, joined.Sessions.Count); // session 9 has no views: ignored
        Assert.Equal(views.BadLineCount + 1, joined.BadLineCount);
    }
}
