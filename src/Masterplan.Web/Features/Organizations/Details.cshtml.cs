using Masterplan.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Organizations;

public sealed class DetailsModel(AppDbContext db, TimeProvider time, Composition composition) : PageModel
{
    public OrganizationDto Organization { get; private set; } = null!;

    public IReadOnlyList<OrganizationDto> Children { get; private set; } = [];

    /// <summary>Current members; names only of persons who consented to publication.</summary>
    public IReadOnlyList<MemberRow> Members { get; private set; } = [];

    /// <summary>The composition rules of 004 for the Vollversammlung and the Lenkungskreis; null for other bodies.</summary>
    public CompositionCheck? Check { get; private set; }

    public bool CanManage { get; private set; }

    public string? FormedBy { get; private set; }

    /// <summary>All versions of the rules of procedure, newest first.</summary>
    public IReadOnlyList<RulesOfProcedure> Rules { get; private set; } = [];

    public sealed record MemberRow(string Name, bool Named, string Role, VotingRight VotingRight, string? OnBehalfOf, bool IsDeputy, bool IsDemo);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var org = await db.Organizations.AsNoTracking().Where(o => o.Id == id).ToDto().FirstOrDefaultAsync(ct);
        if (org is null)
        {
            return NotFound();
        }

        Organization = org;
        var entity = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == id, ct);
        Children = await db.Organizations.AsNoTracking().Where(o => o.ParentId == id).OrderBy(o => o.Name).ToDto().ToListAsync(ct);
        var today = Masterplan.Web.Shared.CityTime.Today(time);
        Check = await composition.CheckAsync(entity, today, ct);
        FormedBy = entity.FormedBy;
        Rules = await db.RulesOfProcedure.AsNoTracking().Where(r => r.OrganizationId == id).OrderByDescending(r => r.Version).ToListAsync(ct);
        CanManage = User.IsInRole(Masterplan.Web.Features.Accounts.Roles.Office);
        Members = await db.Memberships.AsNoTracking()
            .Where(m => m.OrganizationId == id && m.StartDate <= today && (m.EndDate == null || m.EndDate >= today))
            .OrderBy(m => m.VotingRight).ThenBy(m => m.DeputyForId != null).ThenBy(m => m.OnBehalfOf!.Name)
            .Select(m => new MemberRow(
                m.Person.PublicConsent ? (m.Person.Title != null ? m.Person.Title + " " : "") + m.Person.GivenName + " " + m.Person.FamilyName : "",
                m.Person.PublicConsent, m.Role, m.VotingRight, m.Person.PublicConsent ? m.OnBehalfOf!.Name : null, m.DeputyForId != null, m.IsDemo))
            .ToListAsync(ct);
        return Page();
    }
}
