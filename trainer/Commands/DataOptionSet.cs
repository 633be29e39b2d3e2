using System.CommandLine;
using Personalization.CommandLine;
using Personalization.Trainer.Data;

namespace Personalization.Trainer.Commands;

/// <summary><c>--input</c>, <c>--format</c> and how the sessions are split, declared once for the commands that read a
/// data set.</summary>
internal sealed class DataOptionSet
{
    public const string Formats = "tsv|diginetica|jsonl|sequences|taobao";

    private readonly Option<string> _input;
    private readonly Option<DataFormat?> _format;
    private readonly Option<double?> _testDays = Declare.Optional<double?>("--test-days",
        $"the last days are the test set; default: {DataSelection.DefaultTestDays}, {DataSelection.TaobaoTestDays} for taobao", "DAYS");
    private readonly Option<double?> _validationDays = Declare.Optional<double?>("--validation-days",
        "the days before the test set validate; default: --test-days", "DAYS");
    private readonly Option<double>? _validationUsers;

    /// <param name="required">Whether <c>--input</c> and <c>--format</c> must be given (else the command has another
    /// source and checks that one of them is given).</param>
    /// <param name="leaveLastOut">Whether the command takes <c>--validation-users</c> (the sequences format's split).</param>
    public DataOptionSet(bool required = true, bool leaveLastOut = true)
    {
        _input = new Option<string>("--input") { Description = "the data file", HelpName = "FILE", Required = required }.ExistingFile();
        _format = new Option<DataFormat?>("--format") { Description = "the data file's format", HelpName = Formats, Required = required, CustomParser = ParseFormat };
        if (leaveLastOut)
        {
            _validationUsers = Declare.Value("--validation-users", 0.1, "sequences format: the share of users whose second-to-last item validates");
            _validationUsers.Validators.Add(r =>
            {
                if (r.Converted<double>() is <= 0 or > 1) r.AddError("--validation-users is a share of users in (0, 1]");
            });
        }
    }

    public Option<string> Input => _input;

    public void AddTo(Command command)
    {
        foreach (var option in new Option?[] { _input, _format, _testDays, _validationDays, _validationUsers })
            if (option is not null) command.Add(option);
        if (_input.Required) return;
        command.Validators.Add(result =>
        {
            if ((result.GetResult(_input) is null) != (result.GetResult(_format) is null)) result.AddError("--input and --format go together");
        });
    }

    /// <summary>The data set chosen, or null when <c>--input</c> is left out (only where it is not required).</summary>
    public DataSelection? Read(ParseResult parsed) => parsed.GetValue(_input) is { } input
        ? new DataSelection(input, parsed.GetValue(_format)!.Value, parsed.GetValue(_testDays), parsed.GetValue(_validationDays),
            _validationUsers is null ? 0 : parsed.GetValue(_validationUsers))
        : null;

    private static DataFormat? ParseFormat(System.CommandLine.Parsing.ArgumentResult result)
    {
        try { return DataReader.ParseFormat(result.Tokens.Single().Value); }
        catch (FormatException e)
        {
            result.AddError(e.Message);
            return null;
        }
    }
}
