using Masterplan.Web.Shared;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Masterplan.Web.Features.ServiceRequests.Alerts;

/// <summary>The double opt-in of an alert: the link opens this page, the button confirms (mail programs open links to check them).</summary>
[EnableRateLimiting(PublicForms.Policy)]
public sealed class ConfirmModel(ServiceRequestAlerts alerts) : PageModel
{
    public ConfirmLink State { get; private set; }

    public bool Confirmed { get; private set; }

    public async Task OnGetAsync(string token, CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-cache, no-store";
        State = await alerts.CheckLinkAsync(token, ct);
    }

    public async Task OnPostAsync(string token, CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-cache, no-store";
        State = await alerts.ConfirmAsync(token, ct);
        Confirmed = State == ConfirmLink.Valid;
    }
}
