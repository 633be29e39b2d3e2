using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Logging;

namespace Personalization.Testing;

/// <summary>An OTLP receiver on loopback speaking both transports of the protocol: OTLP/HTTP (protobuf bodies POSTed to
/// <c>/v1/metrics</c> and <c>/v1/traces</c>, HTTP/1.1) and OTLP/gRPC (the collector services' <c>Export</c> methods over
/// cleartext HTTP/2, length-prefixed messages, <c>grpc-status</c> trailer). It answers every export with success and
/// keeps the request bodies, so a spec can look for the names it expects in what an exporter sent.</summary>
public sealed class LoopbackOtlpCollector : IAsyncDisposable
{
    private const string GrpcMetrics = "/opentelemetry.proto.collector.metrics.v1.MetricsService/Export";
    private const string GrpcTraces = "/opentelemetry.proto.collector.trace.v1.TraceService/Export";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<(string Signal, string Transport, byte[] Body)> _exports = new();

    private LoopbackOtlpCollector(WebApplication app, int httpPort, int grpcPort)
    {
        _app = app;
        HttpEndpoint = $"http://127.0.0.1:{httpPort}";
        GrpcEndpoint = $"http://127.0.0.1:{grpcPort}";
    }

    /// <summary>Base address for OTLP/HTTP (an exporter appends <c>/v1/…</c>).</summary>
    public string HttpEndpoint { get; }

    /// <summary>Address for OTLP/gRPC.</summary>
    public string GrpcEndpoint { get; }

    public static async Task<LoopbackOtlpCollector> StartAsync()
    {
        var (httpPort, grpcPort) = (FreePorts.Next(), FreePorts.Next());
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.ListenLocalhost(httpPort, listen => listen.Protocols = HttpProtocols.Http1);
            // gRPC on cleartext means HTTP/2 with prior knowledge: only an HTTP/2-only endpoint accepts that.
            kestrel.ListenLocalhost(grpcPort, listen => listen.Protocols = HttpProtocols.Http2);
        });
        var app = builder.Build();
        var collector = new LoopbackOtlpCollector(app, httpPort, grpcPort);
        app.MapPost("/v1/metrics", context => collector.ReceiveHttpAsync(context, "metrics"));
        app.MapPost("/v1/traces", context => collector.ReceiveHttpAsync(context, "traces"));
        app.MapPost(GrpcMetrics, context => collector.ReceiveGrpcAsync(context, "metrics"));
        app.MapPost(GrpcTraces, context => collector.ReceiveGrpcAsync(context, "traces"));
        await app.StartAsync();
        return collector;
    }

    /// <summary>Whether an export of <paramref name="signal"/> (<c>metrics</c>, <c>traces</c>) came in over
    /// <paramref name="transport"/> (<c>http</c>, <c>grpc</c>) and its protobuf holds every one of
    /// <paramref name="strings"/> (names and attribute values travel as UTF-8 strings in the message).</summary>
    public bool Received(string signal, string transport, params string[] strings) =>
        _exports.Any(e => e.Signal == signal && e.Transport == transport && strings.All(s => Contains(e.Body, s)));

    private async Task ReceiveHttpAsync(HttpContext context, string signal)
    {
        if (context.Request.ContentType != "application/x-protobuf")
        {
            context.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
            return;
        }
        _exports.Enqueue((signal, "http", await ReadAsync(context.Request)));
        context.Response.ContentType = "application/x-protobuf";
        // An empty Export…ServiceResponse: no partial success to report.
    }

    private async Task ReceiveGrpcAsync(HttpContext context, string signal)
    {
        var body = await ReadAsync(context.Request);
        // Length-prefixed message: a compressed flag and a big-endian length, then the protobuf.
        if (body.Length < 5 || body[0] != 0 || (body[1] << 24 | body[2] << 16 | body[3] << 8 | body[4]) != body.Length - 5)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        _exports.Enqueue((signal, "grpc", body[5..]));
        context.Response.ContentType = "application/grpc";
        await context.Response.Body.WriteAsync(new byte[5]);
        context.Response.AppendTrailer("grpc-status", "0");
    }

    private static async Task<byte[]> ReadAsync(HttpRequest request)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer);
        return buffer.ToArray();
    }

    private static bool Contains(byte[] body, string text) => body.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0;

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
