namespace Personalization.Contract;

/// <summary>The stable codes of <see cref="ClickEventRejection"/>.</summary>
public static class ClickEventRejections
{
    /// <summary>The stable snake_case code of a rejection, e.g. <c>missing_field</c>.</summary>
    public static string Code(this ClickEventRejection rejection) => rejection switch
    {
        ClickEventRejection.None => "none",
        ClickEventRejection.NotJson => "not_json",
        ClickEventRejection.NotAnObject => "not_an_object",
        ClickEventRejection.Oversized => "oversized",
        ClickEventRejection.MissingField => "missing_field",
        ClickEventRejection.WrongType => "wrong_type",
        ClickEventRejection.DuplicateField => "duplicate_field",
        ClickEventRejection.UnknownType => "unknown_type",
        ClickEventRejection.EmptyId => "empty_id",
        ClickEventRejection.IdTooLong => "id_too_long",
        ClickEventRejection.InvalidTimestamp => "invalid_timestamp",
        ClickEventRejection.TimestampOutOfRange => "timestamp_out_of_range",
        ClickEventRejection.NegativeAmount => "negative_amount",
        ClickEventRejection.KeyMismatch => "key_mismatch",
        _ => rejection.ToString(),
    };
}
