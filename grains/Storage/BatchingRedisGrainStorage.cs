using Microsoft.Extensions.Logging;
using Orleans.Storage;
using Personalization.Grains.Threading;
using StackExchange.Redis;

namespace Personalization.Grains.Storage;

/// <summary>Redis grain storage that coalesces the writes of concurrent grains into one round trip: writes queue up
/// while earlier ones are on the wire, and each flush sends up to <see cref="RedisBatchingOptions.MaxWritesPerFlush"/>
/// of them as one server-side script that checks every key's etag and writes it (conditional, like one write per
/// call, but one script call and one round trip per batch). A grain's <c>WriteStateAsync</c> still completes only
/// once its own state is in Redis (or fails), so a caller that waits for it may treat the state as durable.
/// Layout, one hash per grain at <c>{serviceId}/state/{grainId}/{stateName}</c> with fields <c>etag</c> and
/// <c>data</c>. Assumes a standalone Redis (or one hash slot): the script touches many keys.</summary>
public sealed class BatchingRedisGrainStorage : IGrainStorage, IDisposable
{
    // KEYS[i]; ARGV[3i-2] expected etag ('' = none), ARGV[3i-1] new etag, ARGV[3i] data. Returns 1 per written key,
    // else the etag found (a conflict).
    private const string WriteScript = """
        local result = {}
        for i = 1, #KEYS do
          local a = (i - 1) * 3
          local etag = redis.call('HGET', KEYS[i], 'etag')
          if ((not etag or etag == '') and ARGV[a + 1] == '') or etag == ARGV[a + 1] then
            redis.call('HSET', KEYS[i], 'etag', ARGV[a + 2], 'data', ARGV[a + 3])
            result[i] = 1
          else
            result[i] = etag or ''
          end
        end
        return result
        """;

    private const string ClearScript = """
        local etag = redis.call('HGET', KEYS[1], 'etag')
        if ((not etag or etag == '') and ARGV[1] == '') or etag == ARGV[1] then
          redis.call('DEL', KEYS[1])
          return 1
        end
        return 0
        """;

    private static readonly RedisValue[] Fields = ["etag", "data"];
    private readonly string _name;
    private readonly string _serviceId;
    private readonly IGrainStorageSerializer _serializer;
    private readonly RedisBatchingOptions _batching;
    private readonly ILogger _logger;
    private readonly Lazy<Task<ConnectionMultiplexer>> _connection;
    private readonly BlockingBatchQueue<PendingWrite> _writes = new();
    private readonly Thread[] _flushers;

    public BatchingRedisGrainStorage(string name, string serviceId, ConfigurationOptions redis, IGrainStorageSerializer serializer,
        RedisBatchingOptions batching, ILogger<BatchingRedisGrainStorage> logger)
    {
        (_name, _serviceId, _serializer, _batching, _logger) = (name, serviceId, serializer, batching, logger);
        _connection = new(() => ConnectionMultiplexer.ConnectAsync(redis));
        // Dedicated threads that wait synchronously: a flush's reply wakes its thread directly, and the next batch
        // goes out at once instead of queueing behind the thread pool's work (the ingest path keeps that queue long).
        _flushers = [.. Enumerable.Range(0, batching.ConcurrentFlushes).Select(i => new Thread(FlushLoop)
        {
            IsBackground = true,
            Name = $"redis-flush-{i}",
        })];
        foreach (var flusher in _flushers) flusher.Start();
    }

    /// <summary>Flushes sent (diagnostics: writes per flush = writes / flushes).</summary>
    public long Flushes => Interlocked.Read(ref _flushes);
    private long _flushes;

    /// <summary>Writes completed.</summary>
    public long Writes => Interlocked.Read(ref _written);
    private long _written;

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var db = (await _connection.Value).GetDatabase();
        // HGETALL, as Orleans' provider reads: one command, and the two fields are all the hash holds.
        var stored = await db.HashGetAllAsync(Key(stateName, grainId));
        RedisValue etag = default, data = default;
        foreach (var entry in stored)
        {
            if (entry.Name == Fields[0]) etag = entry.Value;
            else if (entry.Name == Fields[1]) data = entry.Value;
        }
        if (data.IsNullOrEmpty)
        {
            grainState.ETag = etag.IsNullOrEmpty ? null : (string?)etag;
            grainState.RecordExists = false;
            grainState.State = Activator.CreateInstance<T>();
            return;
        }
        grainState.State = _serializer.Deserialize<T>(new BinaryData((byte[])data!));
        grainState.ETag = etag;
        grainState.RecordExists = true;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var write = new PendingWrite(Key(stateName, grainId), grainState.ETag ?? "", Guid.NewGuid().ToString("N"),
            _serializer.Serialize(grainState.State).ToMemory());
        if (!_writes.TryAdd(write)) throw new ObjectDisposedException(nameof(BatchingRedisGrainStorage));
        var found = await write.Done.Task;
        if (found is not null)
            throw new InconsistentStateException($"Version conflict writing {grainId} to '{_name}': expected etag '{grainState.ETag}', found '{found}'",
                found, grainState.ETag ?? "");
        grainState.ETag = write.NewEtag;
        grainState.RecordExists = true;
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var db = (await _connection.Value).GetDatabase();
        var cleared = (int)await db.ScriptEvaluateAsync(ClearScript, [Key(stateName, grainId)], [grainState.ETag ?? ""]);
        if (cleared == 0) throw new InconsistentStateException($"Version conflict clearing {grainId} in '{_name}'", "", grainState.ETag ?? "");
        grainState.ETag = null;
        grainState.RecordExists = false;
        grainState.State = Activator.CreateInstance<T>();
    }

    private RedisKey Key(string stateName, GrainId grainId) => $"{_serviceId}/state/{grainId}/{stateName}";

    private void FlushLoop()
    {
        var batch = new List<PendingWrite>(_batching.MaxWritesPerFlush);
        while (_writes.TakeBatch(batch, _batching.MaxWritesPerFlush))
        {
            try
            {
                var db = _connection.Value.GetAwaiter().GetResult().GetDatabase();
                var keys = new RedisKey[batch.Count];
                var args = new RedisValue[batch.Count * 3];
                for (var i = 0; i < batch.Count; i++)
                {
                    keys[i] = batch[i].Key;
                    (args[3 * i], args[3 * i + 1], args[3 * i + 2]) = (batch[i].ExpectedEtag, batch[i].NewEtag, batch[i].Data);
                }
                var results = (RedisResult[])db.ScriptEvaluate(WriteScript, keys, args)!;
                Interlocked.Increment(ref _flushes);
                Interlocked.Add(ref _written, batch.Count);
                for (var i = 0; i < batch.Count; i++)
                    batch[i].Done.TrySetResult(results[i].Resp2Type == ResultType.Integer ? null : (string?)results[i] ?? "");
            }
            catch (Exception e)
            {
                // The whole flush failed (Redis down, timed out): each of its grains gets the error and retries.
                _logger.LogDebug("Flush of {Count} writes to '{Name}' failed: {Error}", batch.Count, _name, e.Message);
                foreach (var write in batch) write.Done.TrySetException(e);
            }
            batch.Clear();
        }
    }

    public void Dispose()
    {
        _writes.Close();
        if (_connection.IsValueCreated && _connection.Value.IsCompletedSuccessfully) _connection.Value.Result.Dispose();
    }

    private sealed class PendingWrite(RedisKey key, string expectedEtag, string newEtag, ReadOnlyMemory<byte> data)
    {
        public RedisKey Key { get; } = key;
        public string ExpectedEtag { get; } = expectedEtag;
        public string NewEtag { get; } = newEtag;
        /// <summary>The serialized state: the serializer's own array, handed to Redis without a copy.</summary>
        public ReadOnlyMemory<byte> Data { get; } = data;
        /// <summary>Null once written; the etag found on a conflict.</summary>
        public TaskCompletionSource<string?> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
