using Microsoft.AspNetCore.Diagnostics;

namespace Personalization.Api.Endpoints;

/// <summary>Turns request-binding failures (e.g. <c>count=abc</c>) into problem details that say what was wrong;
/// minimal APIs otherwise answer them with a bare 400.</summary>
public sealed class BadRequestExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception,
        CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException badRequest) return false;
        httpContext.Response.StatusCode = badRequest.StatusCode;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = { Status = badRequest.StatusCode, Title = "Bad request", Detail = badRequest.Message },
        });
    }
}
