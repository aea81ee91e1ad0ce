using Microsoft.AspNetCore.Http.HttpResults;

namespace Masterplan.Web.Shared;

/// <summary>The problem details (RFC 9457) that the write APIs share, in the request's language: invalid fields and a stale version.</summary>
public static class ApiProblems
{
    /// <summary>400 with the message per field, field names in camelCase as in the JSON body.</summary>
    public static ValidationProblem Invalid(HttpContext http, Outcome outcome, string titleKey) => OutcomeAdapters.Invalid(http, outcome, titleKey);

    /// <summary>409 when the client's version is no longer the stored one; the current version is in <c>currentVersion</c>.</summary>
    public static ProblemHttpResult StaleVersion(HttpContext http, string titleKey, int? clientVersion, int currentVersion) =>
        OutcomeAdapters.Problem(http, StatusCodes.Status409Conflict, titleKey,
            new FieldError("", "Version {0} ist nicht mehr aktuell; aktuell ist Version {1}. Lesen Sie den Eintrag erneut und wenden Sie Ihre Änderung darauf an.", clientVersion?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "–", currentVersion),
            new Dictionary<string, object?> { ["currentVersion"] = currentVersion });
}
