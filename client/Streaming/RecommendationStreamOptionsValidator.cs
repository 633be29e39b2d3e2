using Microsoft.Extensions.Options;

namespace Personalization.Api.Streaming;

/// <summary>Refuses stream settings that cannot work, naming the key to fix.</summary>
internal sealed class RecommendationStreamOptionsValidator : IValidateOptions<RecommendationStreamOptions>
{
    public ValidateOptionsResult Validate(string? name, RecommendationStreamOptions o)
    {
        var errors = new List<string>();
        if (o.HeartbeatInterval < TimeSpan.FromMilliseconds(100) || o.HeartbeatInterval > TimeSpan.FromSeconds(30))
            errors.Add("Api:Streams:HeartbeatInterval must be 100 ms..30 s (under the grain's 1 min subscription lifetime).");
        if (o.MaxStreams < 1) errors.Add("Api:Streams:MaxStreams must be at least 1.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
