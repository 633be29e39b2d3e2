using System.Globalization;
using Personalization.Model.Evaluation;

namespace Personalization.Trainer.Commands;

/// <summary>The terminal table: one row per ranker, HR / MRR / NDCG at 10 and 20, coverage, popularity bias.</summary>
internal static class ResultTable
{
    public static void Write(TextWriter output, IReadOnlyList<EvaluationResult> results, IReadOnlyList<int> cutoffs)
    {
        var header = new List<string> { "ranker", "predictions" };
        foreach (var k in cutoffs) header.AddRange([$"HR@{k}", $"MRR@{k}", $"NDCG@{k}"]);
        header.AddRange(["cov@20", "pop-bias", "pred/s"]);
        var rows = results.Select(r =>
        {
            var row = new List<string> { r.Ranker, r.Predictions.ToString("N0", CultureInfo.InvariantCulture) };
            foreach (var k in cutoffs)
            {
                var m = r.At(k);
                row.AddRange([F(m.HitRate), F(m.Mrr), F(m.Ndcg)]);
            }
            row.AddRange([F(r.Coverage), F(r.PopularityBias), r.PredictionsPerSecond.ToString("N0", CultureInfo.InvariantCulture)]);
            return row;
        }).ToList();
        var widths = header.Select((h, i) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => r[i].Length))).ToArray();
        output.WriteLine(Line(header, widths));
        output.WriteLine(string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var row in rows) output.WriteLine(Line(row, widths));
    }

    private static string F(double value) => value.ToString("F4", CultureInfo.InvariantCulture);

    private static string Line(IReadOnlyList<string> cells, int[] widths) =>
        string.Join("  ", cells.Select((c, i) => i == 0 ? c.PadRight(widths[i]) : c.PadLeft(widths[i])));
}
