namespace Personalization.Trainer.Commands;

internal static class RefitPolicyExtensions
{
    public const double AutoShare = 0.05;

    public static bool Applies(this RefitPolicy policy, long trainEvents, long fitEvents) => policy switch
    {
        RefitPolicy.Always => true,
        RefitPolicy.Never => false,
        _ => fitEvents > 0 && (fitEvents - trainEvents) >= AutoShare * fitEvents,
    };
}
