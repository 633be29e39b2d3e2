using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Personalization.Model;

namespace Personalization.Grains.Models;

/// <summary>The silo's serving models: one artifact (<see cref="ModelOptions.Path"/>) or A/B arms
/// (<see cref="ModelOptions.Variants"/>), loaded at start, then the files and the configuration are checked every
/// <see cref="ModelOptions.ReloadInterval"/>. A changed file is loaded and validated off the request path and the
/// serving set swapped in atomically: callers read it once per request, so requests in flight finish on the model
/// they started with. A file that does not load or validate is logged and the old model kept; weights and arms
/// follow the configuration (promote or roll back without a restart).</summary>
public sealed partial class ModelRegistry(
    IOptionsMonitor<ModelOptions> options, IModelArtifactLoader loader, ILogger<ModelRegistry> logger) : BackgroundService
{
    private IReadOnlyList<ModelArm> _arms = [];
    private readonly Dictionary<string, ((DateTime WrittenUtc, long Length) Stamp, ISessionModel? Model)> _files = new(StringComparer.Ordinal);
    private readonly Lock _checkLock = new();

    /// <summary>The arms being served, in name order (one arm, <see cref="ModelOptions.DefaultArm"/>, without A/B).</summary>
    public IReadOnlyList<ModelArm> Arms => Volatile.Read(ref _arms);

    /// <summary>The model of the arm with the largest share, or null while none is loaded (the fallback rankers
    /// answer then).</summary>
    public ISessionModel? Current => Arms.Where(a => a.Model is not null).OrderByDescending(a => a.Weight).FirstOrDefault()?.Model;

    /// <summary>The arm that serves <paramref name="userId"/> (stable: <see cref="ArmAssignment"/>).</summary>
    public ModelArm For(string userId)
    {
        var arms = Arms;
        return arms.Count == 0 ? new ModelArm(ModelOptions.DefaultArm, 1, "", null) : ArmAssignment.Assign(arms, userId);
    }

    /// <summary>The loaded model of that version, if any arm serves it.</summary>
    public ISessionModel? ByVersion(string? version)
    {
        if (version is null) return null;
        foreach (var arm in Arms)
            if (arm.Model?.Version == version) return arm.Model;
        return null;
    }

    /// <summary>Serves <paramref name="replacement"/> (the same version, e.g. with content-based items appended) on arm
    /// <paramref name="arm"/> if that arm still serves <paramref name="current"/>; returns whether it did.</summary>
    public bool Replace(string arm, ISessionModel current, ISessionModel replacement)
    {
        if (replacement.Version != current.Version) throw new ArgumentException("A replacement keeps the model version.", nameof(replacement));
        lock (_checkLock)
        {
            var arms = Arms;
            var index = arms.ToList().FindIndex(a => a.Name == arm && ReferenceEquals(a.Model, current));
            if (index < 0) return false;
            Volatile.Write(ref _arms, [.. arms.Select((a, i) => i == index ? a with { Model = replacement } : a)]);
            return true;
        }
    }

    /// <summary>Loads the configured artifacts before the silo takes traffic, so a configured model is there from
    /// the first request.</summary>
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        CheckForNewVersion();
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.CurrentValue.ReloadInterval);
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

    /// <summary>Re-reads the configuration and loads the artifacts whose files changed since the last look. Returns
    /// whether the serving set changed.</summary>
    public bool CheckForNewVersion()
    {
        lock (_checkLock) return CheckLocked();
    }

    private bool CheckLocked()
    {
        var o = options.CurrentValue;
        var configured = o.Variants.Count > 0
            ? o.Variants.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => (Name: v.Key, v.Value.Weight, v.Value.Path)).ToList()
            : string.IsNullOrWhiteSpace(o.Path) ? [] : [(Name: ModelOptions.DefaultArm, Weight: 1.0, Path: o.Path!)];
        var arms = configured.Select(c => new ModelArm(c.Name, Math.Max(0, c.Weight), c.Path, Load(c.Path))).ToList();
        var previous = Arms;
        if (arms.Count == previous.Count && arms.Zip(previous).All(p => p.First.Name == p.Second.Name
                && p.First.Weight == p.Second.Weight && p.First.Model?.Version == p.Second.Model?.Version))
            return false;
        Volatile.Write(ref _arms, arms);
        foreach (var arm in arms)
            LogServing(arm.Name, arm.Weight, arm.Model?.Version ?? "none", arm.Model?.Items.Count ?? 0, arm.Path);
        return true;
    }

    // The file's model: loaded again only when its timestamp or length changed; a rejected file keeps the last good one.
    private ISessionModel? Load(string path)
    {
        var file = new FileInfo(path);
        _files.TryGetValue(path, out var known);
        if (!file.Exists) return known.Model;
        var stamp = (file.LastWriteTimeUtc, file.Length);
        if (known.Stamp == stamp) return known.Model;
        try
        {
            var candidate = loader.Load(path);
            ModelValidator.Validate(candidate);
            _files[path] = (stamp, candidate);
            return candidate;
        }
        catch (Exception ex)
        {
            _files[path] = (stamp, known.Model);
            LogRejected(ex, path, known.Model?.Version ?? "none");
            return known.Model;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Arm {Arm} (weight {Weight}) serves model {Version} ({Items} items) from {Path}")]
    private partial void LogServing(string arm, double weight, string version, int items, string path);

    [LoggerMessage(Level = LogLevel.Error, Message = "Model artifact {Path} rejected; keeping {Current}")]
    private partial void LogRejected(Exception exception, string path, string current);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Checking the model artifacts failed")]
    private partial void LogCheckFailed(Exception exception);
}
