using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Personalization.Catalog;
using Personalization.Ingestion.Catalog;
using Personalization.Ingestion.Consuming;
using Personalization.Contract;
using Personalization.Ingestion.Publishing;
using Personalization.Ingestion.Intent;
using Personalization.Grains.Interfaces;

namespace Personalization.Ingestion.Configuration;

public static class IngestionServiceCollectionExtensions
{
    /// <summary>The silo side: a member of the clickstream consumer group delivering events to the user grains
    /// (<see cref="GrainClickEventSink"/> unless another <see cref="IClickEventSink"/> is registered first).
    /// Options from section <c>Kafka</c>, validated at start.</summary>
    public static IServiceCollection AddKafkaClickstreamIngestion(this IServiceCollection services)
    {
        services.AddKafkaOptions();
        services.TryAddSingleton<IClickEventSink, GrainClickEventSink>();
        services.TryAddSingleton<IngestionMetrics>();
        services.AddSingleton<KafkaClickstreamConsumer>();
        services.AddHostedService(sp => sp.GetRequiredService<KafkaClickstreamConsumer>());
        // The user grains' intent crossings go to Kafka:IntentTopic (replacing the grains' "no outlet" default).
        services.Replace(ServiceDescriptor.Singleton<IIntentEventPublisher, KafkaIntentEventPublisher>());
        return services;
    }

    /// <summary>The web API side: <see cref="IClickEventPublisher"/> writing validated events to the clickstream topic.</summary>
    public static IServiceCollection AddKafkaClickEventPublisher(this IServiceCollection services)
    {
        services.AddKafkaOptions();
        services.TryAddSingleton<KafkaPublisherHealth>();
        services.TryAddSingleton<IClickEventPublisher, KafkaClickEventPublisher>();
        return services;
    }

    /// <summary>The silo side of the catalog: the <see cref="CatalogTable"/> built from the catalog topic by a
    /// <see cref="KafkaCatalogReader"/>, which is also the silo's <see cref="ICatalogProgress"/>.</summary>
    public static IServiceCollection AddKafkaCatalogReader(this IServiceCollection services)
    {
        services.AddKafkaOptions();
        services.AddCatalogOptions();
        services.TryAddSingleton<IngestionMetrics>();
        services.TryAddSingleton<CatalogTable>();
        services.AddSingleton<KafkaCatalogReader>();
        services.AddSingleton<ICatalogProgress>(sp => sp.GetRequiredService<KafkaCatalogReader>());
        services.AddHostedService(sp => sp.GetRequiredService<KafkaCatalogReader>());
        return services;
    }

    /// <summary>The web API side: <see cref="ICatalogPublisher"/> writing items and tombstones to the catalog topic,
    /// and the catalog contract's validator with the <c>Catalog:Validation</c> limits.</summary>
    public static IServiceCollection AddKafkaCatalogPublisher(this IServiceCollection services)
    {
        services.AddKafkaOptions();
        services.AddCatalogOptions();
        services.TryAddSingleton<ICatalogPublisher, KafkaCatalogPublisher>();
        return services;
    }

    private static void AddCatalogOptions(this IServiceCollection services)
    {
        services.AddOptions<CatalogOptions>().BindConfiguration(CatalogOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CatalogOptions>, CatalogOptionsValidator>());
        services.TryAddSingleton(sp => new CatalogItemJson(sp.GetRequiredService<IOptions<CatalogOptions>>().Value.Validation));
    }

    private static void AddKafkaOptions(this IServiceCollection services)
    {
        services.AddOptions<KafkaOptions>().BindConfiguration(KafkaOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<KafkaOptions>, KafkaOptionsValidator>());
        // The one validator of the contract, with the limits of Kafka:Validation, for whoever accepts events.
        services.TryAddSingleton(sp => new ClickEventJson(sp.GetRequiredService<IOptions<KafkaOptions>>().Value.Validation,
            sp.GetService<TimeProvider>()));
    }
}
