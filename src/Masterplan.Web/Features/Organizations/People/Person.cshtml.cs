using Masterplan.Web.Data;
using Masterplan.Web.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Organizations.People;

/// <summary>
/// A person as the Office sees it: contact, memberships and the account linked to them (whether they can get
/// members' documents at all). Only the Office and the administration see it; contact data is never public.
/// </summary>
[Authorize(Roles = $"{Roles.Office},{Roles.Administrator}")]
public sealed class PersonModel(AppDbContext db) : PageModel
{
    public Person Person { get; private set; } = null!;

    public IReadOnlyList<Membership> Memberships { get; private set; } = [];

    public AppUser? Account { get; private set; }

    public IReadOnlyList<string> AccountRoles { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await db.Persons.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct) is not { } person)
        {
            return NotFound();
        }

        Person = person;
        Memberships = await db.Memberships.AsNoTracking().Include(m => m.Organization).Include(m => m.OnBehalfOf)
            .Where(m => m.PersonId == id).OrderByDescending(m => m.EndDate == null).ThenByDescending(m => m.StartDate).ToListAsync(ct);
        Account = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.PersonId == id, ct);
        if (Account is not null)
        {
            AccountRoles = await db.UserRoles.Where(r => r.UserId == Account.Id)
                .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).OrderBy(n => n).ToListAsync(ct);
        }

        return Page();
    }
}
