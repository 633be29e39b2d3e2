using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Personalization.Api.Contracts;
using Personalization.Api.Orleans;
using Personalization.Grains.Interfaces;

namespace Personalization.Api.Streaming;

/// <summary>One Server-Sent Events connection: the user's current recommendations at once, then one
/// <c>recommendations</c> event after each change of the session (the grain notifies; changes that arrive while an
/// update is being written collapse into the next one), <c>id</c> = the user's applied events. A quiet stream sends a
/// heartbeat comment every <see cref="RecommendationStreamOptions.HeartbeatInterval"/> and renews its subscription.
/// Every update applies the request's business rules, as the plain GET does.
/// The subscription ends with the connection.</summary>
public sealed class RecommendationStream(string userId, int count, RecommendationRules? rules = null) : IResult
{
    public const string EventName = "recommendations";

    private static int s_open;

    public async Task ExecuteAsync(HttpContext context)
    {
        var services = context.RequestServices;
        var options = services.GetRequiredService<IOptions<RecommendationStreamOptions>>().Value;
        if (Interlocked.Increment(ref s_open) > options.MaxStreams)
        {
            Interlocked.Decrement(ref s_open);
            await TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Too many streams",
                detail: $"This API process serves at most {options.MaxStreams} streams (Api:Streams:MaxStreams).").ExecuteAsync(context);
            return;
        }
        try
        {
            await RunAsync(context, services, options);
        }
        finally
        {
            Interlocked.Decrement(ref s_open);
        }
    }

    private async Task RunAsync(HttpContext context, IServiceProvider services, RecommendationStreamOptions options)
    {
        var cluster = services.GetRequiredService<IClusterClient>();
        var calls = services.GetRequiredService<ResilientGrainCalls>();
        var json = services.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        var aborted = context.RequestAborted;
        var grain = cluster.GetGrain<IUserSessionGrain>(userId);
        var signal = new SessionChangeSignal();
        var observer = cluster.CreateObjectReference<ISessionObserver>(signal);
        try
        {
            await SubscribeAsync(calls, grain, observer, aborted);
            context.Response.ContentType = "text/event-stream";
            context.Response.Headers.CacheControl = "no-cache";
            context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
            await context.Response.WriteAsync("retry: 2000\n\n", aborted);
            long? sent = null;
            var changed = true;
            while (!aborted.IsCancellationRequested)
            {
                if (changed) sent = await SendIfNewerAsync(context.Response, calls, grain, sent, json, aborted);
                changed = await signal.WaitAsync(options.HeartbeatInterval, aborted);
                if (changed) continue;
                // Quiet: renew (re-registers after a silo move), catch up on anything missed, keep proxies open.
                await SubscribeAsync(calls, grain, observer, aborted);
                var before = sent;
                sent = await SendIfNewerAsync(context.Response, calls, grain, sent, json, aborted);
                if (sent == before) await context.Response.WriteAsync(": heartbeat\n\n", aborted);
                await context.Response.Body.FlushAsync(aborted);
            }
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            // The client went away.
        }
        catch (Exception e) when (!context.Response.HasStarted && e is ClusterUnavailableException or SessionStorageUnavailableException)
        {
            await TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Cluster unavailable",
                detail: e.Message).ExecuteAsync(context);
        }
        catch (Exception e) when (context.Response.HasStarted && e is ClusterUnavailableException or SessionStorageUnavailableException)
        {
            // Mid-stream there is no status to send: end the stream; EventSource reconnects after `retry`.
        }
        finally
        {
            await UnsubscribeQuietlyAsync(grain, observer);
            cluster.DeleteObjectReference<ISessionObserver>(observer);
        }
    }

    private async Task<long?> SendIfNewerAsync(HttpResponse response, ResilientGrainCalls calls, IUserSessionGrain grain,
        long? sent, JsonSerializerOptions json, CancellationToken cancellationToken)
    {
        var recommendations = await calls.InvokeAsync(() => grain.RecommendAsync(count, rules), cancellationToken);
        if (sent is { } last && recommendations.TotalEventsApplied <= last) return sent;
        var data = JsonSerializer.Serialize(recommendations.ToResponse(), json);
        await response.WriteAsync($"event: {EventName}\nid: {recommendations.TotalEventsApplied}\ndata: {data}\n\n", cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
        return recommendations.TotalEventsApplied;
    }

    private static Task SubscribeAsync(ResilientGrainCalls calls, IUserSessionGrain grain, ISessionObserver observer,
        CancellationToken cancellationToken) =>
        calls.InvokeAsync(async () =>
        {
            await grain.SubscribeAsync(observer);
            return true;
        }, cancellationToken);

    private static async Task UnsubscribeQuietlyAsync(IUserSessionGrain grain, ISessionObserver observer)
    {
        try
        {
            await grain.UnsubscribeAsync(observer).WaitAsync(TimeSpan.FromSeconds(2));
        }
        catch (Exception)
        {
            // Best effort: an unrenewed subscription expires in the grain anyway.
        }
    }
}
