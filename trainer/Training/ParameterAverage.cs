using TorchSharp;
using static TorchSharp.torch;

namespace Personalization.Trainer.Training;

/// <summary>The running mean of a module's parameters over the points it was shown (epoch ends): on a small data
/// set the mean of the weights the optimizer wanders through generalises better than any one of them.</summary>
public sealed class ParameterAverage : IDisposable
{
    private readonly Dictionary<string, Tensor> _sums = new(StringComparer.Ordinal);

    /// <summary>How many points the mean holds.</summary>
    public int Count { get; private set; }

    public void Add(nn.Module module)
    {
        using var _ = no_grad();
        Count++;
        using var weight = (1.0 / Count).ToScalar();
        foreach (var (name, parameter) in module.named_parameters())
        {
            if (!_sums.TryGetValue(name, out var mean)) _sums[name] = parameter.detach().clone();
            else mean.add_(parameter.detach().sub(mean).mul_(weight)); // mean += (x − mean) / n
        }
    }

    /// <summary>Overwrites the module's parameters with the mean.</summary>
    public void CopyInto(nn.Module module)
    {
        if (Count == 0) throw new InvalidOperationException("The average holds no point yet.");
        using var _ = no_grad();
        foreach (var (name, parameter) in module.named_parameters()) parameter.copy_(_sums[name]);
    }

    public void Dispose()
    {
        foreach (var tensor in _sums.Values) tensor.Dispose();
    }
}
