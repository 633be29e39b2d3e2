using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;

namespace Personalization.Hosting.Security;

/// <summary>The request limits of <see cref="RateLimitSettings"/>: a token bucket per server-side key (or JWT
/// subject), and one per client address for callers without a key or with only the frontend scope. A refused
/// request gets 429 problem details with <c>Retry-After</c>.</summary>
public static class ClientRateLimiter
{
    internal static void Configure(RateLimiterOptions options, RateLimitSettings limits)
    {
        var perKey = PartitionedRateLimiter.Create<HttpContext, string>(context => KeyPartition(context) is { } key
            ? RateLimitPartition.GetTokenBucketLimiter(key, _ => Bucket(limits.PerKey))
            : RateLimitPartition.GetNoLimiter(""));
        var perAddress = PartitionedRateLimiter.Create<HttpContext, string>(context => KeyPartition(context) is null
            ? RateLimitPartition.GetTokenBucketLimiter("addr:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown"),
                _ => Bucket(limits.PerClientAddress))
            : RateLimitPartition.GetNoLimiter(""));
        options.GlobalLimiter = PartitionedRateLimiter.CreateChained(perKey, perAddress);
        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        options.OnRejected = RejectAsync;
    }

    /// <summary>The key a trusted caller is limited by, or null when the caller is limited by its address.</summary>
    private static string? KeyPartition(HttpContext context)
    {
        var user = context.User;
        if (user.Identity?.IsAuthenticated != true) return null;
        if (!ApiScopes.Has(user, ApiScopes.Ingest) && !ApiScopes.Has(user, ApiScopes.Read)) return null;
        return "key:" + (user.FindFirst(ApiKeyAuthenticationHandler.KeyNameClaim)?.Value ?? user.FindFirst("sub")?.Value ?? user.Identity.Name);
    }

    private static TokenBucketRateLimiterOptions Bucket(TokenBucketSettings s) => new()
    {
        TokenLimit = s.Burst,
        TokensPerPeriod = s.RequestsPerSecond,
        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests",
            detail: $"The request limit of this caller was reached; retry after {seconds} s.").ExecuteAsync(context);
    }
}
