using System.Globalization;

namespace Personalization.Producer.Cli;

/// <summary><c>--name value</c> and <c>--flag</c> arguments; unknown or malformed ones fail with a usage error.</summary>
internal sealed class CliArguments
{
    private readonly Dictionary<string, string?> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _repeated = new(StringComparer.Ordinal);

    public CliArguments(IEnumerable<string> args, IReadOnlySet<string> flags)
    {
        using var e = args.GetEnumerator();
        while (e.MoveNext())
        {
            var name = e.Current;
            if (!name.StartsWith("--", StringComparison.Ordinal)) throw new UsageException($"unexpected argument '{name}'");
            if (flags.Contains(name)) { _values[name] = null; continue; }
            if (!e.MoveNext()) throw new UsageException($"{name} needs a value");
            if (_values.ContainsKey(name)) _repeated.GetValueOrDefault(name)?.Add(e.Current);
            else _repeated[name] = [e.Current];
            _values[name] = e.Current;
        }
    }

    public bool Has(string name) { _read.Add(name); return _values.ContainsKey(name); }

    public string? String(string name) { _read.Add(name); return _values.GetValueOrDefault(name); }

    /// <summary>Every value of an option that may be repeated.</summary>
    public IReadOnlyList<string> All(string name) { _read.Add(name); return _repeated.GetValueOrDefault(name) ?? []; }

    public string String(string name, string fallback) => String(name) ?? fallback;

    public long? Long(string name) => String(name) is { } v
        ? long.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= 0 ? n : throw new UsageException($"{name} needs a non-negative integer, got '{v}'")
        : null;

    public double? Double(string name) => String(name) is { } v
        ? double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d >= 0 ? d : throw new UsageException($"{name} needs a non-negative number, got '{v}'")
        : null;

    /// <summary>Fails on options no command asked for, so typos do not pass silently.</summary>
    public void RejectUnknown()
    {
        var unknown = _values.Keys.Where(k => !_read.Contains(k)).ToArray();
        if (unknown.Length > 0) throw new UsageException($"unknown option(s): {string.Join(", ", unknown)}");
    }
}
