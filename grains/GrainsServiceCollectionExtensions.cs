using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Personalization.Catalog;
using Personalization.Grains.Fallback;
using Personalization.Grains.Intent;
using Personalization.Grains.Interfaces;
using Personalization.Grains.Models;
using Personalization.Grains.ColdStart;
using Personalization.Grains.Pricing;
using Personalization.Grains.Operations;
using Personalization.Grains.Quality;
using Personalization.Grains.Ranking;
using Personalization.Grains.Serving;
using Personalization.Grains.Sessions;

namespace Personalization.Grains;

public static class GrainsServiceCollectionExtensions
{
    /// <summary>Per-silo services the grains need: the model registry (with hot reload), the live fallback
    /// rankers, the ranking threads, the silo's catalog table, the price model registry (with hot reload) and the
    /// validated <c>Sessions</c> / <c>Model</c> / <c>Ranking</c> / <c>PriceModel</c> options.</summary>
    public static IServiceCollection AddPersonalizationGrains(this IServiceCollection services)
    {
        services.AddOptions<SessionOptions>().BindConfiguration(SessionOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SessionOptions>, SessionOptionsValidator>());
        services.AddOptions<ModelOptions>().BindConfiguration(ModelOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ModelOptions>, ModelOptionsValidator>());
        services.AddOptions<LiveQualityOptions>().BindConfiguration(LiveQualityOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LiveQualityOptions>, LiveQualityOptionsValidator>());
        services.AddOptions<RankingOptions>().BindConfiguration(RankingOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RankingOptions>, RankingOptionsValidator>());
        services.AddSingleton<RankingScheduler>();
        services.AddSingleton<LiveQualityMonitor>();
        services.AddOptions<IntentOptions>().BindConfiguration(IntentOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<IntentOptions>, IntentOptionsValidator>());
        // No outlet unless one is configured (Kafka ingestion replaces it with the intent topic).
        services.TryAddSingleton<IIntentEventPublisher, NoIntentEventPublisher>();
        services.AddSingleton<LiveSessionAnalytics>();
        services.AddHostedService<SessionAnalyticsReporter>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<LiveFallbackRanker>();
        services.TryAddSingleton<CatalogTable>();
        services.TryAddSingleton<IModelArtifactLoader, SessionModelArtifactLoader>();
        services.AddSingleton<ModelRegistry>();
        services.AddHostedService(sp => sp.GetRequiredService<ModelRegistry>());
        services.AddOptions<PriceModelOptions>().BindConfiguration(PriceModelOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PriceModelOptions>, PriceModelOptionsValidator>());
        services.AddSingleton<PriceModelRegistry>();
        services.AddHostedService(sp => sp.GetRequiredService<PriceModelRegistry>());
        services.AddOptions<ContentMapOptions>().BindConfiguration(ContentMapOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ContentMapOptions>, ContentMapOptionsValidator>());
        services.AddSingleton<ContentMapRegistry>();
        services.AddHostedService(sp => sp.GetRequiredService<ContentMapRegistry>());
        services.AddSingleton<ContentItemPublisher>();
        services.AddHostedService(sp => sp.GetRequiredService<ContentItemPublisher>());
        services.AddSingleton<ServingMetrics>();
        services.AddHostedService<SiloMetricsReporter>();
        return services;
    }
}
