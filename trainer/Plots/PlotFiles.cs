using ScottPlot;

namespace Personalization.Trainer.Plots;

/// <summary>Writes plots as PNG, creating the directory.</summary>
internal static class PlotFiles
{
    public static void Save(Multiplot plot, string path, int width, int height)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null) Directory.CreateDirectory(directory);
        plot.SavePng(path, width, height);
    }
}
