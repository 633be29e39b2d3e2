using Personalization.Trainer.Data;

namespace Personalization.Trainer.Commands;

/// <summary>The data set a command reads and how its sessions are split by time (or, for sequences, leave-last-out).</summary>
internal sealed record DataSelection(string Input, DataFormat Format, double? TestDaysGiven, double? ValidationDaysGiven, double ValidationUsers)
{
    public const double DefaultTestDays = 14;

    /// <summary>The Taobao sample spans mostly its last 9 days; the protocol tests on the last 2.</summary>
    public const double TaobaoTestDays = 2;

    public double TestDays => TestDaysGiven ?? (Format == DataFormat.Taobao ? TaobaoTestDays : DefaultTestDays);

    public double ValidationDays => ValidationDaysGiven ?? TestDays;
}
