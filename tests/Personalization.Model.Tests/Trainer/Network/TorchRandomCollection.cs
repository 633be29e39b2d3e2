using Xunit;

namespace Personalization.Model.Tests.Trainer.Network;

/// <summary>Tests that seed or draw from TorchSharp's process-wide random generator (building networks, training).
/// Run in parallel, one class's draws land in the middle of another's seeded sequence and the reproducibility tests
/// see different weights; in this collection they run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TorchRandomCollection
{
    public const string Name = "TorchSharp global random generator";
}
