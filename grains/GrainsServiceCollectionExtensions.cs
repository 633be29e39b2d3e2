using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Personalization.Grains.Fallback;
using Personalization.Grains.Models;
using Personalization.Grains.Sessions;

namespace Personalization.Grains;

public static class GrainsServiceCollectionExtensions
{
    /// <summary>Per-silo services the grains need: the model registry (with hot reload), the live fallback
    /// rankers and the validated <c>Sessions</c> / <c>Model</c> options.</summary>
    public static IServiceCollection AddPersonalizationGrains(this IServiceCollection services)
    {
        services.AddOptions<SessionOptions>().BindConfiguration(SessionOptions.Section)
            .Validate(o => o.InactivityTimeout > TimeSpan.Zero, "Sessions:InactivityTimeout must be positive.")
            .Validate(o => o.RecentItems is >= 1 and <= 200, "Sessions:RecentItems must be within 1..200.")
            .Validate(o => o.PurchasedItems is >= 1 and <= 200, "Sessions:PurchasedItems must be within 1..200.")
            .Validate(o => o.RecentEventIds is >= 0 and <= 1024, "Sessions:RecentEventIds must be within 0..1024.")
            .ValidateOnStart();
        services.AddOptions<ModelOptions>().BindConfiguration(ModelOptions.Section)
            .Validate(o => o.ReloadInterval >= TimeSpan.FromMilliseconds(50), "Model:ReloadInterval must be at least 50 ms.")
            .ValidateOnStart();
        services.AddSingleton<LiveFallbackRanker>();
        services.TryAddSingleton<IModelArtifactLoader, SessionModelArtifactLoader>();
        services.AddSingleton<ModelRegistry>();
        services.AddHostedService(sp => sp.GetRequiredService<ModelRegistry>());
        return services;
    }
}
