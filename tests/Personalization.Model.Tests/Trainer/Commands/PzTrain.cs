using Personalization.Trainer.Commands;

namespace Personalization.Model.Tests.Trainer.Commands;

/// <summary>Runs <c>pz-train</c> in process, as the command line would, capturing what it writes.</summary>
internal static class PzTrain
{
    public static (int Exit, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = CliApp.Run(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }
}
