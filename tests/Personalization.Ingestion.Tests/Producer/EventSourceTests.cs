using System.Text;
using Personalization.Grains.Interfaces;
using Personalization.Contract;
using Personalization.Producer.Sources;

namespace Personalization.Ingestion.Tests.Producer;

public sealed class EventSourceTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("pz-sources-").FullName;
    private readonly ClickEventJson _json = new();

    private string Write(string name, string content)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public void Session_tsv_lines_become_views_keyed_by_session_with_seconds_or_milliseconds_read_as_time()
    {
        var path = Write("sessions.tsv", "SessionId\tItemId\tTime\n1\t214536502\t1396839069.277\n1\t214536500\t1396839249868\n\n2\t99\t1396839300\n");

        var records = TsvEventSource.Read(path).ToList();

        Assert.All(records, r => Assert.Null(r.Error));
        var events = records.Select(r => _json.Parse(r.Value!, Encoding.UTF8.GetBytes(r.Key!)).Event!).ToList();
        Assert.Equal(["1", "1", "2"], events.Select(e => e.UserId));
        Assert.Equal(["1", "1", "2"], events.Select(e => e.SessionId));
        Assert.Equal(["214536502", "214536500", "99"], events.Select(e => e.ItemId));
        Assert.All(events, e => Assert.Equal(ClickEventType.View, e.Type));
        Assert.Equal([1396839069277L, 1396839249868L, 1396839300000L], events.Select(e => e.Timestamp.ToUnixTimeMilliseconds()));
        Assert.Equal(3, events.Select(e => e.EventId).Distinct().Count());
    }

    [Fact]
    public void Bad_tsv_lines_are_reported_with_their_line_number_and_the_rest_is_kept()
    {
        var path = Write("bad.tsv", "SessionId\tItemId\tTime\n1\t5\t1396839069\nonly-two\tcolumns\n2\t6\tyesterday\n3\t7\t1396839070\n");

        var records = TsvEventSource.Read(path).ToList();

        Assert.Equal(2, records.Count(r => r.Error is null));
        Assert.Equal([$"{path}:3", $"{path}:4"], records.Where(r => r.Error is not null).Select(r => r.Error![..r.Error!.IndexOf(": ", StringComparison.Ordinal)]));
    }

    [Fact]
    public void Jsonl_lines_are_sent_byte_for_byte_keyed_by_user_and_invalid_lines_are_reported()
    {
        const string valid = """{"eventId":"e1","userId":"u7","itemId":"i","type":"view","timestamp":1764201600000,"campaign":"x"}""";
        var path = Write("events.jsonl", valid + "\n{\"eventId\":\"e2\"}\n\n");

        var records = JsonlEventSource.Read(path).ToList();

        Assert.Equal(2, records.Count);
        Assert.Equal("u7", records[0].Key);
        Assert.Equal(valid, Encoding.UTF8.GetString(records[0].Value!));
        Assert.StartsWith($"{path}:2: missing_field", records[1].Error);
    }

    [Fact]
    public void Synthetic_traffic_is_valid_contract_json_with_unique_event_ids_and_current_timestamps()
    {
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        var records = SyntheticEventSource.Read(users: 50, items: 200, seed: 3).Take(500).ToList();

        var events = records.Select(r => _json.Parse(r.Value!, Encoding.UTF8.GetBytes(r.Key!))).ToList();
        Assert.All(events, e => Assert.True(e.IsValid, e.Reason));
        Assert.Equal(500, events.Select(e => e.Event!.EventId).Distinct().Count());
        Assert.All(events, e => Assert.InRange(e.Event!.Timestamp, before, DateTimeOffset.UtcNow));
        Assert.True(events.Select(e => e.Event!.UserId).Distinct().Count() > 1);
        Assert.Contains(events, e => e.Event!.Type != ClickEventType.View);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
