using System.CommandLine;
using System.CommandLine.Parsing;

namespace Personalization.Trainer.Commands;

/// <summary><c>--refit auto|always|never</c>, declared once for the commands that refit.</summary>
internal static class RefitOption
{
    public static Option<RefitPolicy> Create(string description, RefitPolicy defaultPolicy = RefitPolicy.Auto) => new("--refit")
    {
        Description = description,
        HelpName = "auto|always|never",
        DefaultValueFactory = _ => defaultPolicy,
        CustomParser = Parse,
    };

    private static RefitPolicy Parse(ArgumentResult result)
    {
        var text = result.Tokens.Single().Value;
        switch (text.ToLowerInvariant())
        {
            case "auto": return RefitPolicy.Auto;
            case "always": return RefitPolicy.Always;
            case "never": return RefitPolicy.Never;
            default:
                result.AddError($"--refit '{text}': auto, always or never");
                return RefitPolicy.Auto;
        }
    }
}
