using Personalization.Model.Data;

namespace Personalization.Model.Intent;

/// <summary>Something that predicts, after every event of a session, whether the session goes on to a purchase.</summary>
public interface IIntentPredictor
{
    string Name { get; }

    /// <summary>A fresh session, advanced one event at a time (never re-running the history).</summary>
    IIntentSession StartSession();
}

/// <summary>One session in progress for an <see cref="IIntentPredictor"/>. Not thread-safe.</summary>
public interface IIntentSession
{
    /// <summary>Applies one event and returns P(purchase later in this session).</summary>
    double Advance(SessionEvent e);
}
