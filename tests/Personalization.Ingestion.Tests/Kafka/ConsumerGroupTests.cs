using Personalization.Testing;

namespace Personalization.Ingestion.Tests.Kafka;

[Collection(KafkaCollection.Name)]
public sealed class ConsumerGroupTests(MockKafkaFixture kafka)
{
    [Fact]
    public async Task Two_consumers_split_the_partitions_and_a_leaving_consumers_partitions_move_to_the_other()
    {
        var options = kafka.NewTopics(partitions: 4);
        var sinkA = new RecordingSink();
        var sinkB = new RecordingSink();
        var all = new HashSet<int> { 0, 1, 2, 3 };

        await using var a = await RunningConsumer.StartAsync(options, sinkA);
        await Eventually.Until(() => a.Partitions.SetEquals(all), "the first consumer owns all four partitions");
        var b = await RunningConsumer.StartAsync(options, sinkB);
        await Eventually.Until(() => a.Partitions.Count == 2 && b.Partitions.Count == 2 && a.Partitions.Union(b.Partitions).Count() == 4,
            "the two consumers own two disjoint partitions each");
        var ofA = a.Partitions;
        var ofB = b.Partitions;

        using var traffic = new ClickstreamTraffic(options);
        var users = Enumerable.Range(0, 40).Select(i => $"user-{i}").ToArray();
        var firstWave = await traffic.ProduceInterleavedAsync(users, perUser: 2);
        await Eventually.Until(() => sinkA.Count + sinkB.Count == firstWave.Count, "both apply the first wave");
        Assert.All(sinkA.All(), e => Assert.Contains(e.Partition, ofA));
        Assert.All(sinkB.All(), e => Assert.Contains(e.Partition, ofB));
        Assert.NotEqual(0, sinkA.Count);
        Assert.NotEqual(0, sinkB.Count);

        await b.StopAsync();
        await Eventually.Until(() => a.Partitions.SetEquals(all), "the remaining consumer takes over all partitions");
        var before = sinkA.Count;
        var secondWave = await traffic.ProduceInterleavedAsync(users, perUser: 1, first: 2);
        await Eventually.Until(() => sinkA.Count - before >= secondWave.Count, "the remaining consumer applies the second wave");

        var applied = sinkA.All().Where(e => secondWave.Contains(e.Event)).ToList();
        Assert.Equal(secondWave.Count, applied.Count);
        Assert.Subset(applied.Select(e => e.Partition).ToHashSet(), ofB.ToHashSet());
        Assert.DoesNotContain(sinkB.All(), e => secondWave.Contains(e.Event));
    }

    [Fact]
    public async Task With_the_cooperative_default_a_joining_consumer_takes_partitions_without_the_first_ever_giving_up_the_rest()
    {
        var options = kafka.NewTopics(partitions: 4);
        var all = new HashSet<int> { 0, 1, 2, 3 };
        await using var a = await RunningConsumer.StartAsync(options, new RecordingSink());
        await Eventually.Until(() => a.Partitions.SetEquals(all), "the first consumer owns all four partitions");

        var fewest = int.MaxValue;
        await using var b = await RunningConsumer.StartAsync(options, new RecordingSink());
        await Eventually.Until(() =>
        {
            fewest = Math.Min(fewest, a.Partitions.Count);
            return a.Partitions.Count == 2 && b.Partitions.Count == 2;
        }, "the partitions are split two and two");

        // An eager rebalance would revoke all four from the first consumer before handing two back.
        Assert.Equal(2, fewest);
        Assert.Empty(a.Partitions.Intersect(b.Partitions));
    }
}

