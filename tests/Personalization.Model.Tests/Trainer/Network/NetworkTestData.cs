using Personalization.Model.Artifacts;
using Personalization.Model.Inference;
using Personalization.Trainer.Network;
using static TorchSharp.torch;

namespace Personalization.Model.Tests.Trainer.Network;

/// <summary>Small networks with weights large enough that every layer moves the scores (init-sized weights
/// would leave attention near uniform and hide mistakes), and the inputs to feed them.</summary>
internal static class NetworkTestData
{
    public static SessionNetwork Network(int items = 50, int window = 5, int seed = 7, bool itemBias = true,
        int embedding = 16, int hidden = 24, int attention = 12, bool lastItemSkip = false, bool transitions = false,
        bool tied = false, int repeatWindow = 0, int neighbours = 0, int intentHidden = 0, int intentFeatures = 0)
    {
        TorchRuntime.Configure(threads: 1);
        // libtorch's generator is process-wide: seeding and drawing from it while another test trains changes that run.
        lock (TorchRuntime.TrainingGate)
        {
            random.manual_seed(seed);
            var network = new SessionNetwork(new SessionNetworkOptions
            {
                Items = items,
                Shape = new SessionModelHyperParameters
                {
                    EmbeddingSize = embedding, HiddenSize = hidden, Window = window, AttentionSize = attention,
                    ItemBias = itemBias, LastItemSkip = lastItemSkip, Transitions = transitions, RepeatWindow = repeatWindow,
                    NeighboursPerItem = neighbours, IntentHiddenSize = intentHidden, IntentFeatures = intentFeatures,
                },
                TiedEmbeddings = tied,
            }, transitions ? RandomTransitions(items, seed) : null, neighbours > 0 ? RandomNeighbours(items, neighbours, seed) : null);
            using (no_grad())
            {
                foreach (var (_, parameter) in network.named_parameters())
                    parameter.copy_(randn_like(parameter) * 0.6);
            }
            network.eval();
            return network;
        }
    }

    // About a fifth of all pairs, as if read from random sessions.
    private static ItemTransitions RandomTransitions(int items, int seed)
    {
        var random = new Random(seed);
        var sessions = Enumerable.Range(0, items * 3).Select(_ => (IReadOnlyList<int>)[random.Next(items), random.Next(items)]);
        return ItemTransitions.FromSequences(sessions, items);
    }

    // Co-occurrences of random sessions, so that rows hold several neighbours.
    private static ItemNeighbours RandomNeighbours(int items, int perItem, int seed)
    {
        var random = new Random(seed + 1);
        var sessions = Enumerable.Range(0, items * 2).Select(_ => (IReadOnlyList<int>)[.. Enumerable.Range(0, 4).Select(_ => random.Next(items))]);
        return ItemNeighbours.FromSequences(sessions, items, perItem);
    }

    public static IReadOnlyList<string> ItemIds(int items) =>
        Enumerable.Range(0, items).Select(i => $"sku-{i}").ToList();

    /// <summary>A session of <paramref name="length"/> events with repeats and every event type.</summary>
    public static (long[] Items, long[] Types) Session(int items, int length, int seed)
    {
        var random = new Random(seed);
        var sequence = new long[length];
        var types = new long[length];
        for (var t = 0; t < length; t++)
        {
            sequence[t] = t > 0 && random.Next(4) == 0 ? sequence[t - 1] : random.Next(items);
            types[t] = random.Next(5);
        }
        return (sequence, types);
    }

    /// <summary>The TorchSharp network's scores at every position of one session: [T][Items].</summary>
    public static float[][] ReferenceScores(SessionNetwork network, long[] items, long[] types)
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        var scores = network.call(tensor(items).unsqueeze(0), tensor(types).unsqueeze(0)).squeeze(0);
        return Enumerable.Range(0, items.Length).Select(t => scores[t].data<float>().ToArray()).ToArray();
    }

    /// <summary>The TorchSharp network's hidden states for one session: [T][Hidden].</summary>
    public static float[][] ReferenceStates(SessionNetwork network, long[] items, long[] types)
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        var states = network.HiddenStates(tensor(items).unsqueeze(0), tensor(types).unsqueeze(0)).squeeze(0);
        return Enumerable.Range(0, items.Length).Select(t => states[t].data<float>().ToArray()).ToArray();
    }
}
