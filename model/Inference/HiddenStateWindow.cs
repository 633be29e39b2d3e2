using System.Buffers;
using System.Runtime.InteropServices;

namespace Personalization.Model.Inference;

/// <summary>What ranking reads of a session: its last hidden states (at most the model's window, oldest first, the
/// last one current) and the item whose event produced the current state. The evaluation harness (through the
/// model's cursor) and the user grains both advance and rank through this one type, so the path that is measured is
/// the path that is served. The states are float32 bytes, the form the grains persist.</summary>
/// <remarks>The states live in a buffer that is reused from step to step and grows at most twice per session (to two
/// rows, then to the model's window): a user grain's window lives as long as the grain, so a new array per step would
/// be a young object that every young collection finds through the old state and promotes.</remarks>
public sealed class HiddenStateWindow(byte[]? states = null, int lastItem = -1, int length = -1)
{
    private byte[] _buffer = states ?? [];
    private int _length = length >= 0 ? Math.Min(length, states?.Length ?? 0) : states?.Length ?? 0;

    /// <summary>The states, row-major float32, oldest first: a copy when the buffer holds spare room, else the buffer.</summary>
    public byte[] States => _length == _buffer.Length ? _buffer : _buffer[.._length];

    /// <summary>The buffer whose first <see cref="Length"/> bytes are the states (what the grains keep in memory).</summary>
    public byte[] Buffer => _buffer;

    /// <summary>Bytes of the buffer in use.</summary>
    public int Length => _length;

    /// <summary>Index of the item whose event produced the current state, or -1 when there is no state.</summary>
    public int LastItem { get; private set; } = states is { Length: > 0 } && length != 0 ? lastItem : -1;

    /// <summary>The states as floats.</summary>
    public ReadOnlySpan<float> Floats => MemoryMarshal.Cast<byte, float>(_buffer.AsSpan(0, _length));

    /// <summary>Forgets every state (a new session, or states of another model); the buffer is kept for reuse.</summary>
    public void Clear()
    {
        _length = 0;
        LastItem = -1;
    }

    /// <summary>Advances the current state by exactly one GRU step and appends it, keeping at most the model's window.
    /// An item the model does not know (an index outside its vocabulary, e.g. -1) leaves the window as it was and
    /// returns false. An event type the model was not trained with (say, a model trained on views only) steps as a
    /// view, the neutral event, rather than failing.</summary>
    public bool Advance(ISessionModel model, int item, int eventType)
    {
        if ((uint)item >= (uint)model.Items.Count) return false;
        var hidden = model.HiddenSize;
        var rowBytes = hidden * sizeof(float);
        var scratch = ArrayPool<float>.Shared.Rent(hidden);
        try
        {
            var next = scratch.AsSpan(0, hidden);
            var all = Floats;
            model.Step(all.Length < hidden ? [] : all[^hidden..], item, (uint)eventType < (uint)model.EventTypes ? eventType : 0, next);
            var rows = _length / rowBytes;
            var window = model.Window;
            // Window full: drop the oldest rows (rows > window only after the model's window shrank).
            var kept = Math.Min(rows, window - 1);
            var needed = (kept + 1) * rowBytes;
            if (_buffer.Length < needed)
            {
                var grown = new byte[rows == 0 && window > 2 ? 2 * rowBytes : window * rowBytes];
                _buffer.AsSpan((rows - kept) * rowBytes, kept * rowBytes).CopyTo(grown);
                _buffer = grown;
            }
            else if (kept < rows)
            {
                _buffer.AsSpan((rows - kept) * rowBytes, kept * rowBytes).CopyTo(_buffer);
            }
            MemoryMarshal.AsBytes(next).CopyTo(_buffer.AsSpan(kept * rowBytes, rowBytes));
            _length = needed;
            LastItem = item;
            return true;
        }
        finally
        {
            ArrayPool<float>.Shared.Return(scratch);
        }
    }

    /// <summary>The model's purchase intent for the current state and the session's prefix
    /// <paramref name="features"/> (<c>IntentWideFeatures</c>, when the head reads them), or null when the model has
    /// no intent head.</summary>
    public float? Intent(ISessionModel model, ReadOnlySpan<float> features = default) =>
        model.HasIntent ? model.Intent(Floats.Length < model.HiddenSize ? [] : Floats[^model.HiddenSize..], features) : null;

    /// <summary>The model's expected log price of the session's next engaged item for the current state and the
    /// session's price <paramref name="features"/> (<c>PricePreferenceFeatures</c>), or null without the head.</summary>
    public float? PricePreference(ISessionModel model, ReadOnlySpan<float> features) =>
        model.HasPricePreference ? model.PricePreference(Floats.Length < model.HiddenSize ? [] : Floats[^model.HiddenSize..], features) : null;

    /// <summary>The best items for this window, best first, that <paramref name="filter"/> allows;
    /// <paramref name="sessionItems"/> (see <see cref="KnownItems"/>) feed the model's repeat scores.</summary>
    public int Rank(ISessionModel model, ReadOnlySpan<int> sessionItems, Span<RankedItem> destination, ItemFilter? filter = null) =>
        Rank(model, Floats, LastItem, sessionItems, destination, filter);

    /// <summary>The same ranking from a window's parts as they travel in a ranking request.</summary>
    public static int Rank(ISessionModel model, ReadOnlySpan<float> states, int lastItem, ReadOnlySpan<int> sessionItems,
        Span<RankedItem> destination, ItemFilter? filter = null)
    {
        var rows = states.Length / model.HiddenSize;
        return rows == 0
            ? model.Rank([], 0, -1, [], destination, filter)
            : model.Rank(states[..(rows * model.HiddenSize)], rows, lastItem, sessionItems, destination, filter);
    }

    /// <summary>The session's items as the repeat scores read them: the indices of the ids the model knows, oldest
    /// first (unknown items never touched the hidden state, so they are not the session's items either).</summary>
    public static int[] KnownItems(ItemVocabulary items, IReadOnlyList<string> recentItemIds)
    {
        var known = new List<int>(recentItemIds.Count);
        foreach (var id in recentItemIds)
            if (items.TryGetIndex(id, out var index)) known.Add(index);
        return [.. known];
    }
}
