namespace Personalization.Contract;

/// <summary>A session's purchase intent crossed a threshold (topic <c>intent</c>, key = <see cref="UserId"/>; JSON in
/// intent-event.schema.json, written by <see cref="IntentEventJson"/>). Published once per crossing: consumers may
/// still deduplicate on <see cref="EventId"/>, which is deterministic per user and crossing.</summary>
/// <param name="EventId"><c>userId:n</c>, n the user's crossing number (1, 2, …), the same after any redelivery.</param>
/// <param name="UserId">The user (the Kafka key).</param>
/// <param name="SessionId">The session whose intent crossed.</param>
/// <param name="Intent">P(the session goes on to a purchase) after the event that crossed.</param>
/// <param name="Previous">The value before it (for an abandonment: the session's peak since it became high).</param>
/// <param name="Reason">Which threshold was crossed.</param>
/// <param name="ModelVersion">The model whose intent head produced both values.</param>
/// <param name="Time">When the cluster applied the event that crossed (silo clock).</param>
/// <param name="EventTime">The timestamp of that clickstream event (producer clock).</param>
public sealed record IntentEvent(
    string EventId,
    string UserId,
    string? SessionId,
    double Intent,
    double Previous,
    IntentEventReason Reason,
    string ModelVersion,
    DateTimeOffset Time,
    DateTimeOffset EventTime);
