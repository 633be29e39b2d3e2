using Personalization.Model.Data;
using Personalization.Trainer.Data;
using Personalization.Model.Evaluation;
using Xunit;

namespace Personalization.Model.Tests.Trainer.Data;

public class SplitTests
{
    private const long Day = 86_400_000;

    private static SessionRecord Session(string id, long day, params string[] items) =>
        new(id, null, [.. items.Select((item, i) => new SessionEvent(item, 0, day * Day + i * 1000))]);

    [Fact]
    public void Time_split_puts_the_last_days_in_test_and_the_days_before_in_validation()
    {
        var sessions = new[]
        {
            Session("old", 0, "a", "b", "c"),
            Session("single", 1, "a"),
            Session("valid", 8, "a", "b"),
            Session("test", 10, "a", "b"),
        };

        var split = TimeSplit.Split(sessions, testDays: 1, validationDays: 2);

        Assert.Equal(["old"], split.Train.Select(s => s.SessionId));
        Assert.Equal(["valid"], split.Validation.Select(s => s.SessionId));
        Assert.Equal(["old", "valid"], split.Fit.Select(s => s.SessionId));
        Assert.Equal(["test"], split.Test.Select(s => s.SessionId));
        Assert.Equal(TargetPositions.EveryPosition, split.Targets);
    }

    [Fact]
    public void Time_split_drops_unseen_test_items_and_sessions_left_shorter_than_two()
    {
        var sessions = new[]
        {
            Session("train", 0, "a", "b", "c"),
            Session("t1", 10, "a", "new", "c"),
            Session("t2", 10, "a", "new"),
        };

        var split = TimeSplit.Split(sessions, testDays: 1, validationDays: 0);

        Assert.Equal(["a", "c"], split.Test.Single().Events.Select(e => e.ItemId));
        Assert.Equal(["a", "b", "c"], split.Items.Ids);
        Assert.False(split.Items.TryGetIndex("new", out _));
        Assert.Equal(1, split.Predictions(split.Test));
    }

    [Fact]
    public void Leave_last_out_holds_out_the_last_item_for_test_and_the_one_before_for_validation()
    {
        var sequences = new[]
        {
            Session("u1", 0, "a", "b", "a", "b"),
            Session("u2", 0, "b", "a", "b"),
            Session("u3", 0, "a", "b"),
        };

        var split = LeaveLastOutSplit.Split(sequences);

        Assert.Equal(["u1:a,b", "u3:a,b"], split.Train.Select(Items));
        Assert.Equal(["u1:a,b,a", "u2:b,a"], split.Validation.Select(Items));
        Assert.Equal(["u1:a,b,a", "u2:b,a", "u3:a,b"], split.Fit.Select(Items));
        Assert.Equal(["u1:a,b,a,b", "u2:b,a,b"], split.Test.Select(Items));
        Assert.Equal(TargetPositions.LastOnly, split.Targets);
    }

    [Fact]
    public void Leave_last_out_with_a_validation_share_trains_the_other_users_up_to_their_test_item()
    {
        var sequences = Enumerable.Range(0, 400)
            .Select(u => Session($"user-{u}", 0, "a", "b", "c", "d", "a"))
            .ToArray();

        var split = LeaveLastOutSplit.Split(sequences, validationShare: 0.25);
        var again = LeaveLastOutSplit.Split(sequences, validationShare: 0.25);

        var validationUsers = split.Validation.Select(s => s.SessionId).ToHashSet();
        Assert.InRange(validationUsers.Count, 60, 140); // about a quarter, chosen by a stable hash
        Assert.Equal(validationUsers, again.Validation.Select(s => s.SessionId).ToHashSet());
        foreach (var train in split.Train)
            Assert.Equal(validationUsers.Contains(train.SessionId) ? "a,b,c" : "a,b,c,d",
                string.Join(",", train.Events.Select(e => e.ItemId)));
        Assert.All(split.Validation, v => Assert.Equal("a,b,c,d", string.Join(",", v.Events.Select(e => e.ItemId))));
        Assert.Equal(400, split.Test.Count);
        Assert.Throws<ArgumentOutOfRangeException>(() => LeaveLastOutSplit.Split(sequences, validationShare: 0));
    }

    [Fact]
    public void Leave_last_out_drops_targets_never_seen_before_them()
    {
        var sequences = new[]
        {
            Session("u1", 0, "a", "b", "c", "only-at-the-end"),
            Session("u2", 0, "b", "c", "a", "b"),
        };

        var split = LeaveLastOutSplit.Split(sequences);

        Assert.Equal(["u2"], split.Test.Select(s => s.SessionId));
        Assert.False(split.Items.TryGetIndex("only-at-the-end", out _));
        Assert.Equal(["u2"], split.Validation.Where(s => s.Events[^1].ItemId == "a").Select(s => s.SessionId));
        Assert.Equal(1, split.Predictions(split.Test));
    }

    private static string Items(SessionRecord s) => $"{s.SessionId}:{string.Join(",", s.Events.Select(e => e.ItemId))}";
}
