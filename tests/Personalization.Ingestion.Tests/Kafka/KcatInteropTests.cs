using System.Diagnostics;
using Personalization.Contract;
using Personalization.Testing;

namespace Personalization.Ingestion.Tests.Kafka;

/// <summary>An independent Kafka client (kcat, from Debian; scripts/test.sh installs it) talks to the embedded
/// cluster and to our consumer, so the mock is not merely compatible with itself.</summary>
[Collection(KafkaCollection.Name)]
public sealed class KcatInteropTests(MockKafkaFixture kafka)
{
    private static async Task<string> KcatAsync(string input, params string[] args)
    {
        var start = new ProcessStartInfo("kcat", args) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            Assert.Fail("kcat is not installed: apt-get install -y kcat (scripts/test.sh does this)");
            throw;
        }
        using (process)
        {
            await process.StandardInput.WriteAsync(input);
            process.StandardInput.Close();
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(20));
            Assert.True(process.ExitCode == 0, $"kcat {string.Join(' ', args)} failed: {await errors}");
            return await output;
        }
    }

    [Fact]
    public async Task Events_produced_by_kcat_are_applied_by_the_consumer_in_order()
    {
        var options = kafka.NewTopics(partitions: 2);
        var events = Enumerable.Range(0, 3).Select(i => ClickEvents.Numbered("kcat-user", i)).ToList();
        var lines = string.Concat(events.Select(e => $"{e.UserId}|{System.Text.Encoding.UTF8.GetString(ClickEventJson.Serialize(e))}\n"));

        await KcatAsync(lines, "-b", options.BootstrapServers, "-P", "-t", options.Topic, "-K", "|");
        var sink = new RecordingSink();
        await using var consumer = await RunningConsumer.StartAsync(options, sink);
        await Eventually.Until(() => sink.Count == events.Count, "the kcat events are applied");

        Assert.Equal(events, sink.EventsOf("kcat-user").Select(e => e.Event));
    }

    [Fact]
    public async Task Kcat_reads_the_dead_letter_reason_our_consumer_wrote()
    {
        var options = kafka.NewTopics(partitions: 1);
        using var traffic = new ClickstreamTraffic(options);
        await traffic.SendAsync("u1", "{\"eventId\":\"e\"}");
        var sink = new RecordingSink();
        await using (var consumer = await RunningConsumer.StartAsync(options, sink))
            await Eventually.Until(() => kafka.Committed(options, 1)[0] == 1, "the bad record is committed");

        var output = await KcatAsync("", "-b", options.BootstrapServers, "-C", "-t", options.DeadLetterTopic, "-o", "beginning", "-e", "-q",
            "-f", "%k %h\n");

        Assert.StartsWith("u1 ", output);
        Assert.Contains("reason=missing_field: missing userId, itemId, type, timestamp", output);
        Assert.Contains($"original.topic={options.Topic}", output);
    }
}
