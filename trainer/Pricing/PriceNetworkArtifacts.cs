using Personalization.Model.Pricing;
using Personalization.Trainer.Network;

namespace Personalization.Trainer.Pricing;

/// <summary>Moves <see cref="PriceNetwork"/> weights into and out of the price artifact, by parameter name (member m's
/// under <see cref="PriceModelHyperParameters.MemberPrefix"/>).</summary>
public static class PriceNetworkArtifacts
{
    public static PriceModelArtifact ToArtifact(this PriceNetwork network, PriceVocabulary vocabulary,
        IReadOnlyDictionary<string, double>? metrics = null, IReadOnlyDictionary<string, string>? properties = null) =>
        ToArtifact([network], vocabulary, metrics, properties);

    /// <summary>One artifact of networks of one shape and vocabulary, averaged online (<see cref="PriceModel"/>).</summary>
    public static PriceModelArtifact ToArtifact(IReadOnlyList<PriceNetwork> members, PriceVocabulary vocabulary,
        IReadOnlyDictionary<string, double>? metrics = null, IReadOnlyDictionary<string, string>? properties = null)
    {
        if (members.Count == 0) throw new ArgumentException("No network.", nameof(members));
        var shape = members[0].Shape with { Members = members.Count };
        var layout = System.Text.Json.JsonSerializer.Serialize(shape);
        if (members.Any(m => System.Text.Json.JsonSerializer.Serialize(m.Shape with { Members = shape.Members }) != layout))
            throw new ArgumentException("The members differ in shape.", nameof(members));
        if (vocabulary.Categories != shape.Categories || vocabulary.Brands != shape.Brands)
            throw new ArgumentException("The vocabulary does not match the network's category and brand tables.", nameof(vocabulary));
        var tensors = members.SelectMany((network, m) => network.ToArtifactTensors()
            .Select(t => t with { Name = PriceModelHyperParameters.MemberPrefix(m) + t.Name })).ToList();
        return new PriceModelArtifact
        {
            HyperParameters = shape,
            Vocabulary = vocabulary.ToLines(),
            Tensors = tensors,
            Metrics = metrics ?? new Dictionary<string, double>(),
            Properties = properties ?? new Dictionary<string, string>(),
        };
    }

    /// <summary>The artifact's first network (a one-network artifact's only one).</summary>
    public static PriceNetwork ToNetwork(this PriceModelArtifact artifact)
    {
        var network = new PriceNetwork(artifact.HyperParameters);
        network.LoadFrom(artifact);
        return network;
    }
}
