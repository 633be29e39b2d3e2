using Personalization.Model;
using Personalization.Model.Inference;

namespace Personalization.Trainer.ColdStart;

/// <summary>Eligibility of the content-based (new) items of a model only: the cold-start evaluation ranks the new
/// items among themselves.</summary>
public sealed class ContentItemsOnly(SessionModel model) : IItemEligibility
{
    public bool IsEligible(int item) => model.IsContentBased(item);
}
