using Personalization.Trainer.Commands;
using ScottPlot;

namespace Personalization.Trainer.Plots;

/// <summary>Calibration of the intent predictors: observed purchase rate against mean predicted probability per
/// probability bin (the diagonal is perfect calibration), and how many prefixes each bin holds.</summary>
public static class ReliabilityPlot
{
    public static void Write(string path, IReadOnlyList<IntentResult> results, string title)
    {
        var multiplot = new Multiplot();
        multiplot.AddPlots(2);
        multiplot.Layout = new ScottPlot.MultiplotLayouts.Columns();

        var reliability = multiplot.GetPlot(0);
        var diagonal = reliability.Add.Line(0, 0, 1, 1);
        diagonal.LegendText = "perfect calibration";
        diagonal.LinePattern = LinePattern.Dashed;
        diagonal.Color = Colors.Gray;
        // One colour per predictor in both panels.
        var palette = new ScottPlot.Palettes.Category10();
        for (var i = 0; i < results.Count; i++)
        {
            var bins = results[i].Reliability.Where(b => b.Count > 0).ToList();
            var line = reliability.Add.Scatter(bins.Select(b => b.MeanPredicted).ToArray(), bins.Select(b => b.ObservedRate).ToArray());
            line.LegendText = results[i].Ranker;
            line.LineWidth = 2;
            line.Color = palette.GetColor(i);
        }
        reliability.Title(title);
        reliability.XLabel("mean predicted P(purchase)");
        reliability.YLabel("observed purchase rate");
        reliability.Axes.SetLimits(0, 1, 0, 1);
        reliability.ShowLegend(Edge.Bottom);

        var counts = multiplot.GetPlot(1);
        for (var i = 0; i < results.Count; i++)
        {
            var line = counts.Add.Scatter(results[i].Reliability.Select(b => (b.Low + b.High) / 2).ToArray(),
                results[i].Reliability.Select(b => Math.Log10(1 + b.Count)).ToArray());
            line.LegendText = results[i].Ranker;
            line.Color = palette.GetColor(i);
        }
        counts.XLabel("predicted P(purchase), bin centre");
        counts.YLabel("log10(1 + prefixes in bin)");
        counts.ShowLegend(Edge.Bottom);
        PlotFiles.Save(multiplot, path, 1200, 500);
    }
}
