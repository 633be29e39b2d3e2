namespace Personalization.Trainer.Training;

/// <summary>Training stopped because too many batches of an epoch failed.</summary>
public sealed class TrainingFailedException(string message) : Exception(message);
