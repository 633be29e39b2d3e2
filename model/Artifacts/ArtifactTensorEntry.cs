namespace Personalization.Model.Artifacts;

/// <summary>A tensor's name and shape in the header; its values follow in the weights section, in header order.</summary>
internal sealed record ArtifactTensorEntry(string Name, int[] Shape);
