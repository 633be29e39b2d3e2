namespace Personalization.Api.Streaming;

/// <summary>The recommendation streams (section <c>Api:Streams</c>).</summary>
public sealed class RecommendationStreamOptions
{
    public const string Section = "Api:Streams";

    /// <summary>How often a quiet stream sends a heartbeat comment, renews its subscription (which re-registers it
    /// after the user's grain moved to another silo) and re-reads the recommendations, so a change whose
    /// notification was lost in a move still arrives. Below the grain's subscription lifetime (1 min).</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Most streams one API process serves at once; further requests get 503.</summary>
    public int MaxStreams { get; set; } = 10_000;
}
