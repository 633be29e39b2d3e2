using Personalization.Trainer.Data;

namespace Personalization.Trainer.Commands;

/// <summary>Reads <c>--input</c> in <c>--format</c> and splits it the way the format calls for.</summary>
internal static class SplitLoader
{
    public static (LoadedData Data, DataSplit Split) Load(CliArguments args, TextWriter output)
    {
        var input = args.Required("input");
        DataFormat format;
        try { format = DataReader.ParseFormat(args.Required("format")); }
        catch (ArgumentException e) { throw new CliException(e.Message); }
        // The Taobao sample spans mostly its last 9 days; the protocol tests on the last 2.
        var testDays = args.Double("test-days", format == DataFormat.Taobao ? 2 : 14);
        var validationDays = args.Double("validation-days", testDays);
        var validationShare = args.Double("validation-users", 0.1);
        if (validationShare is <= 0 or > 1) throw new CliException("--validation-users is a share of users in (0, 1]");
        if (!File.Exists(input)) throw new CliException($"--input '{input}' does not exist");

        var data = DataReader.Read(input, format);
        foreach (var line in data.Describe()) output.WriteLine(line);
        var split = format == DataFormat.Sequences
            ? LeaveLastOutSplit.Split(data.Sessions, validationShare)
            : TimeSplit.Split(data.Sessions, testDays, validationDays);
        output.WriteLine(split.Describe());
        return (data, split);
    }
}
