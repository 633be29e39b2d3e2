using System.Buffers;
using System.Runtime.InteropServices;
using Personalization.Model;
using Personalization.Model.Inference;

namespace Personalization.Grains.Sessions;

/// <summary>The session's last hidden states, kept as float32 bytes in <see cref="UserSessionState.HiddenStates"/>.</summary>
internal static class HiddenStateWindow
{
    public static int Rows(byte[] states, int hiddenSize) => states.Length / (hiddenSize * sizeof(float));

    public static ReadOnlySpan<float> Current(byte[] states, int hiddenSize)
    {
        var all = MemoryMarshal.Cast<byte, float>(states);
        return all.Length < hiddenSize ? [] : all[^hiddenSize..];
    }

    /// <summary>Advances the current state by exactly one GRU step and appends the result, keeping at most
    /// <paramref name="window"/> rows. Returns the (possibly reused) byte array.</summary>
    public static byte[] Step(byte[] states, ISessionModel model, int item, int eventType, int window)
    {
        var hidden = model.HiddenSize;
        var rowBytes = hidden * sizeof(float);
        var scratch = ArrayPool<float>.Shared.Rent(hidden);
        try
        {
            var next = scratch.AsSpan(0, hidden);
            model.Step(Current(states, hidden), item, EventTypeFor(model, eventType), next);
            var rows = Rows(states, hidden);
            byte[] target;
            if (rows < window)
            {
                target = new byte[(rows + 1) * rowBytes];
                states.AsSpan(0, rows * rowBytes).CopyTo(target);
            }
            else
            {
                // Window full: drop the oldest rows in place (rows > window only after the model's window shrank).
                target = rows == window ? states : new byte[window * rowBytes];
                states.AsSpan((rows - window + 1) * rowBytes, (window - 1) * rowBytes).CopyTo(target);
            }
            MemoryMarshal.AsBytes(next).CopyTo(target.AsSpan(target.Length - rowBytes));
            return target;
        }
        finally
        {
            ArrayPool<float>.Shared.Return(scratch);
        }
    }

    // A kind of event the model was not trained with (e.g. a model trained on views only) steps as a view, the
    // neutral event, instead of failing the user's whole batch.
    private static int EventTypeFor(ISessionModel model, int eventType) =>
        model is SessionModel trained && eventType >= trained.EventTypes ? 0 : eventType;

    public static float[] ToFloats(byte[] states) => MemoryMarshal.Cast<byte, float>(states).ToArray();
}
