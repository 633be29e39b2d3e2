namespace Personalization.Model.Inference;

/// <summary>What one session adds to <see cref="ItemNeighbours"/>: its items' occurrences and its co-occurring
/// pairs (a, b), a ≠ b at most <see cref="Span"/> steps apart, counted both ways.</summary>
public sealed class SessionCooccurrences
{
    /// <summary>Items at most this many steps apart co-occur.</summary>
    public const int Span = 10;

    private readonly int _items;

    private SessionCooccurrences(int items) => _items = items;

    public Dictionary<int, int> Items { get; } = [];

    /// <summary>Keyed a · catalog + b.</summary>
    public Dictionary<long, int> Pairs { get; } = [];

    public int Occurrences(int item) => Items.GetValueOrDefault(item);

    public int Pair(int a, int b) => Pairs.GetValueOrDefault((long)a * _items + b);

    public static SessionCooccurrences Of(IReadOnlyList<int> sequence, int items, int span = Span)
    {
        var own = new SessionCooccurrences(items);
        for (var t = 0; t < sequence.Count; t++)
        {
            var a = sequence[t];
            if ((uint)a >= (uint)items) continue;
            own.Items[a] = own.Items.GetValueOrDefault(a) + 1;
            for (var u = Math.Max(0, t - span); u < t; u++)
            {
                var b = sequence[u];
                if ((uint)b >= (uint)items || b == a) continue;
                own.Pairs[(long)a * items + b] = own.Pairs.GetValueOrDefault((long)a * items + b) + 1;
                own.Pairs[(long)b * items + a] = own.Pairs.GetValueOrDefault((long)b * items + a) + 1;
            }
        }
        return own;
    }
}
