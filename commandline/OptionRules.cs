using System.CommandLine;
using System.CommandLine.Parsing;

namespace Personalization.CommandLine;

/// <summary>Checks on single options, declared with the option so help, parsing and the error come from one place.</summary>
public static class OptionRules
{
    /// <summary>A count or rate that must not be negative.</summary>
    public static Option<T> NonNegative<T>(this Option<T> option) where T : struct, IComparable<T>
    {
        option.Validators.Add(result =>
        {
            if (result.TryConvert<T>(out var value) && value.CompareTo(default) < 0) result.AddError($"{option.Name} must not be negative.");
        });
        return option;
    }

    /// <summary>A count that must be at least 1.</summary>
    public static Option<int> Positive(this Option<int> option)
    {
        option.Validators.Add(result =>
        {
            if (result.TryConvert<int>(out var value) && value < 1) result.AddError($"{option.Name} must be at least 1.");
        });
        return option;
    }

    /// <summary>A path that must name an existing file (kept as given, so reports show it as typed).</summary>
    public static Option<string> ExistingFile(this Option<string> option)
    {
        option.Validators.Add(result =>
        {
            if (result.Converted<string>() is { } path && !File.Exists(path)) result.AddError($"{option.Name} '{path}' does not exist.");
        });
        return option;
    }

    /// <summary>One of <paramref name="choices"/> (shown as the help name).</summary>
    public static Option<string> OneOf(this Option<string> option, params string[] choices)
    {
        option.HelpName = string.Join('|', choices);
        option.Validators.Add(result =>
        {
            if (result.Converted<string>() is { } value && !choices.Contains(value))
                result.AddError($"{option.Name} '{value}': {string.Join(", ", choices)}.");
        });
        return option;
    }

    /// <summary>A comma-separated list whose every entry is one of <paramref name="known"/>.</summary>
    public static Option<string> ListOf(this Option<string> option, string what, params string[] known)
    {
        option.Validators.Add(result =>
        {
            foreach (var name in Split(result.Converted<string>()))
                if (!known.Contains(name, StringComparer.OrdinalIgnoreCase))
                    result.AddError($"unknown {what} '{name}' (known: {string.Join(", ", known)})");
        });
        return option;
    }

    /// <summary>The option's value for a check, or the type's default when it did not convert (the parser reports
    /// that error itself; asking the library throws then).</summary>
    public static T? Converted<T>(this OptionResult result)
    {
        try { return result.GetValueOrDefault<T>(); }
        catch (InvalidOperationException) { return default; }
    }

    private static bool TryConvert<T>(this OptionResult result, out T value)
    {
        try
        {
            value = result.GetValueOrDefault<T>();
            return true;
        }
        catch (InvalidOperationException)
        {
            value = default!;
            return false;
        }
    }

    /// <summary><see cref="Converted{T}(OptionResult)"/> for a command's check on one of its options.</summary>
    public static T? Converted<T>(this CommandResult result, Option<T> option)
    {
        try { return result.GetValue(option); }
        catch (InvalidOperationException) { return default; }
    }

    public static IReadOnlyList<string> Split(string? list) =>
        (list ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
