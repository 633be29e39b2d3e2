using Personalization.Trainer.Training;

namespace Personalization.Trainer.Commands;

/// <summary>A setting <c>tune</c> tries, named by what it changes from the options given.</summary>
internal sealed record TuneCandidate(string Name, SessionModelTrainerOptions Options)
{
    /// <summary>The options given first, then the changes that moved validation most in our runs
    /// (docs/model-evaluation.md): regularisation, learning rate and its decay, capacity, history length.</summary>
    public static IEnumerable<TuneCandidate> For(SessionModelTrainerOptions o)
    {
        yield return new("given options", o);
        yield return new("dropout 0.5/0.5, lr decay 0.5, transition lr ×3",
            o with { Dropout = 0.5, SessionDropout = 0.5, LearningRateDecay = 0.5, TransitionLearningRateScale = 3 });
        yield return new("learning rate ×2, lr decay 0.5", o with { LearningRate = o.LearningRate * 2, LearningRateDecay = 0.5 });
        yield return new("dropout 0.1/0.1", o with { Dropout = 0.1, SessionDropout = 0.1 });
        yield return new("embedding, hidden and attention ×2", o with
        {
            Shape = o.Shape with { EmbeddingSize = o.Shape.EmbeddingSize * 2, HiddenSize = o.Shape.HiddenSize * 2, AttentionSize = o.Shape.AttentionSize * 2 },
        });
        yield return new("max length 20, batch ×2", o with { MaxSequenceLength = Math.Min(20, o.MaxSequenceLength), BatchSize = o.BatchSize * 2 });
        yield return new("learning rate ÷2", o with { LearningRate = o.LearningRate / 2 });
    }
}
