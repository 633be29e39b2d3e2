using Confluent.Kafka;
using ErrorCode = Confluent.Kafka.ErrorCode;

namespace Personalization.Ingestion.Consuming;

/// <summary>Produce failures that sending the same message again cannot fix. Everything else (broker unreachable,
/// leader moving, timeouts, a full queue) is a state of the cluster that passes.</summary>
internal static class PermanentProduceErrors
{
    private static readonly HashSet<ErrorCode> Codes =
    [
        ErrorCode.MsgSizeTooLarge, ErrorCode.RecordListTooLarge,
        ErrorCode.InvalidMsg, ErrorCode.InvalidMsgSize, ErrorCode.InvalidRecord, ErrorCode.PolicyViolation,
        ErrorCode.TopicAuthorizationFailed, ErrorCode.ClusterAuthorizationFailed, ErrorCode.TopicException,
        ErrorCode.Local_BadMsg, ErrorCode.Local_InvalidArg, ErrorCode.Local_Fatal, ErrorCode.Local_Fail,
        ErrorCode.UnsupportedVersion, ErrorCode.UnsupportedForMessageFormat,
    ];

    public static bool IsPermanent(Error error) => error.IsFatal || Codes.Contains(error.Code);
}
