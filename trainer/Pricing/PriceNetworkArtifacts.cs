using Personalization.Model.Artifacts;
using Personalization.Model.Pricing;
using static TorchSharp.torch;

namespace Personalization.Trainer.Pricing;

/// <summary>Moves <see cref="PriceNetwork"/> weights into and out of the price artifact, by parameter name.</summary>
public static class PriceNetworkArtifacts
{
    public static PriceModelArtifact ToArtifact(this PriceNetwork network, PriceVocabulary vocabulary,
        IReadOnlyDictionary<string, double>? metrics = null, IReadOnlyDictionary<string, string>? properties = null)
    {
        if (vocabulary.Categories != network.Shape.Categories || vocabulary.Brands != network.Shape.Brands)
            throw new ArgumentException("The vocabulary does not match the network's category and brand tables.", nameof(vocabulary));
        var tensors = new List<ArtifactTensor>();
        using (no_grad())
        {
            foreach (var (name, parameter) in network.named_parameters())
            {
                using var cpu = parameter.detach().cpu().to_type(ScalarType.Float32).contiguous();
                tensors.Add(new ArtifactTensor(name, cpu.shape.Select(d => (int)d).ToArray(), cpu.data<float>().ToArray()));
            }
        }
        return new PriceModelArtifact
        {
            HyperParameters = network.Shape,
            Vocabulary = vocabulary.ToLines(),
            Tensors = tensors,
            Metrics = metrics ?? new Dictionary<string, double>(),
            Properties = properties ?? new Dictionary<string, string>(),
        };
    }

    public static PriceNetwork ToNetwork(this PriceModelArtifact artifact)
    {
        var network = new PriceNetwork(artifact.HyperParameters);
        using (no_grad())
        {
            foreach (var (name, parameter) in network.named_parameters())
            {
                var stored = artifact.Tensor(name);
                if (!stored.Shape.Select(d => (long)d).SequenceEqual(parameter.shape))
                    throw new InvalidDataException($"Tensor '{name}' is [{string.Join(",", stored.Shape)}], the network wants [{string.Join(",", parameter.shape)}].");
                using var values = tensor(stored.Values, parameter.shape);
                parameter.copy_(values);
            }
        }
        network.eval();
        return network;
    }
}
