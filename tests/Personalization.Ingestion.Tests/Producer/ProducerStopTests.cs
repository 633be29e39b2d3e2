using System.Diagnostics;
using Personalization.Ingestion.Tests.Kafka;

namespace Personalization.Ingestion.Tests.Producer;

[Collection(KafkaCollection.Name)]
public sealed class ProducerStopTests
{
    [Fact]
    public async Task Sigterm_stops_the_producer_within_two_seconds_when_the_broker_is_gone_and_reports_the_undelivered()
    {
        var bootstrap = "127.0.0.1:" + ClosedPort();
        using var process = Process.Start(new ProcessStartInfo("dotnet",
            [Path.Combine(AppContext.BaseDirectory, "pz-produce.dll"), "--bootstrap", bootstrap, "--synthetic", "--rate", "500"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = new System.Text.StringBuilder();
        try
        {
            // Stopped once it is sending (a loaded machine can take seconds to start the synthetic shop).
            while (await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30)) is { } line)
            {
                stdout.AppendLine(line);
                if (System.Text.RegularExpressions.Regex.IsMatch(line, @"^sent [1-9]")) break;
            }
            var rest = process.StandardOutput.ReadToEndAsync();
            var clock = Stopwatch.StartNew();
            Assert.Equal(0, Signals.Terminate(process.Id));
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(15));
            clock.Stop();

            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2.5), $"stopped after {clock.Elapsed.TotalSeconds:F1} s");
            Assert.Equal(1, process.ExitCode);
            Assert.Matches(@"stopped: [1-9]\d* events were not acknowledged", await stderr);
            Assert.Contains("stopped: sent", stdout.Append(await rest).ToString());
        }
        finally
        {
            if (!process.HasExited) process.Kill();
        }
    }

    // A port nothing listens on: bound and released.
    private static int ClosedPort()
    {
        using var socket = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        socket.Start();
        return ((System.Net.IPEndPoint)socket.LocalEndpoint).Port;
    }
}
