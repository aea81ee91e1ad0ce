using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Masterplan.Web.Features.ServiceRequests.Alerts;

/// <summary>
/// Unsubscribe without login: the link in every digest opens this page, whose button deletes the subscription. The same
/// address takes RFC 8058's one-click POST from the mail program (body <c>List-Unsubscribe=One-Click</c>, no antiforgery
/// token, which a mail program cannot have); the unguessable token in the address is what protects it.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class UnsubscribeModel(ServiceRequestAlerts alerts) : PageModel
{
    public bool Known { get; private set; }

    public bool Done { get; private set; }

    public async Task OnGetAsync(string token, CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-cache, no-store";
        Known = await alerts.ExistsAsync(token, ct);
    }

    public async Task OnPostAsync(string token, CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-cache, no-store";
        Done = await alerts.UnsubscribeAsync(token, ct);
    }
}
