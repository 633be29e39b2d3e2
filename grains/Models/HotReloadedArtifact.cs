using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Personalization.Grains.Models;

/// <summary>A single model file the silo serves from (the price model; the session model's registry adds A/B arms): loaded from its configured path at start, then the file is checked
/// every reload interval. A changed file is loaded and validated off the request path and swapped in atomically:
/// callers read <see cref="Current"/> once per request, so requests in flight finish on the model they started
/// with. A file that does not load or validate is logged and the old model kept.</summary>
/// <typeparam name="T">The servable model.</typeparam>
public abstract partial class HotReloadedArtifact<T>(ILogger logger) : BackgroundService where T : class
{
    private T? _current;
    private (DateTime WrittenUtc, long Length)? _seen;
    private readonly Lock _checkLock = new();

    /// <summary>The model to serve, or null while none is loaded.</summary>
    public T? Current => Volatile.Read(ref _current);

    /// <summary>The configured file; null or empty: no model.</summary>
    protected abstract string? Path { get; }

    protected abstract TimeSpan ReloadInterval { get; }

    /// <summary>Reads and checks the file; throws when it is not a servable model.</summary>
    protected abstract T Load(string path);

    protected abstract string VersionOf(T model);

    /// <summary>What the log says about a swapped-in model besides its version (e.g. its catalog size).</summary>
    protected virtual string Describe(T model) => "";

    /// <summary>Runs after <paramref name="model"/> was swapped in, on the loading thread (off the request path).</summary>
    protected virtual void OnSwapped(T model) { }

    /// <summary>Loads the configured file before the silo takes traffic, so a configured model is there from the
    /// first request.</summary>
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        CheckForNewVersion();
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(ReloadInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                CheckForNewVersion();
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogCheckFailed(logger, ex, typeof(T).Name);
            }
        }
    }

    /// <summary>Loads the file if it changed since the last look. Returns whether a new model was swapped in.</summary>
    public bool CheckForNewVersion()
    {
        lock (_checkLock) return CheckLocked();
    }

    private bool CheckLocked()
    {
        var path = Path;
        if (string.IsNullOrWhiteSpace(path)) return false;
        var file = new FileInfo(path);
        if (!file.Exists) return false;
        var stamp = (file.LastWriteTimeUtc, file.Length);
        if (_seen == stamp) return false;
        _seen = stamp;

        T candidate;
        try
        {
            candidate = Load(path);
        }
        catch (Exception ex)
        {
            LogRejected(logger, ex, path, Current is { } current ? VersionOf(current) : "none");
            return false;
        }
        if (Current is { } loaded && VersionOf(candidate) == VersionOf(loaded)) return false;
        var previous = Interlocked.Exchange(ref _current, candidate);
        LogSwapped(logger, VersionOf(candidate), previous is null ? "none" : VersionOf(previous), Describe(candidate), path);
        OnSwapped(candidate);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Model {Version} loaded {Description}from {Path}, replacing {Previous}")]
    private static partial void LogSwapped(ILogger logger, string version, string previous, string description, string path);

    [LoggerMessage(Level = LogLevel.Error, Message = "Model artifact {Path} rejected; keeping {Current}")]
    private static partial void LogRejected(ILogger logger, Exception exception, string path, string current);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Checking the {Kind} artifact failed")]
    private static partial void LogCheckFailed(ILogger logger, Exception exception, string kind);
}
