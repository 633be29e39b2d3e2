using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Personalization.Cluster.Tests.Fixtures;
using Personalization.Grains.Models;
using Personalization.Ingestion.Mock;
using Personalization.Model;
using Personalization.Testing;

namespace Personalization.Cluster.Tests;

/// <summary>The running system in one process: librdkafka's mock Kafka cluster (real protocol on loopback), one silo
/// with the production wiring (<c>AddPersonalizationSilo</c>, whose Kafka consumer reads the mock cluster) serving a
/// small model trained on synthetic traffic, and the web API on a test server connected to that silo as an Orleans
/// client.</summary>
public class ApiClusterFixture : IAsyncLifetime
{
    public const string Topic = "clickstream";
    public const string DeadLetterTopic = "clickstream.dlq";

    private WebApplication? _silo;

    public MockKafkaCluster Kafka { get; } = new(brokers: 1);

    public ApiFactory Api { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    private ApiFactory? _kestrelApi;
    private readonly Lock _kestrelGate = new();

    /// <summary>The same API on a real Kestrel port (started on first use), for the browser tests.</summary>
    public string KestrelApiUrl
    {
        get
        {
            lock (_kestrelGate)
            {
                if (_kestrelApi is null)
                {
                    var port = FreePorts.Next();
                    _kestrelApi = new ApiFactory(Settings);
                    _kestrelApi.UseKestrel(port);
                    _kestrelApi.StartServer();
                    KestrelPort = port;
                }
                return $"http://localhost:{KestrelPort}";
            }
        }
    }

    private int KestrelPort { get; set; }

    /// <summary>The silo's own web address (its /metrics, /dashboard).</summary>
    public string SiloUrl => _silo!.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
        .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses.First();

    /// <summary>The artifact the silo serves (a fixture for other traffic names another).</summary>
    protected virtual string ModelPath => TrainedModels.First;

    /// <summary>The model the silo serves, loaded by the tests themselves as a reference.</summary>
    public ISessionModel Model { get; private set; } = null!;

    /// <summary>Where the silo looks for its price model: nothing there at start (the price tests publish one).</summary>
    public string PriceModelPath { get; } = Path.Combine(Directory.CreateTempSubdirectory("pz-api-price-").FullName, "price.pzm");

    /// <summary>Where the silo looks for its content map: nothing there at start (the cold-start test publishes one).</summary>
    public string ContentMapPath { get; } = Path.Combine(Directory.CreateTempSubdirectory("pz-api-content-").FullName, "content.pzm");

    /// <summary>Settings shared by the silo and the API (cluster identity, ports, Kafka).</summary>
    public Dictionary<string, string?> Settings { get; } = new();

    public virtual async Task InitializeAsync()
    {
        Kafka.CreateClickstreamTopics(partitions: 4, Topic, DeadLetterTopic);
        Kafka.CreateCatalogTopics(partitions: 2);
        var siloPort = FreePorts.Next();
        var gatewayPort = FreePorts.Next();
        foreach (var (key, value) in new Dictionary<string, string?>
        {
            ["Orleans:ClusterId"] = $"api-tests-{Guid.NewGuid():N}",
            ["Orleans:ServiceId"] = "personalization-tests",
            ["Orleans:SiloPort"] = siloPort.ToString(),
            ["Orleans:GatewayPort"] = gatewayPort.ToString(),
            ["Redis:ConnectionString"] = "",
            ["Model:Path"] = ModelPath,
            ["PriceModel:Path"] = PriceModelPath,
            ["PriceModel:ReloadInterval"] = "00:00:00.200",
            ["ContentMap:Path"] = ContentMapPath,
            ["ContentMap:ReloadInterval"] = "00:00:00.200",
            ["ContentMap:RefreshInterval"] = "00:00:00.200",
            ["Kafka:BootstrapServers"] = Kafka.BootstrapServers,
            ["Kafka:Topic"] = Topic,
            ["Kafka:DeadLetterTopic"] = DeadLetterTopic,
            ["Kafka:GroupId"] = $"api-tests-silos-{Guid.NewGuid():N}",
            ["Kafka:Client:session.timeout.ms"] = "6000",
            // The whole test suite shares two cores: a starved silo must not turn into a 503 here (the retry
            // policy has its own specs and a failover test).
            ["Api:GrainCalls:Deadline"] = "00:00:10",
            ["Api:GrainCalls:AttemptTimeout"] = "00:00:05",
            // A dead broker must surface as 503 within a request, not after librdkafka's 5-minute default.
            ["Kafka:Client:message.timeout.ms"] = "5000",
            // Every event is a live-quality check, so the HR@K series exist after a few events.
            ["Quality:SampleRate"] = "1",
            // Trace context through Kafka and grain calls without an OTLP collector: the tests listen in-process.
            ["Telemetry:Traces"] = "true",
        })
        {
            Settings[key] = value;
        }

        _silo = LoopbackSilo.Build(Settings);
        await _silo.StartAsync();
        Model = TrainedModels.Load(ModelPath);
        var registry = _silo.Services.GetRequiredService<ModelRegistry>();
        await Eventually.Until(() => registry.Current?.Version == Model.Version, "the silo serves the trained model", seconds: 30);

        Api = new ApiFactory(Settings);
        Http = Api.CreateClient();
    }

    /// <summary>The silo's service of type <typeparamref name="T"/> (e.g. its model registries).</summary>
    public T SiloService<T>() where T : notnull => _silo!.Services.GetRequiredService<T>();

    public async Task DisposeAsync()
    {
        Http?.Dispose();
        if (_kestrelApi is not null) await _kestrelApi.DisposeAsync();
        if (Api is not null) await Api.DisposeAsync();
        if (_silo is not null)
        {
            await _silo.StopAsync();
            await _silo.DisposeAsync();
        }
        Kafka.Dispose();
    }
}
