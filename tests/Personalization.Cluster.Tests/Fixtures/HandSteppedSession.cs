using Personalization.Model;

namespace Personalization.Cluster.Tests.Fixtures;

/// <summary>A session stepped by the test itself with the same model: the reference a grain's state must equal.</summary>
public sealed class HandSteppedSession(ISessionModel model)
{
    private readonly List<float[]> _states = [];
    private readonly List<int> _items = [];
    private int _lastItem = -1;

    public void Step(string itemId, int eventType = 0)
    {
        var next = new float[model.HiddenSize];
        model.Step(_states.Count == 0 ? [] : _states[^1], model.Items.TryGetIndex(itemId, out var index)
            ? index : throw new ArgumentException($"{itemId} is not in the model's vocabulary."), eventType, next);
        _states.Add(next);
        _lastItem = index;
        _items.Add(index);
    }

    /// <summary>The last <see cref="ISessionModel.Window"/> states, oldest first, flattened.</summary>
    public float[] Window => _states.TakeLast(model.Window).SelectMany(s => s).ToArray();

    public IReadOnlyList<(string ItemId, float Score)> Rank(int count, IEnumerable<string>? exclude = null)
    {
        var excluded = exclude?.Select(id => model.Items.TryGetIndex(id, out var i) ? i : -1).ToHashSet();
        var buffer = new RankedItem[count];
        var window = Window;
        var written = model.Rank(window, window.Length / model.HiddenSize, _lastItem, _items.ToArray(), buffer, excluded is null ? null : ItemFilter.Excluding(excluded));
        return buffer[..written].Select(r => (model.Items[r.Item], r.Score)).ToList();
    }
}
