using TorchSharp.Modules;

namespace Personalization.Trainer.Training;

/// <summary>Parameters that share a learning rate and a weight decay in <see cref="AdamOptimizer"/>.</summary>
public sealed class AdamParameterGroup(IReadOnlyList<Parameter> parameters, double learningRate, double weightDecay = 0)
{
    public IReadOnlyList<Parameter> Parameters { get; } = parameters;

    /// <summary>Changed by learning-rate decay between steps.</summary>
    public double LearningRate { get; set; } = learningRate;

    /// <summary>L2 penalty added to the gradient (Adam's original form, as torch.optim.Adam does).</summary>
    public double WeightDecay { get; } = weightDecay;
}
