namespace Personalization.Grains.Quality;

/// <summary>Prequential evaluation on live traffic (section <c>Quality</c>): before a user grain applies an event, it
/// checks where the event's item stood in the recommendations the session would have received just before.</summary>
public sealed class LiveQualityOptions
{
    public const string Section = "Quality";

    /// <summary>Share of applied events that are checked (each check is one ranking: ~2 ms over 100k items, so the
    /// default 0.1 % costs ~2 µs per event on average; a small shop with little traffic may raise it). 0 turns it off. The choice hashes the event id, so a
    /// redelivered event is sampled, or not, the same way.</summary>
    public double SampleRate { get; set; } = 0.001;

    /// <summary>The cut-off K of the live HR@K and MRR@K.</summary>
    public int Cutoff { get; set; } = 20;

    /// <summary>Most recent checks per ranker version that the live figures average over.</summary>
    public int Window { get; set; } = 10_000;
}
