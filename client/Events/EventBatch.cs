using Personalization.Grains.Interfaces;
using Personalization.Contract;

namespace Personalization.Api.Events;

/// <summary>The outcome of reading a <c>POST /api/events</c> body: the valid events, or every reason it was refused
/// (keyed <c>body</c> for the request as a whole, <c>events[i]</c> for the i-th event).</summary>
public sealed record EventBatch(IReadOnlyList<ClickEvent> Events, IReadOnlyDictionary<string, string[]> Errors,
    int Received)
{
    public bool IsValid => Errors.Count == 0;

    public static EventBatch Refused(string reason, int received = 0) =>
        new([], new Dictionary<string, string[]> { ["body"] = [reason] }, received);
}
