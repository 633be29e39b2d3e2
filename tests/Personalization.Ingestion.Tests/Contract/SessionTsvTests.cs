using Personalization.Contract;

namespace Personalization.Ingestion.Tests.Contract;

/// <summary>The session TSV format as the public data sets ship it, read line by line.</summary>
public sealed class SessionTsvTests
{
    private static List<SessionTsvLine> Read(params string[] lines) =>
        SessionTsv.Read(new StringReader(string.Join('\n', lines))).ToList();

    [Fact]
    public void A_header_may_name_the_three_columns_in_any_order_among_others()
    {
        var lines = Read("Time\tExtra\tItemId\tSessionId", "1396839069\tx\t214536502\t1");

        Assert.Equal([new SessionTsvLine(2, "1", "214536502", 1396839069000, null)], lines);
    }

    [Fact]
    public void Without_a_header_the_columns_are_SessionId_ItemId_Time()
    {
        var lines = Read("7\t42\t1396839069.5", "7\t43\t1396839070000");

        Assert.Equal([new SessionTsvLine(1, "7", "42", 1396839069500, null), new SessionTsvLine(2, "7", "43", 1396839070000, null)], lines);
    }

    [Fact]
    public void Bad_lines_are_reported_with_their_numbers_and_the_good_ones_still_read()
    {
        var lines = Read("SessionId\tItemId\tTime", "1\t10\t1396839069", "1\t11", "", "\t12\t1396839070", "1\t13\tyesterday", "1\t14\t1396839071");

        Assert.Equal([2L, 7L], lines.Where(l => l.IsValid).Select(l => l.LineNumber));
        var bad = lines.Where(l => !l.IsValid).ToList();
        Assert.Equal([3L, 5L, 6L], bad.Select(l => l.LineNumber));
        Assert.Contains("found 2", bad[0].Error);
        Assert.Contains("empty SessionId", bad[1].Error);
        Assert.Contains("'yesterday'", bad[2].Error);
    }

    [Fact]
    public void A_header_without_an_ItemId_or_Time_column_is_one_bad_line_and_nothing_else()
    {
        var lines = Read("SessionId\tItemId\tTimestamp", "1\t10\t1396839069");

        var only = Assert.Single(lines);
        Assert.Equal(1, only.LineNumber);
        Assert.Contains("SessionId, ItemId and Time", only.Error);
    }
}
