namespace Personalization.Api.Orleans;

/// <summary>The cluster did not answer within the request's deadline, retries included.</summary>
public sealed class ClusterUnavailableException(string message, Exception? innerException)
    : Exception(message, innerException);
