using System.Runtime.InteropServices;
using Personalization.Model.Inference;
using Personalization.Model.Tests.Trainer.Network;
using Personalization.Trainer.Network;
using Xunit;

namespace Personalization.Model.Tests.Inference;

/// <summary>The window a user grain keeps: the last hidden states in order, stepped in a buffer that stops growing
/// once the window is full.</summary>
[Collection(TorchRandomCollection.Name)]
public sealed class HiddenStateWindowTests
{
    private const int Items = 40, Window = 5;

    [Fact]
    public void A_full_window_steps_in_its_own_buffer_and_holds_the_last_states_oldest_first()
    {
        var model = Model();
        var (items, types) = NetworkTestData.Session(Items, 12, seed: 3);
        var window = new HiddenStateWindow();
        var expected = new List<float[]>();
        byte[]? full = null;
        for (var t = 0; t < items.Length; t++)
        {
            var next = new float[model.HiddenSize];
            var type = types[t] < model.EventTypes ? (int)types[t] : 0;
            model.Step(expected.Count == 0 ? [] : expected[^1], (int)items[t], type, next);
            expected.Add(next);
            Assert.True(window.Advance(model, (int)items[t], (int)types[t]));
            if (t + 1 == Window) full = window.Buffer;
            if (t + 1 > Window) Assert.Same(full, window.Buffer);
            Assert.Equal(expected.TakeLast(Window).SelectMany(s => s), window.Floats.ToArray());
        }
        Assert.Equal(Window * model.HiddenSize * sizeof(float), window.States.Length);
    }

    [Fact]
    public void A_short_window_stores_exactly_its_rows_while_its_buffer_has_room_for_the_next()
    {
        var model = Model();
        var window = new HiddenStateWindow();

        window.Advance(model, 1, 0);

        var row = model.HiddenSize * sizeof(float);
        Assert.Equal(row, window.States.Length);
        Assert.Equal(row, window.Length);
        Assert.True(window.Buffer.Length >= 2 * row);
        Assert.Equal(window.Floats.ToArray(), MemoryMarshal.Cast<byte, float>(window.States).ToArray());
    }

    [Fact]
    public void States_read_back_from_storage_longer_than_the_window_keep_the_newest_rows()
    {
        // A model whose window shrank since the states were stored: stepping keeps the newest Window - 1 of them.
        var model = Model();
        var row = model.HiddenSize * sizeof(float);
        var stored = new byte[(Window + 2) * row];
        var floats = MemoryMarshal.Cast<byte, float>(stored.AsSpan());
        for (var i = 0; i < floats.Length; i++) floats[i] = i * 1e-3f;
        var next = new float[model.HiddenSize];
        model.Step(floats[^model.HiddenSize..], 3, 0, next);
        var newest = floats[(3 * model.HiddenSize)..].ToArray();
        var window = new HiddenStateWindow(stored, lastItem: 2);

        window.Advance(model, 3, 0);

        Assert.Equal(newest.Concat(next), window.Floats.ToArray());
        Assert.Equal(3, window.LastItem);
    }

    private static SessionModel Model()
    {
        using var network = NetworkTestData.Network(Items, Window, seed: 9);
        return SessionModel.FromArtifact(network.ToArtifact(NetworkTestData.ItemIds(Items)));
    }
}
