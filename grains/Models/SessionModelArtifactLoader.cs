using Personalization.Model;
using Personalization.Model.Inference;

namespace Personalization.Grains.Models;

/// <summary>Loads the trainer's artifact format into the managed online path (<see cref="SessionModel"/>).</summary>
public sealed class SessionModelArtifactLoader : IModelArtifactLoader
{
    public ISessionModel Load(string path) => SessionModel.Load(path);
}
