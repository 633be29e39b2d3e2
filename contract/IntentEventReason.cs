namespace Personalization.Contract;

/// <summary>Why an <see cref="IntentEvent"/> was published. The JSON names are part of the contract.</summary>
public enum IntentEventReason
{
    /// <summary><c>high_intent</c>: the intent rose above the rise threshold (<c>Intent:HighThreshold</c>, 0.5).</summary>
    HighIntent = 0,
    /// <summary><c>abandonment</c>: after being high, the intent fell to at most <c>Intent:AbandonFraction</c> (one
    /// half) of its peak without a purchase — a cart-abandonment signal.</summary>
    Abandonment = 1,
}
