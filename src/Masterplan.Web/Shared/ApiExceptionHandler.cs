using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;

namespace Masterplan.Web.Shared;

/// <summary>
/// Turns failures inside the JSON API into RFC 9457 problem details: unreadable JSON becomes a 400 that
/// names the offending field; a unique key taken by a concurrent request a 409; anything unexpected a 500 without internals. Pages fall through to the German error page.
/// </summary>
internal sealed class ApiExceptionHandler(ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        // By now the middleware has pointed the request at the error page; decide by the original path.
        var originalPath = context.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? context.Request.Path.Value;
        if (originalPath is null || !originalPath.StartsWith("/api/", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        // Written directly, not through content negotiation: an API client always gets problem details.
        IResult result;
        if (exception is BadHttpRequestException bad)
        {
            var (field, message) = Describe(bad);
            result = TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { [field] = [message] }, detail: message, title: "The request could not be read.");
            if (bad.StatusCode != StatusCodes.Status400BadRequest)
            {
                result = TypedResults.Problem(detail: message, statusCode: bad.StatusCode, title: "The request could not be read.");
            }
        }
        else if (exception.IsUniqueViolation())
        {
            // Two requests inserted the same key at once; the other one won. A conflict, not a server fault.
            logger.LogWarning("Concurrent insert of the same key in API request {Path}", context.Request.Path);
            result = TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict, title: "Another request saved the same entry at the same moment.",
                detail: "Read the current state again and decide whether your change is still needed.");
        }
        else
        {
            logger.LogError(exception, "Unhandled error in API request {Path}", context.Request.Path);
            result = TypedResults.Problem(statusCode: StatusCodes.Status500InternalServerError, title: "An unexpected error occurred.");
        }

        await result.ExecuteAsync(context);
        return true;
    }

    private static (string Field, string Message) Describe(BadHttpRequestException bad)
    {
        if (bad.InnerException is JsonException json)
        {
            var field = JsonPathToField(json.Path);
            return (field, field == "body"
                ? "The request body is not valid JSON."
                : $"The value of '{field}' is missing, has the wrong type or is not valid JSON.");
        }

        // Minimal APIs name the parameter: "Required parameter \"int seats\" was not provided from ...".
        var quoted = bad.Message.Split('"');
        var parameter = quoted.Length >= 3 ? quoted[1].Split(' ').Last() : "body";
        return (parameter, bad.Message.Contains("body", StringComparison.OrdinalIgnoreCase) && bad.Message.Contains("Content-Type", StringComparison.Ordinal)
            ? "Send the request body as JSON (Content-Type: application/json)."
            : bad.Message);
    }

    private static string JsonPathToField(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "body" : path.TrimStart('$').TrimStart('.');
}
