using Personalization.Trainer.Network;
using Xunit;
using static TorchSharp.torch;

namespace Personalization.Model.Tests.Trainer.Network;

public sealed class TorchRuntimeTests
{
    [Fact]
    public void TorchSharp_loads_its_native_library_and_computes()
    {
        TorchRuntime.Configure(threads: 1);

        using var a = tensor(new float[] { 1, 2, 3, 4 }, 2, 2);
        using var b = tensor(new float[] { 5, 6, 7, 8 }, 2, 2);
        using var product = a.matmul(b);

        Assert.Equal(new float[] { 19, 22, 43, 50 }, product.data<float>().ToArray());
    }

    [Fact]
    public void Native_code_sees_one_OpenMP_thread_unless_the_process_environment_chose_otherwise()
    {
        var before = Environment.GetEnvironmentVariable("OMP_NUM_THREADS");
        TorchRuntime.Configure(threads: 1);

        Assert.Equal(string.IsNullOrEmpty(before) ? "1" : before, TorchRuntime.NativeEnvironment("OMP_NUM_THREADS"));
    }

    [Fact]
    public void Training_threads_flush_denormal_results_to_zero_in_libtorch()
    {
        var (set, flushed) = (false, float.NaN);
        // A thread of its own: the flag is per thread (threads inherit it from the thread that starts them).
        var thread = new Thread(() =>
        {
            TorchRuntime.Configure(threads: 1);
            set = TorchRuntime.FlushDenormalsToZero();
            using var tiny = tensor(new[] { 1e-30f });
            using var product = tiny * 1e-10f; // 1e-40 is a denormal float: zero once flushed
            flushed = product.item<float>();
        });
        thread.Start();
        thread.Join();

        Assert.True(set);
        Assert.Equal(0f, flushed);
    }
}
