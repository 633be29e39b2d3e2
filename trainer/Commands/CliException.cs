namespace Personalization.Trainer.Commands;

/// <summary>A usage error found once the command runs (a rule that needs more than one option or the data): printed
/// like a parse error, exit code 2.</summary>
public sealed class CliException(string message) : Exception(message)
{
    /// <summary>Runs an options record's validation, turning its complaint into a usage error.</summary>
    public static void Check(Action validate)
    {
        try { validate(); }
        catch (ArgumentOutOfRangeException e) { throw new CliException(e.Message); }
    }
}
