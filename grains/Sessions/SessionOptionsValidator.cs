using Microsoft.Extensions.Options;

namespace Personalization.Grains.Sessions;

/// <summary>Refuses to start with session limits that cannot work, naming the key to fix.</summary>
internal sealed class SessionOptionsValidator : IValidateOptions<SessionOptions>
{
    public ValidateOptionsResult Validate(string? name, SessionOptions o)
    {
        var errors = new List<string>();
        if (o.InactivityTimeout <= TimeSpan.Zero) errors.Add("Sessions:InactivityTimeout must be positive.");
        if (o.RecentItems is < 1 or > 200) errors.Add("Sessions:RecentItems must be within 1..200.");
        if (o.PurchasedItems is < 1 or > 200) errors.Add("Sessions:PurchasedItems must be within 1..200.");
        if (o.DeduplicationWindow < TimeSpan.Zero || o.DeduplicationWindow > TimeSpan.FromDays(1))
            errors.Add("Sessions:DeduplicationWindow must be within 0..1 day.");
        if (o.RecentEventIds is < 0 or > 1024) errors.Add("Sessions:RecentEventIds must be within 0..1024.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
