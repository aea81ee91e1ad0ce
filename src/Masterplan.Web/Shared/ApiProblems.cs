using Microsoft.AspNetCore.Http.HttpResults;

namespace Masterplan.Web.Shared;

/// <summary>The problem details (RFC 9457) that the write APIs share: invalid fields and a stale version.</summary>
public static class ApiProblems
{
    /// <summary>400 with the German message per field, field names in camelCase as in the JSON body.</summary>
    public static ValidationProblem Invalid(IReadOnlyDictionary<string, string> errors, string title) =>
        TypedResults.ValidationProblem(
            errors.ToDictionary(e => char.ToLowerInvariant(e.Key[0]) + e.Key[1..], e => new[] { e.Value }),
            detail: string.Join(" ", errors.Values), title: title);

    /// <summary>409 when the client's version is no longer the stored one; the current version is in <c>currentVersion</c>.</summary>
    public static ProblemHttpResult StaleVersion(string what, int? clientVersion, int currentVersion) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status409Conflict, title: $"The {what} was changed in the meantime.",
            detail: $"Version {clientVersion} is no longer current; the current version is {currentVersion}. Read the {what} again and apply your change to it.",
            extensions: new Dictionary<string, object?> { ["currentVersion"] = currentVersion });
}
