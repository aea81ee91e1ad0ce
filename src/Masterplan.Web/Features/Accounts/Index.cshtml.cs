using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Masterplan.Web.Features.Accounts;

/// <summary>The signed-in user's own account.</summary>
public sealed class IndexModel(UserManager<AppUser> users) : PageModel
{
    public AppUser Account { get; private set; } = null!;

    public IReadOnlyList<string> RoleNames { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        Account = user;
        RoleNames = User.FindAll(System.Security.Claims.ClaimTypes.Role).Select(c => Roles.Label(c.Value)).Distinct().ToList();
        return Page();
    }
}
