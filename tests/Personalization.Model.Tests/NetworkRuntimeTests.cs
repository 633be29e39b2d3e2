using Personalization.Trainer.Network;
using Xunit;
using static TorchSharp.torch;

namespace Personalization.Model.Tests;

public sealed class NetworkRuntimeTests
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
}
