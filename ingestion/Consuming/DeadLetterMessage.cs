using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Confluent.Kafka;
using Personalization.Ingestion.Configuration;
using Personalization.Ingestion.Tracing;

namespace Personalization.Ingestion.Consuming;

/// <summary>Builds the dead-letter message of a record within the bounds of <see cref="DeadLetterOptions"/>: a record
/// the broker accepted may exceed what the dead-letter producer may send (message.max.bytes), and a copy that can
/// never be sent would stall its partition. A cut part is described by its length and hash instead.</summary>
internal static class DeadLetterMessage
{
    /// <param name="span">The dead-letter send span, whose context the message carries; without one (tracing off)
    /// the original record's trace context is copied as it was.</param>
    public static Message<byte[]?, byte[]?> From(DeadLetterRecord r, DeadLetterOptions bounds, Activity? span = null)
    {
        var headers = new Headers
        {
            { DeadLetterHeaders.Reason, Utf8Prefix(r.Reason, bounds.MaxHeaderBytes) },
            { DeadLetterHeaders.ReasonCode, Utf8Prefix(r.ReasonCode, bounds.MaxHeaderBytes) },
            { DeadLetterHeaders.OriginalTopic, Utf8(r.Topic) },
            { DeadLetterHeaders.OriginalPartition, Utf8(r.Partition.ToString(CultureInfo.InvariantCulture)) },
            { DeadLetterHeaders.OriginalOffset, Utf8(r.Offset.ToString(CultureInfo.InvariantCulture)) },
        };
        ClickstreamTracing.WriteDeadLetterContext(span, r.Headers, headers);
        var value = Bounded(r.Value, bounds.MaxValueBytes, headers,
            DeadLetterHeaders.OriginalLength, DeadLetterHeaders.OriginalSha256, DeadLetterHeaders.OriginalTruncated);
        var key = Bounded(r.Key, bounds.MaxKeyBytes, headers,
            DeadLetterHeaders.OriginalKeyLength, DeadLetterHeaders.OriginalKeySha256, DeadLetterHeaders.OriginalKeyTruncated);
        return new Message<byte[]?, byte[]?> { Key = key, Value = value, Headers = headers };
    }

    private static byte[]? Bounded(byte[]? bytes, int max, Headers headers, string length, string sha256, string truncated)
    {
        if (bytes is null || bytes.Length <= max) return bytes;
        headers.Add(length, Utf8(bytes.Length.ToString(CultureInfo.InvariantCulture)));
        headers.Add(sha256, Utf8(Convert.ToHexStringLower(SHA256.HashData(bytes))));
        headers.Add(truncated, "true"u8.ToArray());
        return bytes[..max];
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    // Cuts at a character boundary, so the header stays valid UTF-8.
    private static byte[] Utf8Prefix(string text, int maxBytes)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        if (bytes.Length <= maxBytes) return bytes;
        var end = maxBytes;
        while (end > 0 && (bytes[end] & 0xC0) == 0x80) end--;
        return bytes[..end];
    }
}
