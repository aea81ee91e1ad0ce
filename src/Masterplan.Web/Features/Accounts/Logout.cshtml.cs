using Masterplan.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Masterplan.Web.Features.Accounts;

/// <summary>Signing out removes the session on the server; the old cookie is worthless afterwards.</summary>
public sealed class LogoutModel(SignInManager<AppUser> signIn, AppDbContext db) : PageModel
{
    public IActionResult OnGet() => Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        db.Audit("auth.logout");
        await db.SaveChangesAsync(ct);
        await signIn.SignOutAsync();
        return Redirect("/");
    }
}
