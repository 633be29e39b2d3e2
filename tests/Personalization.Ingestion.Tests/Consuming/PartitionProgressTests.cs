using Personalization.Ingestion.Consuming;

namespace Personalization.Ingestion.Tests.Consuming;

public sealed class PartitionProgressTests
{
    [Fact]
    public void Nothing_is_committable_until_the_first_record_is_durable()
    {
        var progress = new PartitionProgress(0);
        Assert.Null(progress.Committable());
        progress.Register(40);
        progress.Register(41);
        Assert.Null(progress.Committable());
        progress.MarkDurable(41);
        Assert.Null(progress.Committable());
        progress.MarkDurable(40);
        Assert.Equal(42, progress.Committable());
    }

    [Fact]
    public void The_committable_offset_stops_at_the_lowest_record_not_yet_durable_whatever_the_completion_order()
    {
        var progress = new PartitionProgress(3);
        for (var offset = 0; offset < 10; offset++) progress.Register(offset);
        foreach (var offset in new[] { 9, 0, 1, 5, 6, 2 }) progress.MarkDurable(offset);
        Assert.Equal(3, progress.Committable());
        progress.Committed(3);
        Assert.Null(progress.Committable());
        progress.MarkDurable(4);
        Assert.Null(progress.Committable());
        progress.MarkDurable(3);
        Assert.Equal(7, progress.Committable());
        progress.MarkDurable(7);
        progress.MarkDurable(8);
        Assert.Equal(10, progress.Committable());
        Assert.Equal(0, progress.Outstanding);
    }

    [Fact]
    public void Gaps_in_the_offsets_compacted_away_by_the_broker_do_not_hold_the_commit()
    {
        var progress = new PartitionProgress(0);
        progress.Register(5);
        progress.Register(9);
        progress.MarkDurable(9);
        progress.MarkDurable(5);
        Assert.Equal(10, progress.Committable());
    }

    [Fact]
    public void A_failed_commit_is_offered_again_and_an_abandoned_partition_offers_nothing()
    {
        var progress = new PartitionProgress(0);
        progress.Register(0);
        progress.MarkDurable(0);
        Assert.Equal(1, progress.Committable());
        Assert.Equal(1, progress.Committable());
        progress.Register(1);
        progress.Abandon();
        progress.MarkDurable(1);
        Assert.Null(progress.Committable());
        Assert.True(progress.IsAbandoned);
    }

    [Fact]
    public void Offsets_must_be_registered_in_increasing_order()
    {
        var progress = new PartitionProgress(0);
        progress.Register(4);
        Assert.Throws<InvalidOperationException>(() => progress.Register(4));
    }
}
