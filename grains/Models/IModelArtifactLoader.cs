using Personalization.Model;

namespace Personalization.Grains.Models;

/// <summary>Reads a model artifact file into a servable model; throws when the file is not a valid artifact.</summary>
public interface IModelArtifactLoader
{
    ISessionModel Load(string path);
}
