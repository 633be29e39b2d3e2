using System.Globalization;
using Personalization.Model.Pricing.Evaluation;

namespace Personalization.Trainer.Commands;

/// <summary>The terminal table of <c>pz-train price</c>: one row per estimator.</summary>
internal static class PriceResultTable
{
    public static void Write(TextWriter output, IReadOnlyList<PriceEvaluationResult> results)
    {
        string[] header = ["ranker", "items", "MAE", "MdAPE", "R2(log)", "coverage", "hi/lo", "µs/item"];
        var rows = results.Select(r => new[]
        {
            r.Ranker, r.Items.ToString("N0", CultureInfo.InvariantCulture), F(r.Mae, "F2"), F(r.Mdape, "F3"), F(r.R2, "F3"),
            r.Coverage is { } c ? $"{F(c, "F3")}/{F(r.NominalCoverage ?? double.NaN, "F2")}" : "-",
            r.MedianIntervalRatio is { } w ? F(w, "F2") : "-", F(r.MicrosecondsPerItem, "F1"),
        }).ToList();
        var widths = header.Select((h, i) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => r[i].Length))).ToArray();
        output.WriteLine(Line(header, widths));
        output.WriteLine(string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var row in rows) output.WriteLine(Line(row, widths));
    }

    private static string F(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);

    private static string Line(IReadOnlyList<string> cells, int[] widths) =>
        string.Join("  ", cells.Select((c, i) => i == 0 ? c.PadRight(widths[i]) : c.PadLeft(widths[i])));
}
