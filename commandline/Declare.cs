using System.CommandLine;

namespace Personalization.CommandLine;

/// <summary>Short forms for the options every command line declares: a value with its default (taken from an options
/// record, so help shows what a run without the option does), a flag, an optional value.</summary>
public static class Declare
{
    public static Option<T> Value<T>(string name, T defaultValue, string description, string? helpName = null) => new(name)
    {
        Description = description, DefaultValueFactory = _ => defaultValue, HelpName = helpName,
    };

    public static Option<bool> Flag(string name, string description) => new(name) { Description = description };

    public static Option<T> Optional<T>(string name, string description, string? helpName = null) => new(name)
    {
        Description = description, HelpName = helpName,
    };

    public static Option<T> Required<T>(string name, string description, string? helpName = null) => new(name)
    {
        Description = description, HelpName = helpName, Required = true,
    };

    /// <summary>A required absolute URL (System.CommandLine has no converter for <see cref="Uri"/>).</summary>
    public static Option<Uri> RequiredUrl(string name, string description) => new(name)
    {
        Description = description, HelpName = "URL", Required = true,
        CustomParser = result =>
        {
            var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
            if (Uri.TryCreate(text, UriKind.Absolute, out var url)) return url;
            result.AddError($"{name} '{text}' is not an absolute URL.");
            return null;
        },
    };
}
