using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Masterplan.Web.Shared;

namespace Masterplan.Web.Features.Home;

/// <summary>The German error page for every status code; shows no internals (no stack trace).</summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    /// <summary>Heading and explanation per status; 500 stands for every other code.</summary>
    public static readonly IReadOnlyDictionary<int, (string Heading, string Explanation)> Texts = new Dictionary<int, (string, string)>
    {
        [400] = ("Anfrage fehlerhaft", "Die Anfrage konnte nicht verarbeitet werden. Bitte prüfen Sie Ihre Eingaben."),
        [401] = ("Anmeldung erforderlich", "Bitte melden Sie sich an, um diese Seite zu sehen."),
        [403] = ("Kein Zugriff", "Sie haben keine Berechtigung für diese Seite."),
        [404] = ("Seite nicht gefunden", "Diese Seite gibt es nicht oder nicht mehr. Prüfen Sie die Adresse oder beginnen Sie auf der Startseite."),
        [409] = ("Gleichzeitig gespeichert", "Jemand anderes hat im selben Moment denselben Eintrag gespeichert. Laden Sie die Seite neu und prüfen Sie, ob Ihre Eingabe noch nötig ist."),
        [429] = ("Zu viele Anfragen", "Bitte warten Sie einen Moment und versuchen Sie es dann erneut."),
        [500] = ("Ein Fehler ist aufgetreten", "Das hätte nicht passieren dürfen. Bitte versuchen Sie es später noch einmal. Ihre bisherigen Eingaben sind nicht verloren, wenn sie bereits bestätigt wurden."),
    };

    public string Heading { get; private set; } = "";

    public string Explanation { get; private set; } = "";

    /// <summary>For a 403: the roles the refused page is for (German labels), so the user knows whom to ask.</summary>
    public IReadOnlyList<string> RequiredRoles { get; private set; } = [];

    // The status comes from the route (/fehler/404) or from the re-executed request, never from a form: a failed POST is
    // re-executed here as a POST with its own form, and a field named "code" (a receipt code, say) would otherwise be bound.
    public void OnGet([FromRoute] int? code) => Show(code);

    public void OnPost([FromRoute] int? code) => Show(code);

    private void Show(int? code)
    {
        var original = HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>()?.OriginalStatusCode;
        var status = original is >= 400 and <= 599 ? original.Value : code is >= 400 and <= 599 ? code.Value : 500;
        if (HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>()?.Error is { } error && error.IsUniqueViolation())
        {
            status = StatusCodes.Status409Conflict;
        }

        Response.StatusCode = status;
        (Heading, Explanation) = Texts.TryGetValue(status, out var text) ? text : Texts[500];
        RequiredRoles = status == StatusCodes.Status403Forbidden ? AccessDenied.RequiredRoles(HttpContext) : [];
    }
}
