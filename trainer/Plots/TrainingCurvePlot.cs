using Personalization.Trainer.Training;
using ScottPlot;

namespace Personalization.Trainer.Plots;

/// <summary>Training loss and validation HR@K / MRR@K per epoch, the kept epoch marked.</summary>
public static class TrainingCurvePlot
{
    public static void Write(string path, IReadOnlyList<TrainingEpoch> epochs, int bestEpoch, int cutoff, string title)
    {
        var x = epochs.Select(e => (double)e.Epoch).ToArray();
        var multiplot = new Multiplot();
        multiplot.AddPlots(2);
        multiplot.Layout = new ScottPlot.MultiplotLayouts.Columns();

        var loss = multiplot.GetPlot(0);
        loss.Add.Scatter(x, epochs.Select(e => e.Loss).ToArray()).LegendText = "training loss";
        loss.Title(title);
        loss.ShowLegend(Edge.Bottom);
        loss.XLabel("epoch");
        loss.YLabel("cross-entropy");

        var validation = multiplot.GetPlot(1);
        validation.Add.Scatter(x, epochs.Select(e => e.ValidationHitRate).ToArray()).LegendText = $"validation HR@{cutoff}";
        validation.Add.Scatter(x, epochs.Select(e => e.ValidationMrr).ToArray()).LegendText = $"validation MRR@{cutoff}";
        validation.Add.VerticalLine(bestEpoch).LegendText = $"kept epoch {bestEpoch}";
        validation.XLabel("epoch");
        validation.YLabel("metric");
        validation.ShowLegend(Edge.Bottom);
        foreach (var plot in new[] { loss, validation }) PlotFiles.IntegerTicksOnX(plot);
        PlotFiles.Save(multiplot, path, 1200, 500);
    }
}
