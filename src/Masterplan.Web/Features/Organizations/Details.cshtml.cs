using Masterplan.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Organizations;

public sealed class DetailsModel(AppDbContext db, TimeProvider time, Composition composition, Catalogue.BodyTargets targets) : PageModel
{
    /// <summary>The body's indicators and goals today (003); non-public ones only for the Office, as on /kennzahlen.</summary>
    public Catalogue.BodyTargetsView? Targets { get; private set; }

    /// <summary>The Lagebilder recorded as sent, newest first.</summary>
    public IReadOnlyList<Catalogue.BodyReport> Reports { get; private set; } = [];

    public OrganizationDto Organization { get; private set; } = null!;

    public IReadOnlyList<OrganizationDto> Children { get; private set; } = [];

    /// <summary>Members on <see cref="Day"/>; names only of persons who consented to publication.</summary>
    public IReadOnlyList<MemberRow> Members { get; private set; } = [];

    /// <summary>Memberships that ended before today, the latest end first, under the same publication rule.</summary>
    public IReadOnlyList<MemberRow> Former { get; private set; } = [];

    /// <summary>The members of this day (Dortmund time) are shown; empty: today.</summary>
    [BindProperty(SupportsGet = true, Name = "stand")]
    public DateOnly? AsOf { get; set; }

    public DateOnly Day { get; private set; }

    /// <summary>The composition rules of 004 for the Vollversammlung and the Lenkungskreis; null for other bodies.</summary>
    public CompositionCheck? Check { get; private set; }

    public bool CanManage { get; private set; }

    public string? FormedBy { get; private set; }

    /// <summary>All versions of the rules of procedure, newest first.</summary>
    public IReadOnlyList<RulesOfProcedure> Rules { get; private set; } = [];

    /// <summary>
    /// One membership as the public sees it: the name and whom the person represents only with the person's consent, the
    /// represented member's name only with that member's consent; never contact data.
    /// </summary>
    public sealed record MemberRow(
        string Name, bool Named, string Role, VotingRight VotingRight, string? OnBehalfOf, bool IsDeputy, string? DeputyFor, DateOnly From, DateOnly? To, bool IsDemo);

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
        Day = AsOf ?? today;
        Targets = await targets.LoadAsync(id, today, CanManage, ct);
        Reports = await db.Set<Catalogue.BodyReport>().AsNoTracking().Where(r => r.OrganizationId == id)
            .OrderByDescending(r => r.SentOn).ThenByDescending(r => r.Id).Take(20).ToListAsync(ct);
        var memberships = db.Memberships.AsNoTracking().Where(m => m.OrganizationId == id);
        var day = Day;
        Members = await Rows(memberships.Where(m => m.StartDate <= day && (m.EndDate == null || m.EndDate >= day))
                .OrderBy(m => m.VotingRight).ThenBy(m => m.DeputyForId != null).ThenBy(m => m.OnBehalfOf!.Name))
            .ToListAsync(ct);
        Former = await Rows(memberships.Where(m => m.EndDate != null && m.EndDate < today)
                .OrderByDescending(m => m.EndDate).ThenByDescending(m => m.StartDate).ThenBy(m => m.Id))
            .ToListAsync(ct);
        return Page();
    }

    // Names are put together in the query, so a person without consent is not even read for the page.
    private static IQueryable<MemberRow> Rows(IQueryable<Membership> query) => query.Select(m => new MemberRow(
        m.Person.PublicConsent ? (m.Person.Title != null ? m.Person.Title + " " : "") + m.Person.GivenName + " " + m.Person.FamilyName : "",
        m.Person.PublicConsent, m.Role, m.VotingRight, m.Person.PublicConsent ? m.OnBehalfOf!.Name : null, m.DeputyForId != null,
        m.DeputyFor != null && m.DeputyFor.Person.PublicConsent
            ? (m.DeputyFor.Person.Title != null ? m.DeputyFor.Person.Title + " " : "") + m.DeputyFor.Person.GivenName + " " + m.DeputyFor.Person.FamilyName
            : null,
        m.StartDate, m.EndDate, m.IsDemo));
}
