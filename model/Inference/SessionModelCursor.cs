namespace Personalization.Model.Inference;

/// <summary>One session on a model, as the evaluation harness runs it: a <see cref="HiddenStateWindow"/>, the very
/// window the user grains keep. Not thread-safe (one per session); unknown items (index -1) leave it as it was.</summary>
internal sealed class SessionModelCursor(ISessionModel model) : ISessionCursor
{
    private readonly HiddenStateWindow _window = new();

    public void Advance(int item, int eventType) => _window.Advance(model, item, eventType);

    public int TopK(int k, Span<RankedItem> destination, ItemFilter? filter = null) =>
        _window.Rank(model, destination[..Math.Min(k, destination.Length)], filter);
}
