using Personalization.Model.Data;
using Personalization.Trainer.Training;
using Xunit;

namespace Personalization.Model.Tests.Trainer.Training;

public sealed class TrainingSequencesTests
{
    [Fact]
    public void Sessions_become_index_sequences_without_unknown_items_and_with_their_event_types()
    {
        var items = new ItemVocabulary(["a", "b", "c"]);
        SessionRecord Session(params (string Item, int Type)[] events) =>
            new("s", null, events.Select((e, t) => new SessionEvent(e.Item, e.Type, t)).ToList());

        var sequences = TrainingSequences.From(
        [
            Session(("c", 0), ("zzz", 0), ("a", 1), ("a", 3)),
            Session(("b", 0), ("unknown", 0)),        // one known event left: nothing to predict
            Session(("b", 0), ("c", 9)),              // a type the model does not know counts as a view
        ], items);

        Assert.Equal(2, sequences.Count);
        Assert.Equal([2, 0, 0], sequences[0].Items);
        Assert.Equal([0, 1, 3], sequences[0].EventTypes);
        Assert.Equal([1, 2], sequences[1].Items);
        Assert.Equal([0, 0], sequences[1].EventTypes);
    }
}
