using System.Runtime.InteropServices;

namespace Personalization.Ingestion.Tests.Producer;

internal static class Signals
{
    private const int SigTerm = 15;

    /// <summary>Sends SIGTERM, as a process supervisor or run.sh would (Process.Kill sends SIGKILL).</summary>
    public static int Terminate(int pid) => kill(pid, SigTerm);

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int sig);
}
