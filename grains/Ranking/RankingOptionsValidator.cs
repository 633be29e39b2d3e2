using Microsoft.Extensions.Options;

namespace Personalization.Grains.Ranking;

/// <summary>Refuses ranking thread counts and nice values the scheduler cannot honour.</summary>
internal sealed class RankingOptionsValidator : IValidateOptions<RankingOptions>
{
    public ValidateOptionsResult Validate(string? name, RankingOptions o)
    {
        if (o.Threads is < 0 or > 256) return ValidateOptionsResult.Fail("Ranking:Threads must be 0..256.");
        if (o.Nice is < -20 or > 19) return ValidateOptionsResult.Fail("Ranking:Nice must be -20..19.");
        return ValidateOptionsResult.Success;
    }
}
