using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Personalization.Cluster.Tests.Fixtures;
using Personalization.Testing;

namespace Personalization.Cluster.Tests.Telemetry;

/// <summary>With <c>Telemetry:OtlpEndpoint</c> set, a silo pushes its metrics and traces to an OTLP collector over
/// the transport <c>Telemetry:OtlpProtocol</c> names (gRPC, or HTTP with the <c>/v1/…</c> signal paths), every
/// <c>Telemetry:OtlpExportInterval</c>.</summary>
public sealed class OtlpExportTests
{
    [Theory]
    [InlineData("grpc", "grpc")]
    [InlineData("http/protobuf", "http")]
    public async Task A_silo_exports_its_metrics_and_request_traces_to_the_collector_over_the_configured_protocol(string protocol, string transport)
    {
        await using var collector = await LoopbackOtlpCollector.StartAsync();
        await using var silo = BuildSilo(new()
        {
            ["Telemetry:OtlpEndpoint"] = transport == "grpc" ? collector.GrpcEndpoint : collector.HttpEndpoint,
            ["Telemetry:OtlpProtocol"] = protocol,
            ["Telemetry:OtlpExportInterval"] = "00:00:00.500",
            ["Telemetry:TraceSampleRatio"] = "1",
            ["Telemetry:ServiceName"] = "otlp-spec-silo",
        });
        await silo.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(Address(silo)) };

        await Eventually.Until(async () =>
        {
            (await http.GetAsync("/health")).Dispose();
            return collector.Received("metrics", transport, "otlp-spec-silo", "pz.model.size", "pz.sessions.active")
                && collector.Received("traces", transport, "otlp-spec-silo", "/health");
        }, $"the silo's metrics and traces reach the collector over {protocol}", TimeSpan.FromSeconds(30));
        await silo.StopAsync();
    }

    [Theory]
    [InlineData("Telemetry:OtlpProtocol", "http/json", "OtlpProtocol")]
    [InlineData("Telemetry:OtlpEndpoint", "collector:4317", "OtlpEndpoint")]
    [InlineData("Telemetry:OtlpExportInterval", "00:00:00.010", "OtlpExportInterval")]
    public void A_telemetry_setting_that_cannot_work_stops_the_host_naming_the_key(string key, string value, string named)
    {
        var error = Assert.Throws<OptionsValidationException>(() => BuildSilo(new() { ["Telemetry:OtlpEndpoint"] = "http://127.0.0.1:4317", [key] = value }));

        Assert.Contains(named, error.Message);
    }

    private static WebApplication BuildSilo(Dictionary<string, string?> settings) => LoopbackSilo.Build(new Dictionary<string, string?>
    {
        ["Orleans:ClusterId"] = $"otlp-{Guid.NewGuid():N}",
        ["Redis:ConnectionString"] = "",
        ["Kafka:BootstrapServers"] = "",
        ["Model:Path"] = TrainedModels.First,
    }, settings);

    private static string Address(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
}
