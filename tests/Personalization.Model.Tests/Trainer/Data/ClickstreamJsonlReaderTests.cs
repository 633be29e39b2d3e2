using Personalization.Contract;
using Personalization.Model.Synthetic;
using Personalization.Trainer.Data;
using Xunit;

namespace Personalization.Model.Tests.Trainer.Data;

public class ClickstreamJsonlReaderTests
{
    [Fact]
    public void Splits_a_users_events_on_session_id_changes_and_30_minutes_of_inactivity()
    {
        var text = """
            {"eventId":"1","userId":"u","itemId":"a","type":"view","timestamp":"2026-01-01T10:00:00Z"}
            {"eventId":"2","userId":"u","itemId":"b","type":"add_to_cart","timestamp":1767261720000,"price":3.5}
            {"eventId":"3","userId":"u","itemId":"c","type":"purchase","timestamp":"2026-01-01T11:00:00Z"}
            {"eventId":"4","userId":"u","itemId":"d","type":"view","timestamp":"2026-01-01T11:01:00Z","sessionId":"x"}
            {"eventId":"5","userId":"v","itemId":"a","type":"view","timestamp":"2026-01-01T10:00:30Z"}
            """;

        var data = ClickstreamJsonlReader.Read(new StringReader(text));

        var u = data.Sessions.Where(s => s.UserId == "u").Select(s => string.Join(",", s.Events.Select(e => e.ItemId))).ToList();
        Assert.Equal(["a,b", "c", "d"], u);
        Assert.Equal(1, data.Sessions.Single(s => s.Events[0].ItemId == "b" || s.Events.Count == 2).Events[1].EventType);
        Assert.Equal(3, data.Sessions.Single(s => s.Events[0].ItemId == "c").Events[0].EventType);
        Assert.Equal("x", data.Sessions.Single(s => s.Events[0].ItemId == "d").SessionId);
        Assert.Equal(0, data.BadLineCount);
    }

    [Fact]
    public void Reports_each_kind_of_bad_record_with_its_line_and_keeps_reading()
    {
        var text = """
            not json
            {"eventId":"1","userId":"u","itemId":"a","type":"view","timestamp":"2026-01-01T10:00:00Z"}
            {"eventId":"2","userId":"u","type":"view","timestamp":"2026-01-01T10:00:00Z"}
            {"eventId":"3","userId":"u","itemId":"a","type":"teleport","timestamp":"2026-01-01T10:00:00Z"}
            {"eventId":"4","userId":"u","itemId":"a","type":"view","timestamp":"3026-01-01T10:00:00Z"}
            {"eventId":"1","userId":"u","itemId":"b","type":"view","timestamp":"2026-01-01T10:00:01Z"}
            {"eventId":"6","userId":42,"itemId":"a","type":"view","timestamp":"2026-01-01T10:00:00Z"}
            [1,2]
            {"eventId":"7","userId":"u","itemId":"c","type":"view","timestamp":"2026-01-01T10:00:02Z"}
            """;

        var data = ClickstreamJsonlReader.Read(new StringReader(text));

        Assert.Equal([1L, 3L, 4L, 5L, 6L, 7L, 8L], data.FirstBadLines.Select(b => b.LineNumber));
        Assert.Contains("itemId", data.FirstBadLines[1].Reason);
        Assert.Contains("type", data.FirstBadLines[2].Reason);
        Assert.Contains("timestamp", data.FirstBadLines[3].Reason);
        Assert.Contains("duplicate", data.FirstBadLines[4].Reason);
        Assert.Equal(["a", "c"], data.Sessions.Single().Events.Select(e => e.ItemId));
    }

    [Fact]
    public void Reads_back_synthetic_traffic_written_as_the_event_contract()
    {
        // Many users, so no user has two sessions open at once (interleaved session ids would split them).
        var generator = new SyntheticClickstream(new SyntheticClickstreamOptions { Users = 1_000_000, Seed = 7 });
        var expected = generator.Sessions(200).ToList();
        var lines = generator.Events(200).Select((e, i) => System.Text.Json.JsonSerializer.Serialize(new
        {
            eventId = $"e{i}", userId = e.UserId, itemId = e.ItemId, type = ClickEventTypeNames.All[e.EventType],
            timestamp = e.Timestamp.ToString("O"), sessionId = e.SessionId,
        }));

        var data = ClickstreamJsonlReader.Read(new StringReader(string.Join('\n', lines)));

        Assert.Equal(0, data.BadLineCount);
        Assert.Equal(expected.Count, data.Sessions.Count);
        var byId = data.Sessions.ToDictionary(s => s.SessionId);
        Assert.All(expected, s => Assert.Equal(s.Events, byId[s.SessionId].Events));
    }
}
