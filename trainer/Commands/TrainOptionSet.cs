using System.CommandLine;
using Personalization.CommandLine;
using Personalization.Trainer.Training;

namespace Personalization.Trainer.Commands;

/// <summary>What <c>train</c> and <c>tune</c> both take: the data, the trainer's options, the refit, the baselines and
/// where to write.</summary>
internal sealed class TrainOptionSet
{
    public DataOptionSet Data { get; } = new();
    public SessionTrainerOptionSet Trainer { get; } = new(new SessionModelTrainerOptions());
    public BaselineOptionSet Baselines { get; } = new("none");

    private readonly Option<RefitPolicy> _refit = RefitOption.Create(
        "train again on train + validation for the chosen epochs; auto: when validation holds back at least 5 % of the events");
    private readonly Option<string> _out = Declare.Required<string>("--out", "the model artifact to write", "FILE");
    private readonly Option<string> _json = OutputOptions.Json();
    private readonly Option<string> _plot = OutputOptions.Plot("the training curve");
    private readonly Option<string> _version = OutputOptions.Version();
    private readonly Option<bool> _excludeSeen = OutputOptions.ExcludeSeen();
    private readonly Option<bool> _priceHead = Declare.Flag("--price-head",
        "fit the price-preference head on the trained states before writing (needs priced events)");

    public void AddTo(Command command)
    {
        Data.AddTo(command);
        Trainer.AddTo(command);
        command.Add(_refit);
        Baselines.AddTo(command);
        foreach (var option in new Option[] { _out, _json, _plot, _version, _excludeSeen, _priceHead }) command.Add(option);
    }

    public RefitPolicy Refit(ParseResult parsed) => parsed.GetValue(_refit);

    public CommandOutputs Outputs(ParseResult parsed) => new(parsed.GetRequiredValue(_out), parsed.GetValue(_json),
        parsed.GetValue(_plot), parsed.GetValue(_version), parsed.GetValue(_excludeSeen), parsed.GetValue(_priceHead));
}
