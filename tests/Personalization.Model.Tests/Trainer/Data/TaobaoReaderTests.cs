using Personalization.Contract;
using Personalization.Trainer.Data;
using Xunit;

namespace Personalization.Model.Tests.Trainer.Data;

public class TaobaoReaderTests
{
    private const long T0 = 1_511_544_070; // 2017-11-24, unix seconds as in the data set

    [Fact]
    public void Behaviours_map_to_the_contracts_event_types_and_the_category_stays_on_the_event()
    {
        var text = $"""
            7,100,55,pv,{T0}
            7,100,55,cart,{T0 + 10}
            7,101,56,fav,{T0 + 20}
            7,100,55,buy,{T0 + 30}
            """;

        var data = TaobaoReader.Read(new StringReader(text));

        var events = data.Sessions.Single().Events;
        Assert.Equal([ClickEventType.View, ClickEventType.AddToCart, ClickEventType.AddToWishlist, ClickEventType.Purchase],
            events.Select(e => (ClickEventType)e.EventType));
        Assert.Equal([0, 1, 4, 3], events.Select(e => e.EventType));
        Assert.Equal(["55", "55", "56", "55"], events.Select(e => e.Category));
        Assert.Equal((T0 + 10) * 1000, events[1].TimestampMs);
        Assert.Equal("7", data.Sessions[0].UserId);
        Assert.Equal(0, data.BadLineCount);
    }

    [Fact]
    public void A_users_events_are_cut_into_sessions_by_the_shared_rule_after_more_than_30_minutes()
    {
        var gap = (long)SessionRule.DefaultInactivityTimeout.TotalSeconds;
        // User 1: exactly 30 min stays in the session, 30 min + 1 s starts a new one; rows out of time order are
        // sorted first. User 2's events interleave with user 1's in the file but never join their sessions.
        var text = $"""
            1,a,c,pv,{T0}
            2,x,c,pv,{T0 + 5}
            1,c,c,pv,{T0 + gap + gap + 1}
            1,b,c,pv,{T0 + gap}
            2,y,c,pv,{T0 + 6}
            """;

        var data = TaobaoReader.Read(new StringReader(text));

        var sessions = data.Sessions.ToDictionary(s => s.SessionId, s => s.Events.Select(e => e.ItemId).ToArray());
        Assert.Equal(3, sessions.Count);
        Assert.Equal(["a", "b"], sessions["1#1"]);
        Assert.Equal(["c"], sessions["1#2"]);
        Assert.Equal(["x", "y"], sessions["2#1"]);
    }

    [Fact]
    public void A_cut_off_last_line_and_unknown_behaviours_are_bad_lines_with_their_numbers_and_reading_goes_on()
    {
        var text = $"""
            1,a,c,pv,{T0}
            1,b,c,click,{T0 + 1}
            1,c,c,pv,{T0 + 2}
            1,d,c,pv,yesterday
            1,e,c,pv,{T0 + 3}
            100370,1968385,187525,pv
            """;

        var data = TaobaoReader.Read(new StringReader(text));

        Assert.Equal(["a", "c", "e"], data.Sessions.Single().Events.Select(e => e.ItemId));
        Assert.Equal(6, data.LinesRead);
        Assert.Equal(3, data.BadLineCount);
        Assert.Equal([2L, 4L, 6L], data.FirstBadLines.Select(b => b.LineNumber));
        Assert.Contains("found 4", data.FirstBadLines[^1].Reason);
    }

    [Fact]
    public void The_format_is_named_taobao()
    {
        Assert.Equal(DataFormat.Taobao, DataReader.ParseFormat("taobao"));
        var data = DataReader.Read(new StringReader($"1,a,c,pv,{T0}\n1,b,c,pv,{T0 + 1}\n"), DataFormat.Taobao);
        Assert.Equal(DataFormat.Taobao, data.Format);
        Assert.Equal(2, data.EventCount);
    }
}
