using Personalization.Model.Baselines;

namespace Personalization.Trainer.Commands;

/// <summary>The baselines a command evaluates and their settings.</summary>
internal sealed record BaselineChoice(IReadOnlyList<string> Names, SequentialRulesOptions Rules, SessionKnnOptions Knn);
