using Personalization.Model.Artifacts;
using TorchSharp;
using static TorchSharp.torch;

namespace Personalization.Trainer.Network;

/// <summary>Copies a module's <c>named_parameters</c> to and from artifact tensors (float32, by name), for every
/// architecture the trainer writes.</summary>
public static class ModuleWeights
{
    public static List<ArtifactTensor> ToArtifactTensors(this nn.Module module)
    {
        var tensors = new List<ArtifactTensor>();
        using (no_grad())
        {
            foreach (var (name, parameter) in module.named_parameters())
            {
                using var cpu = parameter.detach().cpu().to_type(ScalarType.Float32).contiguous();
                tensors.Add(new ArtifactTensor(name, cpu.shape.Select(d => (int)d).ToArray(), cpu.data<float>().ToArray()));
            }
        }
        return tensors;
    }

    /// <summary>Overwrites every parameter with the artifact's tensor of the same name; throws
    /// <see cref="InvalidDataException"/> when one is missing or has another shape. Leaves the module in eval mode.</summary>
    public static void LoadFrom<T>(this nn.Module module, TrainedArtifact<T> artifact) where T : new()
    {
        using (no_grad())
        {
            foreach (var (name, parameter) in module.named_parameters())
            {
                var stored = artifact.Tensor(name);
                if (!stored.Shape.Select(d => (long)d).SequenceEqual(parameter.shape))
                    throw new InvalidDataException($"Tensor '{name}' is [{string.Join(",", stored.Shape)}], the network wants [{string.Join(",", parameter.shape)}].");
                using var values = tensor(stored.Values, parameter.shape);
                parameter.copy_(values);
            }
        }
        module.eval();
    }
}
