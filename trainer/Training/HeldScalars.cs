using TorchSharp;

namespace Personalization.Trainer.Training;

/// <summary>Constants passed to libtorch, held for the process's lifetime: an implicitly converted temporary
/// <see cref="Scalar"/> can be freed by the finalizer while libtorch still reads it (see <see cref="AdamOptimizer"/>).
/// A class of its own so that creating them (which loads libtorch) waits until training touches them, after
/// <c>TorchRuntime.Configure</c> has set the native environment.</summary>
internal static class HeldScalars
{
    public static readonly Scalar MinusInfinity = float.NegativeInfinity.ToScalar();
    public static readonly Scalar NotANumber = float.NaN.ToScalar();
    public static readonly Scalar One = 1L.ToScalar();
    public static readonly Scalar Zero = 0L.ToScalar();
}
