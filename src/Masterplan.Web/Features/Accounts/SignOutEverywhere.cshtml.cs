using Masterplan.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Masterplan.Web.Features.Accounts;

/// <summary>"Überall abmelden": ends every session of the signed-in user, this one included.</summary>
public sealed class SignOutEverywhereModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, AccountSessions sessions, AppDbContext db) : PageModel
{
    public IActionResult OnGet() => Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        var ended = await sessions.EndAllAsync(user, ct);
        db.Audit("auth.sessions.ended", nameof(AppUser), user.Id, new { SessionsEnded = ended }, reason: "signed out everywhere");
        await db.SaveChangesAsync(ct);
        await signIn.SignOutAsync();
        return Redirect("/konto/anmelden");
    }
}
