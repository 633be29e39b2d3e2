using Personalization.Model.Artifacts;
using Personalization.Model.Inference;
using Personalization.Model.Tests.Trainer.Network;
using Personalization.Trainer.Network;
using Xunit;

namespace Personalization.Model.Tests.Artifacts;

[Collection(TorchRandomCollection.Name)]
public sealed class ModelArtifactFileTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("pz-artifact-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void An_artifact_round_trips_exactly_through_its_file()
    {
        using var network = NetworkTestData.Network(items: 25);
        var ids = NetworkTestData.ItemIds(25).Select(id => id + "/é").ToList(); // non-ASCII ids survive too
        var original = network.ToArtifact(ids, new Dictionary<string, double> { ["validation.mrr@20"] = 0.25 },
            new Dictionary<string, string> { ["dataset"] = "synthetic" });
        var path = Path.Combine(_directory, "model.pzm");

        var written = ModelArtifactFile.Write(path, original);
        var read = ModelArtifactFile.Read(path);

        Assert.Equal(ids, read.ItemIds);
        Assert.Equal(original.HyperParameters, read.HyperParameters);
        Assert.Equal(original.Tensors.Select(t => t.Name), read.Tensors.Select(t => t.Name));
        foreach (var tensor in original.Tensors)
        {
            Assert.Equal(tensor.Shape, read.Tensor(tensor.Name).Shape);
            Assert.Equal(tensor.Values, read.Tensor(tensor.Name).Values);
        }
        Assert.Equal(0.25, read.Metrics["validation.mrr@20"]);
        Assert.Equal("synthetic", read.Properties["dataset"]);
        Assert.Equal(written.ContentHash, read.ContentHash);
        Assert.Equal(written.ModelVersion, read.ModelVersion);
        Assert.StartsWith("gru-attn:", read.ModelVersion);
        Assert.Contains(read.ContentHash["sha256:".Length..][..8], read.ModelVersion);
        Assert.Equal(written.CreatedUtc, read.CreatedUtc);
    }

    [Fact]
    public void The_network_rebuilt_from_an_artifact_scores_exactly_like_the_original()
    {
        using var network = NetworkTestData.Network(items: 30);
        var path = Path.Combine(_directory, "model.pzm");
        ModelArtifactFile.Write(path, network.ToArtifact(NetworkTestData.ItemIds(30)));
        using var rebuilt = ModelArtifactFile.Read(path).ToNetwork();
        var (items, types) = NetworkTestData.Session(30, 9, seed: 5);

        Assert.Equal(NetworkTestData.ReferenceScores(network, items, types),
            NetworkTestData.ReferenceScores(rebuilt, items, types));
    }

    [Theory]
    [InlineData(-5)]    // inside the weights
    [InlineData(-4000)] // earlier in the weights
    public void A_tampered_artifact_is_rejected_by_its_hash(int offsetFromEnd)
    {
        using var network = NetworkTestData.Network(items: 25);
        var path = Path.Combine(_directory, "model.pzm");
        ModelArtifactFile.Write(path, network.ToArtifact(NetworkTestData.ItemIds(25)));
        var bytes = File.ReadAllBytes(path);
        bytes[bytes.Length + offsetFromEnd] ^= 0x01;
        File.WriteAllBytes(path, bytes);

        var error = Assert.Throws<InvalidDataException>(() => ModelArtifactFile.Read(path));
        Assert.Contains("hash", error.Message);
        Assert.Throws<InvalidDataException>(() => SessionModel.Load(path));
    }

    [Fact]
    public void A_renamed_item_in_the_vocabulary_is_rejected_by_the_hash()
    {
        using var network = NetworkTestData.Network(items: 25);
        var path = Path.Combine(_directory, "model.pzm");
        ModelArtifactFile.Write(path, network.ToArtifact(NetworkTestData.ItemIds(25)));
        var bytes = File.ReadAllBytes(path);
        var at = IndexOf(bytes, "sku-13"u8.ToArray());
        bytes[at + 4] = (byte)'9'; // sku-13 -> sku-93, same length
        File.WriteAllBytes(path, bytes);

        var error = Assert.Throws<InvalidDataException>(() => ModelArtifactFile.Read(path));
        Assert.Contains("hash", error.Message);
    }

    [Fact]
    public void A_truncated_artifact_is_rejected()
    {
        using var network = NetworkTestData.Network(items: 25);
        var path = Path.Combine(_directory, "model.pzm");
        ModelArtifactFile.Write(path, network.ToArtifact(NetworkTestData.ItemIds(25)));
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..^100]);

        Assert.Throws<InvalidDataException>(() => ModelArtifactFile.Read(path));
    }

    [Fact]
    public void Publishing_over_an_existing_artifact_replaces_it_whole_and_leaves_no_temporary_files()
    {
        using var first = NetworkTestData.Network(items: 25, seed: 1);
        using var second = NetworkTestData.Network(items: 25, seed: 2);
        var path = Path.Combine(_directory, "model.pzm");
        var v1 = ModelArtifactFile.Write(path, first.ToArtifact(NetworkTestData.ItemIds(25)));
        var v2 = ModelArtifactFile.Write(path, second.ToArtifact(NetworkTestData.ItemIds(25)));

        Assert.NotEqual(v1.ContentHash, v2.ContentHash);
        Assert.Equal(v2.ModelVersion, SessionModel.Load(path).Version);
        Assert.Equal(["model.pzm"], Directory.GetFiles(_directory).Select(Path.GetFileName));
    }

    private static int IndexOf(byte[] haystack, byte[] needle)
    {
        for (var i = 0; i + needle.Length <= haystack.Length; i++)
            if (haystack.AsSpan(i, needle.Length).SequenceEqual(needle)) return i;
        throw new InvalidOperationException("Needle not found.");
    }
}
