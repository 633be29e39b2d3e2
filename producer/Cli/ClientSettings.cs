namespace Personalization.Producer.Cli;

/// <summary>The repeatable <c>--client key=value</c> librdkafka settings every command that talks to a broker takes
/// (security.protocol, sasl.*, enable.idempotence, ...), so each reaches a secured or older cluster alike.</summary>
internal static class ClientSettings
{
    public static Dictionary<string, string> Read(CliArguments cli)
    {
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var setting in cli.All("--client"))
        {
            var eq = setting.IndexOf('=');
            if (eq <= 0) throw new UsageException($"--client expects key=value, got '{setting}'");
            settings[setting[..eq]] = setting[(eq + 1)..];
        }
        return settings;
    }
}
