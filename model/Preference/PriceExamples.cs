using Personalization.Model.Data;
using Personalization.Model.Inference;

namespace Personalization.Model.Preference;

/// <summary>The price-preference task, in one place: after every event of a session that has seen a priced event,
/// predict the log price of the next event when that one carries a price. The states come through the serving path
/// (<see cref="HiddenStateWindow"/>: unknown items leave it as it was, as in the user grains).</summary>
public static class PriceExamples
{
    public static List<PriceExample> From(ISessionModel model, IEnumerable<SessionRecord> sessions)
    {
        var examples = new List<PriceExample>();
        foreach (var session in sessions)
        {
            var window = new HiddenStateWindow();
            var counters = new PriceCounters();
            var events = session.Events;
            for (var t = 0; t < events.Count - 1; t++)
            {
                window.Advance(model, model.Items.StepIndex(events[t].ItemId), events[t].EventType);
                counters = counters.Add(events[t].Price);
                if (counters.Priced == 0 || events[t + 1].Price is not > 0) continue;
                var features = new float[PricePreferenceFeatures.Count];
                PricePreferenceFeatures.Write(counters, features);
                var state = window.Floats.Length < model.HiddenSize ? [] : window.Floats[^model.HiddenSize..].ToArray();
                examples.Add(new PriceExample(state, features, (float)Math.Log(events[t + 1].Price!.Value)));
            }
        }
        return examples;
    }
}
