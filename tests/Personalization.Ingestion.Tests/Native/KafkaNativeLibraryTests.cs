using Confluent.Kafka;
using Personalization.Ingestion.Native;

namespace Personalization.Ingestion.Tests.Native;

public sealed class KafkaNativeLibraryTests
{
    [Fact]
    public void Confluent_kafka_runs_the_pinned_librdkafka_version()
    {
        KafkaNativeLibrary.EnsureLoaded();

        Assert.Equal(KafkaNativeLibrary.ExpectedVersion, Library.VersionString);
    }

    [Fact]
    public void On_glibc_linux_x64_the_bundled_centos8_build_is_the_one_loaded()
    {
        if (!OperatingSystem.IsLinux() || File.Exists("/etc/alpine-release")) return; // other platforms probe by default
        KafkaNativeLibrary.EnsureLoaded();
        _ = Library.VersionString;

        Assert.NotNull(KafkaNativeLibrary.ResolvedPath);
        Assert.EndsWith("centos8-librdkafka.so", KafkaNativeLibrary.ResolvedPath);
        Assert.Contains(File.ReadLines("/proc/self/maps"), line => line.EndsWith("centos8-librdkafka.so"));
    }
}
