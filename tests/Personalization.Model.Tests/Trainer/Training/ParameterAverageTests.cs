using Personalization.Trainer.Network;
using Personalization.Trainer.Training;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace Personalization.Model.Tests.Trainer.Training;

public sealed class ParameterAverageTests
{
    [Fact]
    public void The_average_of_the_points_it_was_shown_is_their_elementwise_mean()
    {
        TorchRuntime.Configure(1);
        using var layer = nn.Linear(3, 2);
        var points = new[] { 1f, -2f, 4.5f };
        using var average = new ParameterAverage();
        foreach (var value in points)
        {
            using (no_grad())
                foreach (var parameter in layer.parameters()) parameter.fill_(value);
            average.Add(layer);
        }
        using (no_grad())
            foreach (var parameter in layer.parameters()) parameter.fill_(100);

        average.CopyInto(layer);

        Assert.Equal(3, average.Count);
        foreach (var parameter in layer.parameters())
            Assert.All(parameter.data<float>().ToArray(), v => Assert.Equal(points.Average(), v, 5));
    }

    [Fact]
    public void An_empty_average_refuses_to_overwrite_weights()
    {
        TorchRuntime.Configure(1);
        using var layer = nn.Linear(2, 1);
        using var average = new ParameterAverage();
        Assert.Throws<InvalidOperationException>(() => average.CopyInto(layer));
    }
}
