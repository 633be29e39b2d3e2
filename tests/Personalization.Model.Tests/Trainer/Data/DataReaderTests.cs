using Personalization.Trainer.Data;
using Xunit;

namespace Personalization.Model.Tests.Trainer.Data;

public class DataReaderTests
{
    [Fact]
    public void Session_tsv_groups_by_session_orders_by_time_and_reports_bad_lines_with_numbers()
    {
        var text = """
            SessionId	ItemId	Time
            s1	a	1396321232.5
            s1	b	1396321200
            s2	c	1396321300000
            broken line
            s2		1396321301000
            s2	d	yesterday
            s2	e	1396321302000
            """;

        var data = SessionTsvReader.Read(new StringReader(text));

        Assert.Equal(["s1", "s2"], data.Sessions.Select(s => s.SessionId));
        Assert.Equal(["b", "a"], data.Sessions[0].Events.Select(e => e.ItemId));
        Assert.Equal(1396321232500, data.Sessions[0].Events[1].TimestampMs);
        Assert.Equal(["c", "e"], data.Sessions[1].Events.Select(e => e.ItemId));
        Assert.Equal(3, data.BadLineCount);
        Assert.Equal([5L, 6L, 7L], data.FirstBadLines.Select(b => b.LineNumber));
        Assert.Equal(8, data.LinesRead);
    }

    [Fact]
    public void Session_tsv_without_a_header_reads_SessionId_ItemId_Time_in_that_order()
    {
        var data = SessionTsvReader.Read(new StringReader("s1\ta\t1396321200\ns1\tb\t1396321260\n"));

        Assert.Equal(["a", "b"], data.Sessions.Single().Events.Select(e => e.ItemId));
        Assert.Equal(0, data.BadLineCount);
    }

    [Fact]
    public void Session_tsv_whose_header_lacks_a_column_reports_it_instead_of_guessing()
    {
        var data = SessionTsvReader.Read(new StringReader("SessionId\tProduct\tTime\n1\t2\t3\n"));

        Assert.Empty(data.Sessions);
        Assert.Equal(1, data.FirstBadLines.Single().LineNumber);
    }

    [Fact]
    public void Diginetica_orders_by_eventdate_then_timeframe_and_skips_malformed_rows()
    {
        var text = """
            session_id;user_id;item_id;timeframe;eventdate
            1;NA;81766;526309;2016-05-09
            1;NA;31331;1031018;2016-05-09
            1;NA;99999;5;2016-05-10
            1;NA;32118;243569;2016-05-09
            2;17;123;0;2016-13-01
            2;17;456;abc;2016-05-10
            2;17;789
            3;22;7;0;2016-05-11
            3;22;8;10;2016-05-11
            """;

        var data = DigineticaReader.Read(new StringReader(text));

        Assert.Equal(["32118", "81766", "31331", "99999"], data.Sessions[0].Events.Select(e => e.ItemId));
        Assert.Null(data.Sessions[0].UserId);
        Assert.Equal("22", data.Sessions[1].UserId);
        Assert.Equal(2, data.Sessions.Count);
        Assert.Equal([6L, 7L, 8L], data.FirstBadLines.Select(b => b.LineNumber));
        var may9 = new DateTimeOffset(2016, 5, 9, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        Assert.Equal(may9 + 243569, data.Sessions[0].Events[0].TimestampMs);
    }

    [Fact]
    public void User_sequences_keep_file_order_per_user_and_count_bad_lines()
    {
        var data = UserSequenceReader.Read(new StringReader("1 10\n2 20\n1 11\noops\n1 12 13\n2\t21\n"));

        Assert.Equal(["10", "11"], data.Sessions.Single(s => s.SessionId == "1").Events.Select(e => e.ItemId));
        Assert.Equal(["20", "21"], data.Sessions.Single(s => s.SessionId == "2").Events.Select(e => e.ItemId));
        Assert.Equal([4L, 5L], data.FirstBadLines.Select(b => b.LineNumber));
    }

    [Fact]
    public void Only_the_first_bad_lines_are_kept_but_all_are_counted()
    {
        var text = string.Join('\n', Enumerable.Range(0, 50).Select(i => i % 2 == 0 ? $"u{i} i{i}" : "bad"));

        var data = UserSequenceReader.Read(new StringReader(text), keepBadLines: 3);

        Assert.Equal(25, data.BadLineCount);
        Assert.Equal([2L, 4L, 6L], data.FirstBadLines.Select(b => b.LineNumber));
        Assert.Contains(data.Describe(), line => line.Contains("22 more"));
    }
}
