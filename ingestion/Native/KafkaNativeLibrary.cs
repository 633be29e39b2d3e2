using System.Reflection;
using System.Runtime.InteropServices;

namespace Personalization.Ingestion.Native;

/// <summary>Makes Confluent.Kafka load the bundled librdkafka build that runs on this distribution.
/// The generic linux-x64 build in librdkafka.redist needs libsasl2.so.3 (missing on Debian 12), and Confluent.Kafka
/// then silently prefers any system librdkafka (Debian's 2.0.2 lacks entry points 2.16 calls). The bundled
/// centos8 build only needs glibc, so on glibc linux-x64 "librdkafka" is mapped to it; elsewhere the default
/// probing is kept.</summary>
public static class KafkaNativeLibrary
{
    /// <summary>The librdkafka version the mock cluster's experimental C API is pinned to.</summary>
    public const string ExpectedVersion = "2.16.0";

    private const string LibraryName = "librdkafka";
    private const string Centos8FileName = "centos8-librdkafka.so";
    private static readonly Lock Gate = new();
    private static bool _installed;
    private static IntPtr _handle;

    /// <summary>The file the resolver loads, or null when default probing applies (non-glibc or non-x64).</summary>
    public static string? ResolvedPath { get; private set; }

    /// <summary>Installs the resolver for Confluent.Kafka and this assembly. Idempotent; called by the module
    /// initializer, so entry points only need it if they touch Confluent.Kafka before any ingestion type.</summary>
    public static void EnsureLoaded()
    {
        lock (Gate)
        {
            if (_installed) return;
            _installed = true;
            ResolvedPath = FindCentos8Build();
            Install(typeof(Confluent.Kafka.Library).Assembly);
            Install(typeof(KafkaNativeLibrary).Assembly);
        }
    }

    private static void Install(Assembly assembly)
    {
        try
        {
            NativeLibrary.SetDllImportResolver(assembly, Resolve);
        }
        catch (InvalidOperationException)
        {
            // The host already set a resolver for this assembly: respect its choice.
        }
    }

    private static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (ResolvedPath is null || !IsLibrdkafka(name)) return IntPtr.Zero;
        lock (Gate)
        {
            if (_handle == IntPtr.Zero) _handle = NativeLibrary.Load(ResolvedPath);
            return _handle;
        }
    }

    private static bool IsLibrdkafka(string name) =>
        name is LibraryName or "librdkafka.so" or "centos8-librdkafka" or Centos8FileName;

    private static string? FindCentos8Build()
    {
        if (!OperatingSystem.IsLinux() || RuntimeInformation.ProcessArchitecture != Architecture.X64) return null;
        if (File.Exists("/etc/alpine-release")) return null; // musl: the bundled alpine build is found by default.
        var kafkaDirectory = Path.GetDirectoryName(typeof(Confluent.Kafka.Library).Assembly.Location);
        string?[] directories =
        [
            Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native"),
            AppContext.BaseDirectory,
            kafkaDirectory is null ? null : Path.Combine(kafkaDirectory, "runtimes", "linux-x64", "native"),
            kafkaDirectory,
        ];
        return directories
            .Where(d => !string.IsNullOrEmpty(d))
            .Select(d => Path.Combine(d!, Centos8FileName))
            .FirstOrDefault(File.Exists);
    }
}
