namespace Personalization.Contract;

/// <summary>The contract's known fields; bit flags so duplicates and missing fields are one mask test.</summary>
[Flags]
internal enum Field
{
    Unknown = 0,
    EventId = 1,
    UserId = 2,
    ItemId = 4,
    Type = 8,
    Timestamp = 16,
    SessionId = 32,
    Price = 64,
    Quantity = 128,
    Required = EventId | UserId | ItemId | Type | Timestamp,
}
