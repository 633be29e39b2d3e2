namespace Personalization.Api.Contracts;

/// <summary>Answer to an accepted batch: every event is on the Kafka topic (acknowledged by the brokers).</summary>
/// <param name="Received">Events in the request.</param>
/// <param name="Published">Events published to Kafka (equal to <paramref name="Received"/>).</param>
/// <param name="Topic">The topic they went to.</param>
public sealed record EventsAcceptedResponse(int Received, int Published, string Topic);
