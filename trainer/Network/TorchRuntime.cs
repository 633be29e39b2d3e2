using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using static TorchSharp.torch;

namespace Personalization.Trainer.Network;

/// <summary>Prepares libtorch's native environment before its first use in this process.</summary>
public static class TorchRuntime
{
    private static readonly Lock Gate = new();
    private static bool _configured;

    /// <summary>Sets the native <c>OMP_NUM_THREADS</c> (unless the process already has one) before libtorch loads,
    /// then the intra-op thread count. Call before any other TorchSharp use; later calls only change the thread
    /// count. <paramref name="threads"/> ≤ 0 keeps libtorch's choice.</summary>
    public static void Configure(int threads = 1)
    {
        lock (Gate)
        {
            if (!_configured)
            {
                // Environment.SetEnvironmentVariable only changes the managed copy on Unix; OpenMP reads the
                // C environment once, when libgomp loads with libtorch.
                if (string.IsNullOrEmpty(NativeEnvironment("OMP_NUM_THREADS")))
                    SetNativeEnvironment("OMP_NUM_THREADS", Math.Max(1, threads).ToString());
                _configured = true;
            }
            SetThreads(threads);
        }
    }

    /// <summary>The variable as native code sees it (libc <c>getenv</c>).</summary>
    public static string? NativeEnvironment(string name) =>
        OperatingSystem.IsWindows() ? Environment.GetEnvironmentVariable(name) : Marshal.PtrToStringUTF8(getenv(name));

    private static void SetNativeEnvironment(string name, string value)
    {
        if (OperatingSystem.IsWindows()) Environment.SetEnvironmentVariable(name, value);
        else if (setenv(name, value, 1) != 0) throw new InvalidOperationException($"setenv({name}) failed.");
    }

    // Kept out of line so that touching TorchSharp (which loads libtorch) happens only after setenv.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void SetThreads(int threads)
    {
        if (threads > 0) set_num_threads(threads);
    }

    // DllImport rather than LibraryImport: the generated stubs need unsafe code, which this project does not enable.
    [DllImport("libc", CharSet = CharSet.Ansi)]
    private static extern nint getenv(string name);

    [DllImport("libc", CharSet = CharSet.Ansi)]
    private static extern int setenv(string name, string value, int overwrite);
}
