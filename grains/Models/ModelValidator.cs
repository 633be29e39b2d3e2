using Personalization.Model;

namespace Personalization.Grains.Models;

/// <summary>Checks a freshly loaded model before it serves: sane shape, and one real step and ranking that give
/// finite numbers (a truncated or corrupted weight file shows up here rather than in users' answers).</summary>
internal static class ModelValidator
{
    public static void Validate(ISessionModel model)
    {
        if (string.IsNullOrWhiteSpace(model.Version)) throw new InvalidDataException("The model has no version.");
        if (model.HiddenSize < 1 || model.Window < 1)
            throw new InvalidDataException($"Invalid shape: hidden {model.HiddenSize}, window {model.Window}.");
        if (model.Items.Count < 1) throw new InvalidDataException("The model has an empty vocabulary.");

        var state = new float[model.HiddenSize];
        model.Step([], 0, 0, state);
        foreach (var value in state)
            if (!float.IsFinite(value)) throw new InvalidDataException("A GRU step produced a non-finite state.");

        var top = new RankedItem[Math.Min(10, model.Items.Count)];
        var written = model.Rank(state, 1, 0, top);
        if (written < 1) throw new InvalidDataException("Ranking returned no items.");
        for (var i = 0; i < written; i++)
        {
            if (!float.IsFinite(top[i].Score) || (uint)top[i].Item >= (uint)model.Items.Count)
                throw new InvalidDataException("Ranking produced an invalid item or score.");
        }
    }
}
