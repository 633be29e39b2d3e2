using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Personalization.Model;

namespace Personalization.Grains.Models;

/// <summary>The silo's current session model (<see cref="ModelOptions.Path"/>, hot reload as described on
/// <see cref="HotReloadedArtifact{T}"/>); while none is loaded the fallback rankers answer.</summary>
public sealed class ModelRegistry(
    IOptions<ModelOptions> options, IModelArtifactLoader loader, ILogger<ModelRegistry> logger) : HotReloadedArtifact<ISessionModel>(logger)
{
    protected override string? Path => options.Value.Path;

    protected override TimeSpan ReloadInterval => options.Value.ReloadInterval;

    protected override ISessionModel Load(string path)
    {
        var model = loader.Load(path);
        ModelValidator.Validate(model);
        return model;
    }

    protected override string VersionOf(ISessionModel model) => model.Version;

    protected override string Describe(ISessionModel model) => $"({model.Items.Count} items) ";
}
