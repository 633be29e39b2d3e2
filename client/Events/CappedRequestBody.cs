using System.Buffers;
using Microsoft.AspNetCore.Http.Features;

namespace Personalization.Api.Events;

/// <summary>Reads a request body into memory, refusing it as soon as it exceeds the cap (before reading it at all
/// when Content-Length already says so), so a client cannot make the API buffer more than the cap.</summary>
public static class CappedRequestBody
{
    /// <summary>The body, or null when it is larger than <paramref name="maxBytes"/>.</summary>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes) return null;
        // Lets Kestrel enforce the cap too, for chunked bodies.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = maxBytes + 1L;

        var buffer = new ArrayBufferWriter<byte>((int)Math.Clamp(request.ContentLength ?? 16 * 1024, 1, maxBytes + 1L));
        try
        {
            while (true)
            {
                var read = await request.Body.ReadAsync(buffer.GetMemory(8 * 1024), cancellationToken);
                if (read == 0) return buffer.WrittenSpan.ToArray();
                buffer.Advance(read);
                if (buffer.WrittenCount > maxBytes) return null;
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }
    }
}
