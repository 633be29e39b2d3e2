using Personalization.Model.Artifacts;
using Personalization.Model.Inference;
using static TorchSharp.torch;

namespace Personalization.Trainer.Network;

/// <summary>Moves <see cref="SessionNetwork"/> weights into and out of the artifact format, by parameter name.</summary>
public static class SessionNetworkArtifacts
{
    /// <summary>The artifact (unsaved) holding the network's <c>named_parameters</c> as float32.</summary>
    public static ModelArtifact ToArtifact(this SessionNetwork network, IReadOnlyList<string> itemIds,
        IReadOnlyDictionary<string, double>? metrics = null, IReadOnlyDictionary<string, string>? properties = null)
    {
        if (itemIds.Count != network.Options.Items)
            throw new ArgumentException($"{itemIds.Count} item ids for a network of {network.Options.Items} items.", nameof(itemIds));
        var tensors = new List<ArtifactTensor>();
        using (no_grad())
        {
            foreach (var (name, parameter) in network.named_parameters())
            {
                using var cpu = parameter.detach().cpu().to_type(ScalarType.Float32).contiguous();
                tensors.Add(new ArtifactTensor(name, cpu.shape.Select(d => (int)d).ToArray(), cpu.data<float>().ToArray()));
            }
            if (network.Transitions is { } transitions) tensors.AddRange(transitions.ToArtifactTensors());
            if (network.Neighbours is { } neighbours) tensors.AddRange(neighbours.ToArtifactTensors());
            if (network.Options.TiedEmbeddings)
            {
                var input = tensors.Single(t => t.Name == "item_embedding.weight");
                tensors.Add(new ArtifactTensor("output_embedding.weight", input.Shape, input.Values));
            }
        }
        return new ModelArtifact
        {
            HyperParameters = HyperParameters(network.Options),
            ItemIds = itemIds,
            Tensors = tensors,
            Metrics = metrics ?? new Dictionary<string, double>(),
            Properties = properties ?? new Dictionary<string, string>(),
        };
    }

    /// <summary>A network with the artifact's shape and weights (e.g. to evaluate or continue training it).</summary>
    public static SessionNetwork ToNetwork(this ModelArtifact artifact)
    {
        var transitions = artifact.HyperParameters.Transitions ? ItemTransitions.FromArtifact(artifact) : null;
        var neighbours = artifact.HyperParameters.NeighboursPerItem > 0 ? ItemNeighbours.FromArtifact(artifact) : null;
        var network = new SessionNetwork(Options(artifact.HyperParameters, artifact.ItemIds.Count), transitions, neighbours);
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

    // The artifact records the shape the network was built from, and a loaded network is built from the recorded one.
    public static SessionModelHyperParameters HyperParameters(SessionNetworkOptions options) => options.Shape;

    public static SessionNetworkOptions Options(SessionModelHyperParameters hyperParameters, int items) =>
        new() { Items = items, Shape = hyperParameters };
}
