namespace Personalization.Producer.Cli;

internal sealed class UsageException(string message) : Exception(message);
