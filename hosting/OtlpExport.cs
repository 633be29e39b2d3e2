using OpenTelemetry.Exporter;

namespace Personalization.Hosting;

/// <summary>Applies <see cref="TelemetryOptions"/> to an OTLP exporter of one signal (metrics or traces).</summary>
internal sealed class OtlpExport(TelemetryOptions options)
{
    private readonly Uri _endpoint = new(options.OtlpEndpoint!);

    /// <summary>Sets endpoint and transport for the signal whose OTLP/HTTP path is <paramref name="signalPath"/>
    /// (<c>v1/metrics</c>, <c>v1/traces</c>). The exporter appends that path itself only for endpoints from
    /// environment variables, so a configured endpoint gets it here.</summary>
    public void Configure(OtlpExporterOptions exporter, string signalPath)
    {
        if (options.OtlpProtocol == TelemetryOptions.HttpProtobuf)
        {
            exporter.Protocol = OtlpExportProtocol.HttpProtobuf;
            exporter.Endpoint = _endpoint.AbsolutePath.TrimEnd('/').EndsWith(signalPath, StringComparison.Ordinal)
                ? _endpoint
                : new Uri(_endpoint.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/" + signalPath);
        }
        else
        {
            exporter.Protocol = OtlpExportProtocol.Grpc;
            exporter.Endpoint = _endpoint;
        }
    }
}
