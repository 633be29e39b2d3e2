using Personalization.Model.Data;

namespace Personalization.Model.Intent;

/// <summary>The floor: every prefix gets the training set's share of positive prefixes (AUC 0.5, the log-loss of
/// knowing only the base rate).</summary>
public sealed class ConstantIntentPredictor(double rate) : IIntentPredictor, IIntentSession
{
    public string Name => "constant";
    public double Rate => rate;

    public static ConstantIntentPredictor Fit(IEnumerable<SessionRecord> sessions)
    {
        long positive = 0, all = 0;
        foreach (var session in sessions)
            foreach (var label in PurchaseIntentLabels.Of(session.Events))
            {
                if (float.IsNaN(label)) continue;
                all++;
                positive += (long)label;
            }
        return new ConstantIntentPredictor(all == 0 ? 0.5 : (double)positive / all);
    }

    public IIntentSession StartSession() => this;

    public double Advance(SessionEvent e) => rate;
}
