using System.CommandLine;

namespace Personalization.Producer.Cli;

/// <summary>The repeatable <c>--client key=value</c> librdkafka settings every command that talks to a broker takes
/// (security.protocol, sasl.*, enable.idempotence, ...), so each reaches a secured or older cluster alike.</summary>
internal static class ClientSettings
{
    public static Option<string[]> Option()
    {
        var option = new Option<string[]>("--client")
        {
            Description = "librdkafka settings, repeatable, e.g. --client security.protocol=SASL_SSL --client enable.idempotence=false",
            HelpName = "key=value",
            DefaultValueFactory = _ => [],
        };
        option.Validators.Add(result =>
        {
            foreach (var setting in result.GetValueOrDefault<string[]>() ?? [])
                if (setting.IndexOf('=') <= 0) result.AddError($"--client expects key=value, got '{setting}'.");
        });
        return option;
    }

    public static Dictionary<string, string> Read(IEnumerable<string> settings)
    {
        var read = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var setting in settings)
        {
            var eq = setting.IndexOf('=');
            read[setting[..eq]] = setting[(eq + 1)..];
        }
        return read;
    }
}
