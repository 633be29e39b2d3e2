using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Confluent.Kafka;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Personalization.Ingestion.Configuration;
using Personalization.Ingestion.Native;

namespace Personalization.Ingestion.Tests.Configuration;

/// <summary>Kafka:Security reaches librdkafka's configuration of every client and is validated at start. No test here
/// talks to a SASL broker: librdkafka's mock cluster does not authenticate, and no real broker runs on this machine.</summary>
public sealed class KafkaSecurityTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("pz-kafka-tls").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static KafkaOptions Options(Dictionary<string, string?> settings, out string[] errors)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Kafka:BootstrapServers"] = "broker:9093" });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddKafkaClickEventPublisher();
        using var host = builder.Build();
        try
        {
            errors = [];
            return host.Services.GetRequiredService<IOptions<KafkaOptions>>().Value;
        }
        catch (OptionsValidationException e)
        {
            errors = [.. e.Failures];
            return null!;
        }
    }

    private string SelfSignedCaPem()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=pz-test-ca", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        using var cert = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        var path = Path.Combine(_dir, "ca.pem");
        File.WriteAllText(path, cert.ExportCertificatePem());
        return path;
    }

    [Fact]
    public void Sasl_over_tls_reaches_the_consumer_and_the_producer_configs()
    {
        var ca = SelfSignedCaPem();
        var options = Options(new()
        {
            ["Kafka:Security:Protocol"] = "sasl_ssl",
            ["Kafka:Security:SaslMechanism"] = "SCRAM-SHA-512",
            ["Kafka:Security:SaslUsername"] = "pz-silo",
            ["Kafka:Security:SaslPassword"] = "s3cret",
            ["Kafka:Security:SslCaLocation"] = ca,
        }, out var errors);
        Assert.Empty(errors);

        foreach (var config in new ClientConfig[] { KafkaClientConfigs.Consumer(options), KafkaClientConfigs.Producer(options) })
        {
            Assert.Equal(SecurityProtocol.SaslSsl, config.SecurityProtocol);
            Assert.Equal(SaslMechanism.ScramSha512, config.SaslMechanism);
            Assert.Equal("pz-silo", config.SaslUsername);
            Assert.Equal("s3cret", config.SaslPassword);
            Assert.Equal(ca, config.SslCaLocation);
            Assert.Equal(SslEndpointIdentificationAlgorithm.Https, config.SslEndpointIdentificationAlgorithm);
        }
    }

    [Fact]
    public void Librdkafka_accepts_the_tls_and_sasl_settings_and_loads_the_ca_file()
    {
        KafkaNativeLibrary.EnsureLoaded();
        var options = Options(new()
        {
            ["Kafka:Security:Protocol"] = "sasl_ssl",
            ["Kafka:Security:SaslMechanism"] = "SCRAM-SHA-256",
            ["Kafka:Security:SaslUsername"] = "pz",
            ["Kafka:Security:SaslPassword"] = "pw",
            ["Kafka:Security:SslCaLocation"] = SelfSignedCaPem(),
        }, out _);

        // librdkafka reads and parses the CA file when the client is created: this fails if TLS or SCRAM were not
        // built in, or the settings did not reach it.
        using var producer = new ProducerBuilder<string, string>(KafkaClientConfigs.Producer(options)).Build();
        Assert.NotNull(producer.Name);
    }

    [Fact]
    public void A_ca_file_that_is_not_a_certificate_is_refused_by_librdkafka()
    {
        KafkaNativeLibrary.EnsureLoaded();
        var bogus = Path.Combine(_dir, "bogus.pem");
        File.WriteAllText(bogus, "not a certificate");
        var options = Options(new() { ["Kafka:Security:Protocol"] = "ssl", ["Kafka:Security:SslCaLocation"] = bogus }, out _);

        var error = Assert.ThrowsAny<Exception>(() => new ProducerBuilder<string, string>(KafkaClientConfigs.Producer(options)).Build());

        Assert.Contains("ssl.ca.location", error.Message);
    }

    [Theory]
    [InlineData("Protocol", "tls", "Kafka:Security:Protocol")]
    [InlineData("SaslPassword", "x", "need Protocol sasl_plaintext or sasl_ssl")]
    [InlineData("SslCaLocation", "/nonexistent/ca.pem", "need Protocol ssl or sasl_ssl")]
    public void Settings_that_cannot_work_are_refused_at_start(string key, string value, string expected)
    {
        Options(new() { [$"Kafka:Security:{key}"] = value }, out var errors);

        Assert.Contains(errors, e => e.Contains(expected));
    }

    [Fact]
    public void Sasl_without_a_mechanism_or_password_and_a_missing_ca_file_are_named()
    {
        Options(new()
        {
            ["Kafka:Security:Protocol"] = "sasl_ssl",
            ["Kafka:Security:SaslUsername"] = "pz",
            ["Kafka:Security:SslCaLocation"] = "/nonexistent/ca.pem",
            ["Kafka:Client:sasl.username"] = "twice",
        }, out var errors);

        Assert.Contains(errors, e => e.Contains("Kafka:Security:SaslMechanism"));
        Assert.Contains(errors, e => e.Contains("Kafka:Security:SaslPassword"));
        Assert.Contains(errors, e => e.Contains("/nonexistent/ca.pem") && e.Contains("does not exist"));
        Assert.Contains(errors, e => e.Contains("Kafka:Client:sasl.username is set by Kafka:Security"));
    }
}
