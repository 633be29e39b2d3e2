using Personalization.Model;

namespace Personalization.Grains.Models;

/// <summary>One arm of the silo's serving set: its name, share of users, and the model it serves (null while its
/// artifact is missing or was rejected: its users get the fallback ranker then, still counted under the arm).</summary>
public sealed record ModelArm(string Name, double Weight, string Path, ISessionModel? Model);
