using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using static TorchSharp.torch;

namespace Personalization.Trainer.Network;

/// <summary>Prepares libtorch's native environment before its first use in this process.</summary>
public static class TorchRuntime
{
    private static readonly Lock Gate = new();
    private static bool _configured;

    /// <summary>Held by every training run: libtorch's random generator and thread count are process-wide, so one
    /// training at a time keeps seeds meaningful.</summary>
    public static Lock TrainingGate { get; } = new();

    /// <summary>Sets the native <c>OMP_NUM_THREADS</c> and <c>OMP_WAIT_POLICY=PASSIVE</c> (each unless the process
    /// already has one) and glibc's malloc settings (<see cref="KeepFreedMemory"/>) before libtorch loads, then the
    /// intra-op thread count. Call before any other TorchSharp use; later calls only change the thread
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
                // OpenMP's default makes idle workers spin between parallel regions; on a shared 2-core machine a
                // spinning worker takes the core the working thread needs. Diginetica, 2 threads: 71 s (71 s user)
                // with spinning, 16 s passive, the same as 1 thread.
                if (string.IsNullOrEmpty(NativeEnvironment("OMP_WAIT_POLICY")))
                    SetNativeEnvironment("OMP_WAIT_POLICY", "PASSIVE");
                KeepFreedMemory();
                _configured = true;
            }
            SetThreads(threads);
        }
        FlushDenormalsToZero();
    }

    /// <summary>Sets the SSE flush-to-zero and denormals-are-zero flags on the calling thread (threads it starts
    /// later inherit them). Adam's moment estimates for the many items absent from a batch decay geometrically
    /// through the denormal range, where every x86 operation costs ~100× more: without this, the first epoch on a
    /// 23k-item catalog sometimes ran 4–40× slower than the rest. Numbers that small are zero for training. Returns whether
    /// the flags are set (only x86-64 Linux is supported; elsewhere nothing changes).</summary>
    public static bool FlushDenormalsToZero()
    {
        if (!OperatingSystem.IsLinux() || RuntimeInformation.ProcessArchitecture != Architecture.X64) return false;
        // glibc's x86-64 fenv_t is 32 bytes with the MXCSR in its last four.
        var environment = new byte[32];
        if (fegetenv(environment) != 0) return false;
        const uint FlushToZero = 1 << 15, DenormalsAreZero = 1 << 6;
        var mxcsr = BitConverter.ToUInt32(environment, 28) | FlushToZero | DenormalsAreZero;
        BitConverter.TryWriteBytes(environment.AsSpan(28), mxcsr);
        return fesetenv(environment) == 0;
    }

    /// <summary>Makes glibc's malloc serve every block from its heap and keep freed memory for reuse. A full-softmax
    /// batch allocates several [positions × catalog] float tensors (about 90 MB each on Video Games); glibc gives
    /// blocks above its mmap threshold (at most 32 MB) their own mapping and unmaps them on free, so every batch
    /// faulted in fresh zeroed pages: 24.5 million page faults and 86 s of system time in one 212 s epoch. Trimming
    /// is off altogether (-1), not just set high: a batch of 64 sequences of 50 events over 23k items takes more
    /// than 1 GiB at its peak, and a 1 GiB threshold still gave that back and faulted it in again (2.6 million
    /// faults, 27 s of system time in a 102 s epoch). Costs a higher working set (the heap keeps its high-water
    /// mark). Returns whether the settings took effect (Linux with glibc only).</summary>
    public static bool KeepFreedMemory()
    {
        if (!OperatingSystem.IsLinux()) return false;
        const int TrimThreshold = -1, MmapMax = -4;
        try { return mallopt(MmapMax, 0) == 1 & mallopt(TrimThreshold, -1) == 1; }
        catch (EntryPointNotFoundException) { return false; } // not glibc (musl has no mallopt)
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

    [DllImport("libc")]
    private static extern int mallopt(int parameter, int value);

    [DllImport("libm.so.6")]
    private static extern int fegetenv(byte[] environment);

    [DllImport("libm.so.6")]
    private static extern int fesetenv(byte[] environment);
}
