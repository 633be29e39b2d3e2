using System.Buffers.Binary;
using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace Personalization.Grains.Sessions;

/// <summary>The event ids a user grain applied within the deduplication window, packed for the stored state: one
/// 8-byte entry per id, oldest first — 48 bits of the id's hash and 16 bits of its age in seconds before
/// <see cref="UserSessionState.RecentEventLogBase"/> (the time of the newest entry). 32 ids take 256 bytes. With 48
/// bits the chance that a new event's id matches one of 32 remembered ones by accident is about 10⁻¹³.</summary>
internal static class EventIdWindow
{
    private const ulong HashMask = (1UL << 48) - 1;
    private const int EntryBytes = sizeof(ulong);

    /// <summary>Whether <paramref name="eventId"/> was remembered at most <paramref name="window"/> seconds before
    /// <paramref name="now"/>.</summary>
    public static bool Contains(UserSessionState state, string eventId, uint now, long window)
    {
        var hash = Hash(eventId);
        var log = state.RecentEventLog;
        var sinceBase = (long)now - state.RecentEventLogBase;
        for (var i = log.Length - EntryBytes; i >= 0; i -= EntryBytes)
        {
            var entry = BinaryPrimitives.ReadUInt64LittleEndian(log.AsSpan(i));
            if ((entry & HashMask) == hash && sinceBase + (long)(entry >> 48) <= window) return true;
        }
        return false;
    }

    /// <summary>Remembers <paramref name="eventId"/> as applied at <paramref name="now"/>, forgetting ids older than
    /// <paramref name="window"/> seconds and, beyond <paramref name="capacity"/>, the oldest.</summary>
    public static void Add(UserSessionState state, string eventId, uint now, long window, int capacity)
    {
        var old = state.RecentEventLog;
        var shift = Math.Max(0, (long)now - state.RecentEventLogBase);
        // Runs per applied event: entries are gathered on the stack, and a full log is rewritten in place.
        Span<ulong> kept = stackalloc ulong[old.Length / EntryBytes + 1];
        var count = 0;
        for (var i = 0; i < old.Length; i += EntryBytes)
        {
            var entry = BinaryPrimitives.ReadUInt64LittleEndian(old.AsSpan(i));
            var age = (long)(entry >> 48) + shift;
            if (age <= window) kept[count++] = (entry & HashMask) | ((ulong)Math.Min(age, ushort.MaxValue) << 48);
        }
        kept[count++] = Hash(eventId);
        var keep = Math.Min(count, capacity);
        var log = old.Length == keep * EntryBytes ? old : new byte[keep * EntryBytes];
        for (var i = 0; i < keep; i++)
            BinaryPrimitives.WriteUInt64LittleEndian(log.AsSpan(i * EntryBytes), kept[count - keep + i]);
        state.RecentEventLog = log;
        state.RecentEventLogBase = Math.Max(now, state.RecentEventLogBase);
    }

    /// <summary>State written before the window existed held a ring of full 64-bit hashes: its ids are carried over
    /// as applied at <paramref name="now"/> (remembered a little longer, never shorter).</summary>
    public static void ConvertOldRing(UserSessionState state, uint now, int capacity)
    {
        var ring = state.RecentEventIds;
        if (ring.Length == 0) return;
        var start = state.RecentEventIdsNext % ring.Length;
        var hashes = ring[start..].Concat(ring[..start]).Where(h => h != 0).Select(h => h & HashMask).TakeLast(capacity).ToArray();
        var log = new byte[hashes.Length * EntryBytes];
        for (var i = 0; i < hashes.Length; i++) BinaryPrimitives.WriteUInt64LittleEndian(log.AsSpan(i * EntryBytes), hashes[i]);
        state.RecentEventLog = log;
        state.RecentEventLogBase = now;
        state.RecentEventIds = [];
        state.RecentEventIdsNext = 0;
    }

    public static int Count(UserSessionState state) => state.RecentEventLog.Length / EntryBytes;

    // Zero marked an empty slot of the old ring, so a real hash of zero is moved off it.
    internal static ulong Hash(string eventId) =>
        Math.Max(1UL, XxHash64.HashToUInt64(MemoryMarshal.AsBytes(eventId.AsSpan())) & HashMask);
}
