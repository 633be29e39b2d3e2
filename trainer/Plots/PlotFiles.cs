using ScottPlot;

namespace Personalization.Trainer.Plots;

/// <summary>Writes plots as PNG, creating the directory; shared axis settings.</summary>
internal static class PlotFiles
{
    public static void Save(Multiplot plot, string path, int width, int height)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null) Directory.CreateDirectory(directory);
        plot.SavePng(path, width, height);
    }

    /// <summary>Epochs and cut-offs are whole numbers: no 1.5 ticks.</summary>
    public static void IntegerTicksOnX(Plot plot) =>
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
}
