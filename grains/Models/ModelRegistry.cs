using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Personalization.Model;

namespace Personalization.Grains.Models;

/// <summary>The silo's current model: loaded from <see cref="ModelOptions.Path"/> at start, then the file is checked
/// every <see cref="ModelOptions.ReloadInterval"/>. A changed file is loaded and validated off the request path and
/// swapped in atomically: callers read <see cref="Current"/> once per request, so requests in flight finish on the
/// model they started with. A file that does not load or validate is logged and the old model kept.</summary>
public sealed partial class ModelRegistry(
    IOptions<ModelOptions> options, IModelArtifactLoader loader, ILogger<ModelRegistry> logger) : BackgroundService
{
    private ISessionModel? _current;
    private (DateTime WrittenUtc, long Length)? _seen;
    private readonly Lock _checkLock = new();

    /// <summary>The model to serve, or null while none is loaded (the fallback rankers answer then).</summary>
    public ISessionModel? Current => Volatile.Read(ref _current);

    /// <summary>Loads the configured artifact before the silo takes traffic, so a configured model is there from
    /// the first request.</summary>
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        CheckForNewVersion();
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ReloadInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                CheckForNewVersion();
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogCheckFailed(ex);
            }
        }
    }

    /// <summary>Loads the artifact if the file changed since the last look. Returns whether a new model was swapped in.</summary>
    public bool CheckForNewVersion()
    {
        lock (_checkLock) return CheckLocked();
    }

    private bool CheckLocked()
    {
        var path = options.Value.Path;
        if (string.IsNullOrWhiteSpace(path)) return false;
        var file = new FileInfo(path);
        if (!file.Exists) return false;
        var stamp = (file.LastWriteTimeUtc, file.Length);
        if (_seen == stamp) return false;
        _seen = stamp;

        ISessionModel candidate;
        try
        {
            candidate = loader.Load(path);
            ModelValidator.Validate(candidate);
        }
        catch (Exception ex)
        {
            LogRejected(ex, path, Current?.Version ?? "none");
            return false;
        }
        if (candidate.Version == Current?.Version) return false;
        var previous = Interlocked.Exchange(ref _current, candidate);
        LogSwapped(candidate.Version, previous?.Version ?? "none", candidate.Items.Count, path);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Model {Version} loaded ({Items} items) from {Path}, replacing {Previous}")]
    private partial void LogSwapped(string version, string previous, int items, string path);

    [LoggerMessage(Level = LogLevel.Error, Message = "Model artifact {Path} rejected; keeping {Current}")]
    private partial void LogRejected(Exception exception, string path, string current);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Checking the model artifact failed")]
    private partial void LogCheckFailed(Exception exception);
}
