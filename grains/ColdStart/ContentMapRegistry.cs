using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Personalization.Model.ColdStart;

namespace Personalization.Grains.ColdStart;

/// <summary>The silo's current content map (<see cref="ContentMapOptions.Path"/>, hot reload as described on
/// <see cref="Models.HotReloadedArtifact{T}"/>); <see cref="ContentItemPublisher"/> applies it to the serving models.</summary>
public sealed class ContentMapRegistry(IOptions<ContentMapOptions> options, ILogger<ContentMapRegistry> logger)
    : Models.HotReloadedArtifact<ContentMap>(logger)
{
    protected override string? Path => options.Value.Path;

    protected override TimeSpan ReloadInterval => options.Value.ReloadInterval;

    protected override ContentMap Load(string path) => ContentMap.Load(path);

    protected override string VersionOf(ContentMap map) => map.Version;

    protected override string Describe(ContentMap map) => $"for session model {map.SessionModelVersion ?? "any"}";
}
