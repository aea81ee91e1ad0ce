using Masterplan.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Masterplan.Web.Features.Grants;

/// <summary>
/// An association registers with its first person (public form: <see cref="FormGuard"/>, <see cref="PublicForms"/>);
/// Post/Redirect/Get to the same page, which then says that the confirmation mail is on its way.
/// </summary>
[EnableRateLimiting(PublicForms.Policy)]
public sealed class RegisterModel(GrantDesk desk, FormGuard guard) : PageModel
{
    [BindProperty]
    public RegisterInput Input { get; set; } = new();

    public bool Sent { get; private set; }

    public void OnGet(bool gesendet)
    {
        Response.Headers.CacheControl = "no-cache, no-store";
        Sent = gesendet;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-cache, no-store";
        var outcome = await desk.RegisterAsync(Input, guard.Check(Request.Form), ct);
        Input.Password = null;
        return this.ShowErrors(outcome) ? Page() : Redirect("/foerderung/registrieren?gesendet=true");
    }
}
