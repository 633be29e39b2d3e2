using Microsoft.Extensions.Options;

namespace Personalization.Api.Options;

/// <summary>Refuses to start with grain-call budgets that cannot work, naming the key to fix.</summary>
internal sealed class GrainCallOptionsValidator : IValidateOptions<GrainCallOptions>
{
    public ValidateOptionsResult Validate(string? name, GrainCallOptions o)
    {
        var errors = new List<string>();
        if (o.Deadline < TimeSpan.FromMilliseconds(50) || o.Deadline > TimeSpan.FromMinutes(1))
            errors.Add("Api:GrainCalls:Deadline must be 50 ms..1 min.");
        if (o.AttemptTimeout < TimeSpan.FromMilliseconds(10) || o.AttemptTimeout > TimeSpan.FromMinutes(1))
            errors.Add("Api:GrainCalls:AttemptTimeout must be 10 ms..1 min.");
        if (o.AttemptTimeout > o.Deadline) errors.Add("Api:GrainCalls:AttemptTimeout must not exceed Deadline.");
        if (o.MaxAttempts is < 1 or > 10) errors.Add("Api:GrainCalls:MaxAttempts must be 1..10.");
        if (o.InitialBackoff < TimeSpan.Zero || o.InitialBackoff > TimeSpan.FromSeconds(10))
            errors.Add("Api:GrainCalls:InitialBackoff must be 0..10 s.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
