using Personalization.Model.Inference;
using Personalization.Trainer.Network;
using static TorchSharp.torch;

namespace Personalization.Trainer.Training;

/// <summary>The predicted positions of a batch as rows, everything <see cref="SessionNetwork.Score"/> reads:
/// [M, E] session vectors, [M] items just seen and, with repeat scores, [M, T] session items with their bonuses,
/// with neighbourhood scores each row's window of session items (and, in training, its own session's co-occurrences
/// to leave out of the table).</summary>
internal readonly record struct ScoringRows(Tensor Vectors, Tensor Last, Tensor? RepeatItems, Tensor? RepeatBonus,
    long[][]? Windows, SessionCooccurrences?[]? LeaveOut)
{
    public long Count => Vectors.shape[0];

    /// <param name="training">The batch's sequences when it trains: their own co-occurrences are left out.</param>
    /// <param name="states">The batch's [B, T, H] hidden states when the caller has them (e.g. for the intent head).</param>
    public static ScoringRows Of(SessionNetwork network, SequenceBatch batch, IReadOnlyList<TrainingSequence>? training = null,
        Tensor? states = null)
    {
        var (vectors, repeat) = states is null
            ? network.Encode(batch.Items, batch.EventTypes)                                 // [B, T, E], [B, T, T]
            : network.EncodeStates(states, batch.Items);
        var flat = vectors.reshape(-1, vectors.shape[2]).index_select(0, batch.Positions); // [M, E]
        var last = batch.Items.reshape(-1).index_select(0, batch.Positions);               // [M]
        var windows = network.Neighbours is null ? null : network.SessionWindows(batch.Items, batch.Positions);
        SessionCooccurrences?[]? leaveOut = null;
        if (windows is not null && training is not null)
        {
            var own = training.Select(s => SessionCooccurrences.Of(s.Items, network.Options.Items)).ToArray();
            var stride = batch.Items.shape[1];
            leaveOut = [.. batch.Positions.data<long>().ToArray().Select(p => own[p / stride])];
        }
        if (repeat is null) return new(flat, last, null, null, windows, leaveOut);
        var width = batch.Items.shape[1];
        var items = SessionNetwork.RepeatItems(batch.Items).reshape(-1, width).index_select(0, batch.Positions); // [M, T]
        var bonus = repeat.reshape(-1, width).index_select(0, batch.Positions);           // [M, T]
        return new(flat, last, items, bonus, windows, leaveOut);
    }

    public ScoringRows Narrow(long start, long length) => new(Vectors.narrow(0, start, length), Last.narrow(0, start, length),
        RepeatItems?.narrow(0, start, length), RepeatBonus?.narrow(0, start, length), Windows?[(int)start..(int)(start + length)],
        LeaveOut?[(int)start..(int)(start + length)]);

    /// <summary>The network's sparse score terms of these rows (<see cref="SessionNetwork.SparseTerms"/>).</summary>
    public (Tensor Cells, Tensor Values)? SparseTerms(SessionNetwork network) =>
        network.SparseTerms(Last, RepeatItems, RepeatBonus, Windows, LeaveOut);

    /// <summary>[M, N] scores over the catalog.</summary>
    public Tensor Score(SessionNetwork network) => network.Score(Vectors, Last, RepeatItems, RepeatBonus, Windows, LeaveOut);
}
