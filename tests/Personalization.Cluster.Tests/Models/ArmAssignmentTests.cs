using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Personalization.Cluster.Tests.Fixtures;
using Personalization.Grains.Models;

namespace Personalization.Cluster.Tests.Models;

/// <summary>A/B between model versions: users split by a stable hash in proportion to the weights, and arms follow
/// the configuration without a restart.</summary>
public sealed class ArmAssignmentTests
{
    private static List<ModelArm> Arms(double a, double b) => [new("a", a, "", null), new("b", b, "", null)];

    [Fact]
    public void A_user_lands_in_the_same_arm_every_time_and_for_every_new_arm_list()
    {
        var users = Enumerable.Range(0, 1000).Select(i => $"user-{i}").ToList();

        var first = users.Select(u => ArmAssignment.Assign(Arms(0.5, 0.5), u).Name).ToList();
        var again = users.Select(u => ArmAssignment.Assign(Arms(0.5, 0.5), u).Name).ToList();

        Assert.Equal(first, again);
        Assert.Contains("a", first);
        Assert.Contains("b", first);
    }

    [Theory]
    [InlineData(0.5, 0.5)]
    [InlineData(0.9, 0.1)]
    [InlineData(3, 1)]
    public void The_split_matches_the_weights_within_two_points(double a, double b)
    {
        const int users = 20_000;

        var inB = Enumerable.Range(0, users).Count(i => ArmAssignment.Assign(Arms(a, b), $"u{i}").Name == "b");

        Assert.InRange((double)inB / users, b / (a + b) - 0.02, b / (a + b) + 0.02);
    }

    [Fact]
    public void Raising_one_arm_only_moves_users_towards_it_and_weight_zero_gets_none()
    {
        var users = Enumerable.Range(0, 5000).Select(i => $"user-{i}").ToList();

        var before = users.ToDictionary(u => u, u => ArmAssignment.Assign(Arms(0.8, 0.2), u).Name);
        var after = users.ToDictionary(u => u, u => ArmAssignment.Assign(Arms(0.5, 0.5), u).Name);
        var rolledBack = users.Select(u => ArmAssignment.Assign(Arms(1, 0), u).Name).Distinct();

        Assert.DoesNotContain(users, u => before[u] == "b" && after[u] == "a");
        Assert.Equal(["a"], rolledBack);
    }

    [Fact]
    public void Weights_and_arms_change_with_the_configuration_without_a_restart()
    {
        var options = new MutableOptions(new ModelOptions
        {
            Variants = { ["a"] = new() { Path = TrainedModels.First, Weight = 1 }, ["b"] = new() { Path = TrainedModels.Second, Weight = 0 } },
        });
        var registry = new ModelRegistry(options, new SessionModelArtifactLoader(), NullLogger<ModelRegistry>.Instance);
        registry.CheckForNewVersion();
        var versionA = registry.Arms.Single(a => a.Name == "a").Model!.Version;
        var versionB = registry.Arms.Single(a => a.Name == "b").Model!.Version;
        Assert.All(Enumerable.Range(0, 200), i => Assert.Equal("a", registry.For($"u{i}").Name));
        Assert.Equal(versionA, registry.Current?.Version);

        // Promote b: the configuration file changes, the silo keeps running.
        options.Value = new ModelOptions
        {
            Variants = { ["a"] = new() { Path = TrainedModels.First, Weight = 0 }, ["b"] = new() { Path = TrainedModels.Second, Weight = 1 } },
        };
        Assert.True(registry.CheckForNewVersion());

        Assert.All(Enumerable.Range(0, 200), i => Assert.Equal("b", registry.For($"u{i}").Name));
        Assert.Equal(versionB, registry.Current?.Version);
        // Both stay loaded: sessions still holding a's states rank with a until they re-step.
        Assert.Equal(versionA, registry.ByVersion(versionA)?.Version);
    }

    private sealed class MutableOptions(ModelOptions value) : IOptionsMonitor<ModelOptions>
    {
        public ModelOptions Value { get; set; } = value;

        public ModelOptions CurrentValue => Value;

        public ModelOptions Get(string? name) => Value;

        public IDisposable? OnChange(Action<ModelOptions, string?> listener) => null;
    }
}
