using System.Diagnostics;

namespace Personalization.Benchmarks.Chaos;

/// <summary>The faults, done the way an operator's bad day does them: kill -9, a frozen Redis, a dead broker.</summary>
internal static class Faults
{
    /// <summary>SIGKILL: no shutdown, no leaving the consumer group, no flushing.</summary>
    public static int KillSilo(string pidFile)
    {
        var pid = int.Parse(File.ReadAllText(pidFile).Trim());
        Process.GetProcessById(pid).Kill();
        return pid;
    }

    /// <summary>Redis stops answering for <paramref name="duration"/>: SIGSTOP, then SIGCONT. Its connections stay
    /// open and nothing is refused, so clients see timeouts, the hardest kind of outage to notice.</summary>
    public static async Task PauseRedisAsync(int redisPid, TimeSpan duration)
    {
        await RunAsync("kill", $"-STOP {redisPid}");
        try { await Task.Delay(duration); }
        finally { await RunAsync("kill", $"-CONT {redisPid}"); }
    }

    /// <summary>Every broker of the embedded mock cluster goes down (SIGUSR1) or comes back (SIGUSR2).</summary>
    public static Task SetBrokersAsync(int kafkaPid, bool up) => RunAsync("kill", $"-{(up ? "USR2" : "USR1")} {kafkaPid}");

    private static async Task RunAsync(string file, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })
            ?? throw new InvalidOperationException($"{file} did not start");
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{file} {arguments}: exit {process.ExitCode}: {await process.StandardError.ReadToEndAsync()}");
    }
}
