using TorchSharp;
using static TorchSharp.torch;

namespace Personalization.Trainer.Training;

/// <summary>A copy of a module's parameters by name: early stopping keeps the best epoch's weights with it.</summary>
public sealed class ParameterSnapshot : IDisposable
{
    private readonly Dictionary<string, Tensor> _values;

    private ParameterSnapshot(Dictionary<string, Tensor> values) => _values = values;

    public static ParameterSnapshot Take(nn.Module module)
    {
        using var _ = no_grad();
        return new(module.named_parameters().ToDictionary(p => p.name, p => p.parameter.detach().clone()));
    }

    public void RestoreInto(nn.Module module)
    {
        using var _ = no_grad();
        foreach (var (name, parameter) in module.named_parameters()) parameter.copy_(_values[name]);
    }

    public void Dispose()
    {
        foreach (var tensor in _values.Values) tensor.Dispose();
    }
}
