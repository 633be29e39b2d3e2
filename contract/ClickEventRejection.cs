namespace Personalization.Contract;

/// <summary>Why a record is not a valid clickstream event. The snake_case names (<see cref="ClickEventRejections.Code"/>)
/// are what the dead-letter topic's <c>reason</c> header and the metrics carry: keep them stable.</summary>
public enum ClickEventRejection
{
    /// <summary>Not rejected.</summary>
    None = 0,
    /// <summary>The value is not well-formed UTF-8 JSON (or is empty).</summary>
    NotJson,
    /// <summary>The JSON is not an object.</summary>
    NotAnObject,
    /// <summary>The value is larger than the configured maximum.</summary>
    Oversized,
    /// <summary>A required field is absent.</summary>
    MissingField,
    /// <summary>A field has the wrong JSON type (e.g. a number where a string id is required).</summary>
    WrongType,
    /// <summary>A known field appears twice.</summary>
    DuplicateField,
    /// <summary><c>type</c> is not one of the known event kinds.</summary>
    UnknownType,
    /// <summary>An id is empty or whitespace.</summary>
    EmptyId,
    /// <summary>An id is longer than the configured maximum.</summary>
    IdTooLong,
    /// <summary>The timestamp is not ISO-8601 or epoch milliseconds.</summary>
    InvalidTimestamp,
    /// <summary>The timestamp is before the configured earliest time or too far in the future.</summary>
    TimestampOutOfRange,
    /// <summary>A negative price or quantity.</summary>
    NegativeAmount,
    /// <summary>The Kafka message key is missing or differs from <c>userId</c> (ordering per user needs key = userId).</summary>
    KeyMismatch,
}
