using Personalization.Model.Pricing;
using Personalization.Trainer.Network;

namespace Personalization.Trainer.Pricing;

/// <summary>Moves <see cref="PriceNetwork"/> weights into and out of the price artifact, by parameter name.</summary>
public static class PriceNetworkArtifacts
{
    public static PriceModelArtifact ToArtifact(this PriceNetwork network, PriceVocabulary vocabulary,
        IReadOnlyDictionary<string, double>? metrics = null, IReadOnlyDictionary<string, string>? properties = null)
    {
        if (vocabulary.Categories != network.Shape.Categories || vocabulary.Brands != network.Shape.Brands)
            throw new ArgumentException("The vocabulary does not match the network's category and brand tables.", nameof(vocabulary));
        var tensors = network.ToArtifactTensors();
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
        network.LoadFrom(artifact);
        return network;
    }
}
