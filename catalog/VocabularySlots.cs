using Personalization.Model;

namespace Personalization.Catalog;

/// <summary>Maps a ranker's vocabulary indices to catalog slots (-1: not listed), kept up to date incrementally:
/// only vocabulary entries and catalog slots added since the last query are looked at.</summary>
internal sealed class VocabularySlots(ItemVocabulary vocabulary)
{
    private readonly Lock _lock = new();
    private int[] _slots = [];
    private int _mappedItems;
    private int _seenSlots;

    public int[] Refresh(CatalogTable table)
    {
        var items = vocabulary.Count;
        var tableSlots = table.Slots;
        if (items == Volatile.Read(ref _mappedItems) && tableSlots == Volatile.Read(ref _seenSlots)) return _slots;
        lock (_lock)
        {
            var slots = _slots;
            var mapped = _mappedItems;
            if (items > slots.Length)
            {
                var grown = new int[Math.Max(items, slots.Length * 2)];
                Array.Copy(slots, grown, mapped);
                slots = grown;
            }
            for (var i = mapped; i < items; i++) slots[i] = table.SlotOf(vocabulary[i]);
            // Items the vocabulary had before the catalog listed them.
            for (var s = _seenSlots; s < tableSlots; s++)
                if (vocabulary.TryGetIndex(table.IdAt(s), out var index) && index < mapped) slots[index] = s;
            _slots = slots;
            Volatile.Write(ref _mappedItems, items);
            Volatile.Write(ref _seenSlots, tableSlots);
            return slots;
        }
    }
}
