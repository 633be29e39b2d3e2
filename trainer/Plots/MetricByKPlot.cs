using Personalization.Model.Evaluation;
using ScottPlot;

namespace Personalization.Trainer.Plots;

/// <summary>HR@K and MRR@K against K, one line per ranker, side by side in one PNG.</summary>
public static class MetricByKPlot
{
    public static void Write(string path, IReadOnlyList<EvaluationResult> results, string title)
    {
        var multiplot = new Multiplot();
        multiplot.AddPlots(2);
        Draw(multiplot.GetPlot(0), results, c => c.HitRate, "HR@K (recall)", title);
        Draw(multiplot.GetPlot(1), results, c => c.Mrr, "MRR@K", "");
        multiplot.Layout = new ScottPlot.MultiplotLayouts.Columns();
        PlotFiles.Save(multiplot, path, 1200, 500);
    }

    private static void Draw(Plot plot, IReadOnlyList<EvaluationResult> results, Func<CutoffMetrics, double> metric,
        string label, string title)
    {
        foreach (var result in results)
        {
            var line = plot.Add.Scatter(
                result.Cutoffs.Select(c => (double)c.K).ToArray(),
                result.Cutoffs.Select(metric).ToArray());
            line.LegendText = result.Ranker;
            line.LineWidth = 2;
        }
        plot.XLabel("K");
        PlotFiles.IntegerTicksOnX(plot);
        plot.YLabel(label);
        if (title.Length > 0) plot.Title(title);
        plot.Axes.SetLimitsY(0, Math.Max(1e-3, results.SelectMany(r => r.Cutoffs).Select(metric).DefaultIfEmpty(0).Max() * 1.1));
        plot.ShowLegend(Edge.Bottom);
    }
}
