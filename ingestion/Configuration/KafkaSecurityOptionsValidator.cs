namespace Personalization.Ingestion.Configuration;

/// <summary>The rules of <see cref="KafkaSecurityOptions"/>, part of <see cref="KafkaOptionsValidator"/>.</summary>
internal static class KafkaSecurityOptionsValidator
{
    private static readonly string[] Protocols = ["plaintext", "ssl", "sasl_plaintext", "sasl_ssl"];
    private static readonly string[] Mechanisms = ["PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512"];

    public static void Validate(KafkaOptions o, List<string> errors)
    {
        var s = o.Security;
        if (!Protocols.Contains(s.Protocol))
        {
            errors.Add("Kafka:Security:Protocol must be plaintext, ssl, sasl_plaintext or sasl_ssl.");
            return;
        }
        foreach (var key in s.Protocol == "plaintext" ? [] : s.ToLibrdkafka().Keys.Where(o.Client.ContainsKey))
            errors.Add($"Kafka:Client:{key} is set by Kafka:Security; set it there only.");
        if (s.UsesSasl)
        {
            if (!Mechanisms.Contains(s.SaslMechanism))
                errors.Add("Kafka:Security:SaslMechanism must be PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512 with a sasl_* protocol.");
            if (string.IsNullOrEmpty(s.SaslUsername) || string.IsNullOrEmpty(s.SaslPassword))
                errors.Add("Kafka:Security:SaslUsername and Kafka:Security:SaslPassword are required with a sasl_* protocol.");
        }
        else if (s.SaslMechanism is not null || s.SaslUsername is not null || s.SaslPassword is not null)
            errors.Add("Kafka:Security:Sasl* settings need Protocol sasl_plaintext or sasl_ssl.");
        if (!s.UsesTls && (s.SslCaLocation ?? s.SslCertificateLocation ?? s.SslKeyLocation) is not null)
            errors.Add("Kafka:Security:Ssl* settings need Protocol ssl or sasl_ssl.");
        foreach (var (key, path) in new[] { ("SslCaLocation", s.SslCaLocation), ("SslCertificateLocation", s.SslCertificateLocation), ("SslKeyLocation", s.SslKeyLocation) })
            if (s.UsesTls && !string.IsNullOrWhiteSpace(path) && !File.Exists(path))
                errors.Add($"Kafka:Security:{key}: file '{path}' does not exist.");
        if (string.IsNullOrWhiteSpace(s.SslCertificateLocation) != string.IsNullOrWhiteSpace(s.SslKeyLocation))
            errors.Add("Kafka:Security:SslCertificateLocation and Kafka:Security:SslKeyLocation go together (mutual TLS).");
    }
}
