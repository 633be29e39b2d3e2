using System.Globalization;

namespace Personalization.Trainer.Commands;

/// <summary><c>command --name value --flag ...</c>, parsed by hand (a handful of options needs no framework).
/// Every option read is remembered, so options nobody asked for are reported instead of silently ignored.</summary>
public sealed class CliArguments
{
    private readonly Dictionary<string, string?> _options = new(StringComparer.Ordinal);
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    private CliArguments(string command) => Command = command;

    public string Command { get; }

    public static CliArguments Parse(IReadOnlyList<string> args)
    {
        if (args.Count == 0 || args[0].StartsWith('-')) throw new CliException("missing command");
        var parsed = new CliArguments(args[0]);
        for (var i = 1; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg.Length == 2) throw new CliException($"unexpected argument '{arg}'");
            var name = arg[2..];
            string? value = null;
            var equals = name.IndexOf('=');
            if (equals >= 0) (name, value) = (name[..equals], name[(equals + 1)..]);
            else if (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal)) value = args[++i];
            if (!parsed._options.TryAdd(name, value)) throw new CliException($"--{name} given twice");
        }
        return parsed;
    }

    public bool Flag(string name)
    {
        _read.Add(name);
        return _options.TryGetValue(name, out var value) && value is null or "true";
    }

    public string? String(string name)
    {
        _read.Add(name);
        if (!_options.TryGetValue(name, out var value)) return null;
        return value ?? throw new CliException($"--{name} needs a value");
    }

    public string Required(string name) => String(name) ?? throw new CliException($"--{name} is required");

    public int Int(string name, int fallback) => Number(name, fallback, s => int.Parse(s, CultureInfo.InvariantCulture));

    public double Double(string name, double fallback) => Number(name, fallback, s => double.Parse(s, CultureInfo.InvariantCulture));

    /// <summary>Fails on options that no part of the command read (typos must not pass silently).</summary>
    public void RejectUnknown()
    {
        var unknown = _options.Keys.Where(k => !_read.Contains(k)).ToList();
        if (unknown.Count > 0) throw new CliException($"unknown option(s) for '{Command}': {string.Join(", ", unknown.Select(u => "--" + u))}");
    }

    private T Number<T>(string name, T fallback, Func<string, T> parse)
    {
        var text = String(name);
        if (text is null) return fallback;
        try { return parse(text); }
        catch (FormatException) { throw new CliException($"--{name} '{text}' is not a number"); }
        catch (OverflowException) { throw new CliException($"--{name} '{text}' is out of range"); }
    }
}
