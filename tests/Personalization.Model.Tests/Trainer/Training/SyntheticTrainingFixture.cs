using Personalization.Model.Data;
using Personalization.Model.Synthetic;
using Personalization.Trainer.Training;

namespace Personalization.Model.Tests.Trainer.Training;

/// <summary>The synthetic shop split by time into train / validation / test sessions, and one model trained on it
/// (shared by the training tests: training is the expensive part).</summary>
public sealed class SyntheticTrainingFixture
{
    public SyntheticTrainingFixture()
    {
        var sessions = new SyntheticClickstream(new SyntheticClickstreamOptions { Items = 1_000, Categories = 25, Seed = 11 })
            .Sessions(4_000).ToList();
        Vocabulary = new ItemVocabulary();
        foreach (var e in sessions.SelectMany(s => s.Events)) Vocabulary.GetOrAdd(e.ItemId);
        TrainSessions = sessions[..3_200];
        TestSessions = sessions[3_600..];
        TrainSequences = TrainSessions.Select(Sequence).ToList();
        ValidationSequences = sessions[3_200..3_600].Select(Sequence).ToList();
        // 5e-3: the synthetic shop has many sessions per item, where the larger steps learn it in a few epochs.
        Options = new SessionModelTrainerOptions { Epochs = 6, BatchSize = 32, Threads = 1, Seed = 5, LearningRate = 5e-3 };
        Result = new SessionModelTrainer(Options, Progress.Add).Train(Vocabulary.Count, TrainSequences, ValidationSequences);
    }

    public ItemVocabulary Vocabulary { get; }
    public IReadOnlyList<SessionRecord> TrainSessions { get; }
    public IReadOnlyList<SessionRecord> TestSessions { get; }
    public IReadOnlyList<TrainingSequence> TrainSequences { get; }
    public IReadOnlyList<TrainingSequence> ValidationSequences { get; }
    public SessionModelTrainerOptions Options { get; }
    public TrainingResult Result { get; }
    public List<string> Progress { get; } = [];

    public TrainingSequence Sequence(SessionRecord session) => new(
        session.Events.Select(e => Vocabulary.TryGetIndex(e.ItemId, out var i) ? i : throw new InvalidOperationException()).ToArray(),
        session.Events.Select(e => e.EventType).ToArray());

    /// <summary>Next-item HR@20 over every prefix of the sessions, advancing each ranker event by event.</summary>
    public static double HitRateAt20(ISessionRanker ranker, IEnumerable<SessionRecord> sessions)
    {
        var top = new RankedItem[20];
        long hits = 0, predictions = 0;
        foreach (var session in sessions)
        {
            var cursor = ranker.StartSession();
            for (var t = 0; t + 1 < session.Events.Count; t++)
            {
                var e = session.Events[t];
                cursor.Advance(ranker.Items.TryGetIndex(e.ItemId, out var item) ? item : -1, e.EventType);
                var written = cursor.TopK(20, top);
                var target = ranker.Items.TryGetIndex(session.Events[t + 1].ItemId, out var next) ? next : -2;
                predictions++;
                for (var i = 0; i < written; i++)
                    if (top[i].Item == target) { hits++; break; }
            }
        }
        return (double)hits / predictions;
    }
}
