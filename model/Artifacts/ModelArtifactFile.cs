using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Personalization.Model.Artifacts;

/// <summary>Reads and writes the one-file model artifact (docs/model-artifact.md): magic, JSON header, vocabulary,
/// float32 weights. Writes are atomic (temp file + rename), reads verify the content hash.</summary>
public static class ModelArtifactFile
{
    /// <summary>The newest format this build reads and writes: 2 added the last-item skip and transition scores, 3 the
    /// repeat and neighbourhood scores. A file is written with the oldest version that can run it (1 when it uses none of these), so
    /// older silos keep loading it; a file they cannot run says so by its version instead of ranking without a part
    /// of the network.</summary>
    public const int FormatVersion = 3;
    private static ReadOnlySpan<byte> Magic => "PZMODEL\0"u8;
    private const int MaxHeaderBytes = 64 << 20;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };
    // The hashed form of the hyper-parameters: fixed property order, no whitespace.
    private static readonly JsonSerializerOptions CanonicalJson = new(JsonSerializerDefaults.Web);

    /// <summary>Writes <paramref name="artifact"/> to <paramref name="path"/> so that readers see either the old file
    /// or the complete new one; returns it with its content hash and model version filled in.</summary>
    public static ModelArtifact Write(string path, ModelArtifact artifact)
    {
        Validate(artifact);
        var vocabulary = VocabularyBytes(artifact.ItemIds);
        var hash = ContentHash(artifact.HyperParameters, artifact.Tensors.Select(t => (t.Name, t.Shape)), vocabulary,
            artifact.Tensors.Select(t => t.Values));
        var created = artifact.CreatedUtc.ToUniversalTime();
        var written = artifact with
        {
            CreatedUtc = created,
            ContentHash = hash,
            ModelVersion = $"{ModelArtifact.Architecture}:{created:yyyyMMdd'T'HHmmss}-{hash["sha256:".Length..][..8]}",
        };
        var header = new ArtifactHeader
        {
            FormatVersion = OldestReaderFor(artifact.HyperParameters),
            Architecture = ModelArtifact.Architecture,
            ModelVersion = written.ModelVersion,
            CreatedUtc = created,
            HyperParameters = artifact.HyperParameters,
            ItemCount = artifact.ItemIds.Count,
            VocabularyBytes = vocabulary.Length,
            Tensors = artifact.Tensors.Select(t => new ArtifactTensorEntry(t.Name, t.Shape)).ToList(),
            Metrics = new Dictionary<string, double>(artifact.Metrics),
            Properties = new Dictionary<string, string>(artifact.Properties),
            ContentHash = hash,
        };
        var headerBytes = JsonSerializer.SerializeToUtf8Bytes(header, Json);

        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                stream.Write(Magic);
                Span<byte> length = stackalloc byte[4];
                BinaryPrimitives.WriteInt32LittleEndian(length, headerBytes.Length);
                stream.Write(length);
                stream.Write(headerBytes);
                stream.Write(vocabulary);
                foreach (var tensor in artifact.Tensors) WriteFloats(stream, tensor.Values);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
        return written;
    }

    /// <summary>Reads an artifact; throws <see cref="InvalidDataException"/> if the file is not one, is truncated,
    /// or its content does not match its hash.</summary>
    public static ModelArtifact Read(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        Span<byte> magic = stackalloc byte[8];
        ReadExactly(stream, magic, path);
        if (!magic.SequenceEqual(Magic)) throw new InvalidDataException($"{path} is not a model artifact (bad magic).");
        Span<byte> length = stackalloc byte[4];
        ReadExactly(stream, length, path);
        var headerLength = BinaryPrimitives.ReadInt32LittleEndian(length);
        if (headerLength is <= 0 or > MaxHeaderBytes) throw new InvalidDataException($"{path}: header length {headerLength} is invalid.");
        var headerBytes = new byte[headerLength];
        ReadExactly(stream, headerBytes, path);
        var header = JsonSerializer.Deserialize<ArtifactHeader>(headerBytes, Json)
            ?? throw new InvalidDataException($"{path}: empty header.");
        if (header.FormatVersion is < 1 or > FormatVersion)
            throw new InvalidDataException($"{path}: format version {header.FormatVersion}, this build reads 1..{FormatVersion}.");
        if (header.Architecture != ModelArtifact.Architecture)
            throw new InvalidDataException($"{path}: architecture '{header.Architecture}' is not '{ModelArtifact.Architecture}'.");
        if (header.VocabularyBytes < 0 || header.VocabularyBytes > stream.Length)
            throw new InvalidDataException($"{path}: vocabulary length {header.VocabularyBytes} is invalid.");

        var vocabulary = new byte[header.VocabularyBytes];
        ReadExactly(stream, vocabulary, path);
        var tensors = new List<ArtifactTensor>(header.Tensors.Count);
        foreach (var entry in header.Tensors)
        {
            var count = ArtifactTensor.ElementCount(entry.Shape);
            if (count < 0 || count * sizeof(float) > stream.Length - stream.Position)
                throw new InvalidDataException($"{path}: tensor '{entry.Name}' runs past the end of the file.");
            var values = new float[count];
            ReadExactly(stream, MemoryMarshal.AsBytes(values.AsSpan()), path);
            if (!BitConverter.IsLittleEndian) ReverseEndianness(values);
            tensors.Add(new ArtifactTensor(entry.Name, entry.Shape, values));
        }
        if (stream.Position != stream.Length) throw new InvalidDataException($"{path}: unexpected bytes after the weights.");

        var hash = ContentHash(header.HyperParameters, header.Tensors.Select(t => (t.Name, t.Shape)), vocabulary,
            tensors.Select(t => t.Values));
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(hash), Encoding.ASCII.GetBytes(header.ContentHash)))
            throw new InvalidDataException($"{path}: content hash {hash} does not match the header's {header.ContentHash}; the file was altered or damaged.");
        var ids = header.VocabularyBytes == 0 ? [] : Encoding.UTF8.GetString(vocabulary).Split('\n');
        if (ids.Length != header.ItemCount)
            throw new InvalidDataException($"{path}: {ids.Length} item ids, header says {header.ItemCount}.");

        return new ModelArtifact
        {
            HyperParameters = header.HyperParameters,
            ItemIds = ids,
            Tensors = tensors,
            Metrics = header.Metrics,
            Properties = header.Properties,
            CreatedUtc = header.CreatedUtc,
            ContentHash = header.ContentHash,
            ModelVersion = header.ModelVersion,
        };
    }

    private static void Validate(ModelArtifact artifact)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var tensor in artifact.Tensors)
        {
            if (!names.Add(tensor.Name)) throw new ArgumentException($"Duplicate tensor name '{tensor.Name}'.");
            if (ArtifactTensor.ElementCount(tensor.Shape) != tensor.Values.Length)
                throw new ArgumentException($"Tensor '{tensor.Name}' has {tensor.Values.Length} values for shape [{string.Join(",", tensor.Shape)}].");
        }
        foreach (var id in artifact.ItemIds)
            if (id.Length == 0 || id.Contains('\n')) throw new ArgumentException($"Item id '{id}' is empty or contains a line break.");
    }

    private static byte[] VocabularyBytes(IReadOnlyList<string> ids) => Encoding.UTF8.GetBytes(string.Join('\n', ids));

    private static int OldestReaderFor(SessionModelHyperParameters p) =>
        p.RepeatWindow > 0 || p.NeighboursPerItem > 0 ? 3 : p is { LastItemSkip: false, Transitions: false } ? 1 : 2;

    private static string ContentHash(SessionModelHyperParameters hyperParameters,
        IEnumerable<(string Name, int[] Shape)> manifest, byte[] vocabulary, IEnumerable<float[]> weights)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(JsonSerializer.SerializeToUtf8Bytes(hyperParameters, CanonicalJson));
        foreach (var (name, shape) in manifest) sha.AppendData(Encoding.UTF8.GetBytes($"\n{name}[{string.Join(",", shape)}]"));
        sha.AppendData("\n"u8);
        sha.AppendData(vocabulary);
        foreach (var values in weights)
        {
            if (BitConverter.IsLittleEndian) sha.AppendData(MemoryMarshal.AsBytes(values.AsSpan()));
            else
            {
                var copy = (float[])values.Clone();
                ReverseEndianness(copy);
                sha.AppendData(MemoryMarshal.AsBytes(copy.AsSpan()));
            }
        }
        return "sha256:" + Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    private static void WriteFloats(Stream stream, float[] values)
    {
        if (BitConverter.IsLittleEndian) { stream.Write(MemoryMarshal.AsBytes(values.AsSpan())); return; }
        var copy = (float[])values.Clone();
        ReverseEndianness(copy);
        stream.Write(MemoryMarshal.AsBytes(copy.AsSpan()));
    }

    private static void ReverseEndianness(float[] values)
    {
        var bits = MemoryMarshal.Cast<float, int>(values.AsSpan());
        BinaryPrimitives.ReverseEndianness(bits, bits);
    }

    private static void ReadExactly(Stream stream, Span<byte> buffer, string path)
    {
        try { stream.ReadExactly(buffer); }
        catch (EndOfStreamException e) { throw new InvalidDataException($"{path} is truncated.", e); }
    }
}
