namespace Personalization.Trainer.Commands;

/// <summary>A usage error: printed with the usage text, exit code 2.</summary>
public sealed class CliException(string message) : Exception(message);
