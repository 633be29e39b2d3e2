using System.CommandLine;
using Personalization.CommandLine;

namespace Personalization.Trainer.Commands;

/// <summary>pz-train's command line, declared once (System.CommandLine): one subcommand per command, each declared by
/// its command class (<c>XCommand.Create()</c>). Help, defaults and parse errors come from the declarations; a usage
/// error exits 2, a file that cannot be read or bad data 1.</summary>
public static class CliApp
{
    public const string Program = "pz-train";

    public static RootCommand Build() => new("""
        pz-train: train, tune and evaluate the session model and its baselines, the purchase-intent and price-preference
        heads and the price model; write synthetic shop traffic. Session formats are split by time (the last --test-days are the test set,
        the --validation-days before them validate); 'sequences' (user item lines) is split leave-last-out. Test items
        unseen in training are dropped. 'pz-train COMMAND --help' lists a command's options and their defaults.
        """)
    {
        TrainCommand.Create(),
        TuneCommand.Create(),
        EvaluateCommand.Create(),
        IntentCommand.Create(),
        PricePreferenceCommand.Create(),
        SyntheticCommand.Create(),
        PriceCommand.Create(),
        ColdStartCommand.Create(),
        ContentCommand.Create(),
    };

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        // No arguments or the old 'help' command: the overview.
        if (args is [] or ["help"]) args = ["--help"];
        try
        {
            return CommandLineRunner.Run(Build(), Program, args, output, error);
        }
        catch (CliException e)
        {
            return CommandLineRunner.Report(Program, e.Message, error, args[0]);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or ArgumentException)
        {
            error.WriteLine($"{Program}: {e.Message}");
            return 1;
        }
    }
}
