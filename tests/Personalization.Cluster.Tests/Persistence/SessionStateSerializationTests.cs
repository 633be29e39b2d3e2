using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Storage;
using Personalization.Cluster.Tests.Fixtures;
using Personalization.Grains.Interfaces;
using Personalization.Grains.Sessions;
using Personalization.Grains.Storage;
using Personalization.Model.Synthetic;
using Xunit.Abstractions;
using Personalization.Contract;
using Personalization.Testing;

namespace Personalization.Cluster.Tests.Persistence;

/// <summary>The stored form of a user session: stable across versions of the code, compact, lossless.</summary>
public sealed class SessionStateSerializationTests(ITestOutputHelper output)
{
    private const string Version1Fixture = "fixtures/user-session-state.v1.bin";

    private static readonly IGrainStorageSerializer Serializer = SessionStorage.CreateSerializer(
        new ServiceCollection().AddSerializer(b => b.AddAssembly(typeof(UserSessionState).Assembly)).BuildServiceProvider());

    [Fact]
    public void A_state_round_trips_exactly()
    {
        var state = Version1Sample();

        var copy = Serializer.Deserialize<UserSessionState>(Serializer.Serialize(state));

        AssertEqual(state, copy);
    }

    [Fact]
    public void Bytes_written_by_format_version_1_still_read()
    {
        // The fixture was written once by the v1 code (PZ_WRITE_STATE_FIXTURE=1 rewrites it); it must keep reading
        // as long as stored sessions of that version may exist.
        var path = Path.Combine(AppContext.BaseDirectory, Version1Fixture);
        if (Environment.GetEnvironmentVariable("PZ_WRITE_STATE_FIXTURE") == "1")
        {
            var source = Path.Combine(AppContext.BaseDirectory, "../../../..", Version1Fixture);
            File.WriteAllBytes(source, Serializer.Serialize(Version1Sample()).ToArray());
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.Copy(source, path, overwrite: true);
        }

        var state = Serializer.Deserialize<UserSessionState>(BinaryData.FromBytes(File.ReadAllBytes(path)));

        AssertEqual(Version1Sample(), state);
    }

    [Fact]
    public void Only_the_hidden_states_in_use_are_stored_not_the_spare_room_of_their_buffer()
    {
        // In memory the states live in a buffer sized for the whole window; two of its four rows are in use.
        var buffer = new byte[4 * 16];
        for (var i = 0; i < buffer.Length; i++) buffer[i] = (byte)(i + 1);
        var state = Version1Sample();
        state.KeepHiddenStates(buffer, 2 * 16);

        var copy = Serializer.Deserialize<UserSessionState>(Serializer.Serialize(state))!;

        Assert.Equal(buffer[..32], copy.HiddenStates);
        Assert.Equal(32, copy.HiddenStateLength);
        Assert.Equal(buffer[..32], state.HiddenStates);
    }

    [Fact]
    public void The_stored_form_names_no_types_so_classes_can_be_renamed()
    {
        var text = Encoding.UTF8.GetString(Serializer.Serialize(Version1Sample()).ToArray());

        Assert.DoesNotContain("UserSessionState", text);
        Assert.DoesNotContain("Personalization", text);
        Assert.DoesNotContain("$type", text);
    }

    [Fact]
    public void A_full_session_with_the_default_model_shape_stores_in_at_most_2_KB()
    {
        var model = TrainedModels.Load(TrainedModels.First);
        var state = new UserSessionState();
        // Every counter filled: categories and prices from a catalog, so the intent sketches and price counters are set.
        var tracker = new SessionTracker("user-123456", state, new SessionOptions(), TimeProvider.System,
            categoryOf: id => $"Toys > Kind {id.Length % 7}", priceOf: id => 10 + id.Length);
        var events = new ClickEvents("user-123456");
        // Longer than every bounded list: 40 events, some bought, all with distinct event ids.
        for (var i = 0; i < 40; i++)
            tracker.Apply(events.Next(SyntheticClickstream.ItemId(100 + i), i % 10 == 9 ? ClickEventType.Purchase : ClickEventType.View), model);
        // What a model with the price-preference head adds (this one has none): the estimate and its spread.
        (state.PriceExpectedLog, state.PriceSpread) = (3.1f, 0.4f);
        Assert.True(state.PricedEvents > 0 && state.ItemSketch != 0 && state.CategorySketch != 0);

        var size = Serializer.Serialize(state).ToArray().Length;
        output.WriteLine($"hidden {model.HiddenSize} x window {model.Window}: {state.HiddenStates.Length} B of states, {size} B stored");

        Assert.Equal(model.Window * model.HiddenSize * sizeof(float), state.HiddenStates.Length);
        Assert.InRange(size, state.HiddenStates.Length, 2048);
    }

    private static UserSessionState Version1Sample() => new()
    {
        SessionId = "web-42",
        ProducerSessionId = "web-42",
        SessionCount = 3,
        StartedAtMs = 1_772_355_600_000,
        LastEventAtMs = 1_772_355_780_000,
        EventsApplied = 4,
        TotalEventsApplied = 57,
        ModelVersion = "gru-attn:20261127T2300-ab12cd34",
        HiddenStates = MemoryMarshal.AsBytes(Enumerable.Range(0, 2 * 8).Select(i => MathF.Sin(i) / 3).ToArray().AsSpan()).ToArray(),
        RecentItems = ["item-1", "item-2", "unknown-9", "item-2"],
        RecentEventTypes = [0, 1, 0, 3],
        PurchasedItems = ["item-2"],
        AppliedOffsets = new() { [0] = 1234, [5] = 99 },
        RecentEventIds = [11, 22, 33, 0],
        RecentEventIdsNext = 3,
    };

    private static void AssertEqual(UserSessionState expected, UserSessionState? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.SessionId, actual.SessionId);
        Assert.Equal(expected.ProducerSessionId, actual.ProducerSessionId);
        Assert.Equal(expected.SessionCount, actual.SessionCount);
        Assert.Equal(expected.StartedAtMs, actual.StartedAtMs);
        Assert.Equal(expected.LastEventAtMs, actual.LastEventAtMs);
        Assert.Equal(expected.EventsApplied, actual.EventsApplied);
        Assert.Equal(expected.TotalEventsApplied, actual.TotalEventsApplied);
        Assert.Equal(expected.ModelVersion, actual.ModelVersion);
        Assert.Equal(expected.HiddenStates, actual.HiddenStates);
        Assert.Equal(expected.RecentItems, actual.RecentItems);
        Assert.Equal(expected.RecentEventTypes, actual.RecentEventTypes);
        Assert.Equal(expected.PurchasedItems, actual.PurchasedItems);
        Assert.Equal(expected.AppliedOffsets, actual.AppliedOffsets);
        Assert.Equal(expected.RecentEventIds, actual.RecentEventIds);
        Assert.Equal(expected.RecentEventIdsNext, actual.RecentEventIdsNext);
    }
}
