namespace Personalization.Ingestion.Configuration;

/// <summary>How every Kafka client of the cluster authenticates and encrypts (section <c>Kafka:Security</c>): TLS,
/// SASL (PLAIN or SCRAM), or both. Typed, validated at start, and written into the librdkafka configuration of the
/// consumer, the publisher and the dead-letter producer; the same librdkafka properties must not also be set under
/// <c>Kafka:Client</c>. With the default plaintext protocol it adds nothing.</summary>
public sealed class KafkaSecurityOptions
{
    /// <summary>librdkafka <c>security.protocol</c>: plaintext (default), ssl, sasl_plaintext or sasl_ssl.</summary>
    public string Protocol { get; set; } = "plaintext";

    /// <summary><c>sasl.mechanism</c> with a sasl_* protocol: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512.</summary>
    public string? SaslMechanism { get; set; }

    public string? SaslUsername { get; set; }

    /// <summary>Give it through the environment (<c>Kafka__Security__SaslPassword</c>) or a secret, not a file in
    /// the image.</summary>
    public string? SaslPassword { get; set; }

    /// <summary>PEM file of the CA(s) that signed the brokers' certificates (<c>ssl.ca.location</c>); empty: the
    /// system's trust store.</summary>
    public string? SslCaLocation { get; set; }

    /// <summary>Client certificate and key (PEM) for mutual TLS.</summary>
    public string? SslCertificateLocation { get; set; }

    public string? SslKeyLocation { get; set; }

    public string? SslKeyPassword { get; set; }

    /// <summary>Check the broker's host name against its certificate (<c>ssl.endpoint.identification.algorithm</c>).</summary>
    public bool VerifyBrokerHostName { get; set; } = true;

    internal bool UsesSasl => Protocol.StartsWith("sasl_", StringComparison.Ordinal);

    internal bool UsesTls => Protocol is "ssl" or "sasl_ssl";

    /// <summary>The librdkafka properties these settings stand for.</summary>
    internal Dictionary<string, string> ToLibrdkafka()
    {
        var config = new Dictionary<string, string>(StringComparer.Ordinal) { ["security.protocol"] = Protocol };
        if (UsesSasl)
        {
            config["sasl.mechanism"] = SaslMechanism ?? "";
            config["sasl.username"] = SaslUsername ?? "";
            config["sasl.password"] = SaslPassword ?? "";
        }
        if (!UsesTls) return config;
        config["ssl.endpoint.identification.algorithm"] = VerifyBrokerHostName ? "https" : "none";
        if (!string.IsNullOrWhiteSpace(SslCaLocation)) config["ssl.ca.location"] = SslCaLocation;
        if (!string.IsNullOrWhiteSpace(SslCertificateLocation)) config["ssl.certificate.location"] = SslCertificateLocation;
        if (!string.IsNullOrWhiteSpace(SslKeyLocation)) config["ssl.key.location"] = SslKeyLocation;
        if (!string.IsNullOrWhiteSpace(SslKeyPassword)) config["ssl.key.password"] = SslKeyPassword;
        return config;
    }
}
