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
        // In the request's language, like every other problem the API answers; the exception has left the
        // localization middleware's scope, so its choice is taken from the request again.
        if (context.Features.Get<Microsoft.AspNetCore.Localization.IRequestCultureFeature>()?.RequestCulture is { } chosen)
        {
            System.Globalization.CultureInfo.CurrentCulture = chosen.Culture;
            System.Globalization.CultureInfo.CurrentUICulture = chosen.UICulture;
        }

        var t = OutcomeAdapters.Localizer(context);
        IResult result;
        if (exception is BadHttpRequestException bad)
        {
            var (field, error) = Describe(bad);
            var message = error.Localize(t);
            result = TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { [field] = [message] }, detail: message, title: t["Die Anfrage konnte nicht gelesen werden."]);
            if (bad.StatusCode != StatusCodes.Status400BadRequest)
            {
                result = TypedResults.Problem(detail: message, statusCode: bad.StatusCode, title: t["Die Anfrage konnte nicht gelesen werden."]);
            }
        }
        else if (exception.IsUniqueViolation())
        {
            // Two requests inserted the same key at once; the other one won. A conflict, not a server fault.
            logger.LogWarning("Concurrent insert of the same key in API request {Path}", context.Request.Path);
            result = TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict, title: t["Eine andere Anfrage hat im selben Moment denselben Eintrag gespeichert."],
                detail: t["Lesen Sie den aktuellen Stand erneut und entscheiden Sie, ob Ihre Änderung noch nötig ist."]);
        }
        else
        {
            logger.LogError(exception, "Unhandled error in API request {Path}", context.Request.Path);
            result = TypedResults.Problem(statusCode: StatusCodes.Status500InternalServerError, title: t["Ein unerwarteter Fehler ist aufgetreten."]);
        }

        await result.ExecuteAsync(context);
        return true;
    }

    private static (string Field, FieldError Message) Describe(BadHttpRequestException bad)
    {
        if (bad.InnerException is JsonException json)
        {
            var field = JsonPathToField(json.Path);
            return (field, field == "body"
                ? new FieldError(field, "Der Inhalt der Anfrage ist kein gültiges JSON.")
                : new FieldError(field, "Der Wert von „{0}“ fehlt, hat den falschen Typ oder ist kein gültiges JSON.", field));
        }

        // Minimal APIs name the parameter: "Required parameter \"int seats\" was not provided from ...".
        var quoted = bad.Message.Split('"');
        var parameter = quoted.Length >= 3 ? quoted[1].Split(' ').Last() : "body";
        // Otherwise the framework's own (English) text, which names the parameter.
        return (parameter, bad.Message.Contains("body", StringComparison.OrdinalIgnoreCase) && bad.Message.Contains("Content-Type", StringComparison.Ordinal)
            ? new FieldError(parameter, "Senden Sie den Inhalt der Anfrage als JSON (Content-Type: application/json).")
            : new FieldError(parameter, "{0}", bad.Message));
    }

    private static string JsonPathToField(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "body" : path.TrimStart('$').TrimStart('.');
}
