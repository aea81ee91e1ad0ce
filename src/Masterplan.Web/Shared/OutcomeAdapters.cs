using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Masterplan.Web.Shared;

/// <summary>
/// Shows an <see cref="Outcome"/>'s field errors where the user is: at the form's fields, or as RFC 9457 problem details
/// with <c>errors</c> per field. Both speak the request's language (the <c>mp-lang</c> cookie or Accept-Language).
/// </summary>
public static class OutcomeAdapters
{
    /// <summary>Adds each message at its field of the page's form; returns whether there was any.</summary>
    public static bool ShowErrors(this PageModel page, IEnumerable<FieldError> errors, Func<string, string>? field = null) =>
        page.ModelState.AddErrors(errors, Localizer(page.HttpContext), field);

    /// <inheritdoc cref="ShowErrors(PageModel, IEnumerable{FieldError}, Func{string, string}?)"/>
    public static bool ShowErrors(this PageModel page, Outcome outcome, Func<string, string>? field = null) =>
        page.ShowErrors(outcome.Errors, field);

    /// <summary>Adds one message at a field of the page's form, in the user's language.</summary>
    public static void ShowError(this PageModel page, string field, string key, params object[] args) =>
        page.ShowErrors([new FieldError(field, key, args)]);

    public static bool AddErrors(this ModelStateDictionary state, IEnumerable<FieldError> errors, IStringLocalizer t, Func<string, string>? field = null)
    {
        var any = false;
        foreach (var error in errors)
        {
            state.AddModelError(field?.Invoke(error.Field) ?? error.Field, error.Localize(t));
            any = true;
        }

        return any;
    }

    /// <summary>A text in the request's language (for messages a page shows outside a field).</summary>
    public static string Localize(this HttpContext http, string key, params object[] args) => new FieldError("", key, args).Localize(Localizer(http));

    /// <summary>400 with the messages per field (names in camelCase as in the JSON body), title and detail in the request's language.</summary>
    public static ValidationProblem Invalid(HttpContext http, IEnumerable<FieldError> errors, string titleKey)
    {
        var t = Localizer(http);
        var list = errors.ToList();
        var byField = list.GroupBy(e => JsonName(e.Field)).ToDictionary(g => g.Key, g => g.Select(e => e.Localize(t)).ToArray());
        return TypedResults.ValidationProblem(byField, detail: string.Join(" ", list.Select(e => e.Localize(t))), title: t[titleKey].Value);
    }

    /// <inheritdoc cref="Invalid(HttpContext, IEnumerable{FieldError}, string)"/>
    public static ValidationProblem Invalid(HttpContext http, Outcome outcome, string titleKey) => Invalid(http, outcome.Errors, titleKey);

    /// <summary>A problem of the given status with title and detail in the request's language.</summary>
    public static ProblemHttpResult Problem(HttpContext http, int status, string titleKey, FieldError? detail = null, IDictionary<string, object?>? extensions = null)
    {
        var t = Localizer(http);
        return TypedResults.Problem(statusCode: status, title: t[titleKey].Value, detail: detail?.Localize(t), extensions: extensions);
    }

    public static IStringLocalizer Localizer(HttpContext http) => http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();

    /// <summary>"Source.Kind" → "source.kind": the JSON path of a property.</summary>
    public static string JsonName(string field) =>
        string.Join('.', field.Split('.').Select(p => p.Length == 0 ? p : char.ToLowerInvariant(p[0]) + p[1..]));
}
