using System.ComponentModel.DataAnnotations;
using Masterplan.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Organizations.Manage;

/// <summary>
/// The Office keeps a body's memberships: adds members and deputies, ends memberships (history stays).
/// A change that breaks a composition rule is saved anyway (reality comes first) but shown and audited.
/// </summary>
public sealed class MembersModel(AppDbContext db, Composition composition, TimeProvider time) : PageModel
{
    public Organization Body { get; private set; } = null!;

    public IReadOnlyList<Membership> Current { get; private set; } = [];

    public IReadOnlyList<Violation> Violations { get; private set; } = [];

    public IReadOnlyList<SelectListItem> OnBehalfOfOptions { get; private set; } = [];

    public string? Message { get; private set; }

    [BindProperty, Required(ErrorMessage = "Bitte geben Sie den Vornamen ein."), StringLength(200, ErrorMessage = "Der Vorname darf höchstens 200 Zeichen lang sein.")]
    public string GivenName { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "Bitte geben Sie den Nachnamen ein."), StringLength(200, ErrorMessage = "Der Nachname darf höchstens 200 Zeichen lang sein.")]
    public string FamilyName { get; set; } = "";

    [BindProperty, EmailAddress(ErrorMessage = "Bitte geben Sie eine gültige E-Mail-Adresse ein."), StringLength(320, ErrorMessage = "Die E-Mail-Adresse darf höchstens 320 Zeichen lang sein.")]
    public string? Email { get; set; }

    [BindProperty]
    public int? OnBehalfOfId { get; set; }

    [BindProperty]
    public VotingRight VotingRight { get; set; } = VotingRight.Voting;

    [BindProperty, Required(ErrorMessage = "Bitte geben Sie die Rolle ein."), StringLength(200, ErrorMessage = "Die Rolle darf höchstens 200 Zeichen lang sein.")]
    public string Role { get; set; } = "Mitglied";

    [BindProperty]
    public int? DeputyForId { get; set; }

    [BindProperty]
    public bool IsExternal { get; set; }

    [BindProperty]
    public bool PublicConsent { get; set; }

    [BindProperty, Required(ErrorMessage = "Bitte geben Sie das Datum ein, ab dem die Mitgliedschaft gilt.")]
    public DateOnly? StartDate { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAddAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (DeputyForId is { } deputyFor && Current.All(m => m.Id != deputyFor))
        {
            ModelState.AddModelError(nameof(DeputyForId), "Vertreten werden kann nur eine aktuelle Mitgliedschaft dieses Gremiums.");
        }

        if (OnBehalfOfId is { } behalf && !await db.Organizations.AnyAsync(o => o.Id == behalf, ct))
        {
            ModelState.AddModelError(nameof(OnBehalfOfId), "Diese Institution gibt es nicht.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        db.Memberships.Add(new Membership
        {
            Person = new Person { GivenName = GivenName.Trim(), FamilyName = FamilyName.Trim(), Email = string.IsNullOrWhiteSpace(Email) ? null : Email.Trim(), PublicConsent = PublicConsent },
            OrganizationId = id, OnBehalfOfId = OnBehalfOfId, VotingRight = VotingRight, Role = Role.Trim(), DeputyForId = DeputyForId,
            IsExternal = IsExternal, StartDate = StartDate!.Value,
        });
        await db.SaveChangesAsync(ct);
        await AuditViolationsAsync(id, ct);
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostEndAsync(int id, int membershipId, DateOnly? endDate, string? reason, CancellationToken ct)
    {
        var membership = await db.Memberships.FirstOrDefaultAsync(m => m.Id == membershipId && m.OrganizationId == id, ct);
        if (membership is null)
        {
            return NotFound();
        }

        var end = endDate ?? Masterplan.Web.Shared.CityTime.Today(time);
        if (end < membership.StartDate)
        {
            await LoadAsync(id, ct);
            Message = "Eine Mitgliedschaft kann nicht vor ihrem Beginn enden.";
            return Page();
        }

        membership.EndDate = end;
        db.AuditReason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        await db.SaveChangesAsync(ct);
        await AuditViolationsAsync(id, ct);
        return RedirectToPage(new { id });
    }

    private async Task AuditViolationsAsync(int id, CancellationToken ct)
    {
        var body = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == id, ct);
        if (await composition.CheckAsync(body, Masterplan.Web.Shared.CityTime.Today(time), ct) is { Violations.Count: > 0 } check)
        {
            db.Audit("composition.violation", nameof(Organization), id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                check.Violations.Select(v => $"{v.Rule} ({v.Source})").ToList());
            await db.SaveChangesAsync(ct);
        }
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var body = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, ct);
        if (body is null)
        {
            return false;
        }

        Body = body;
        var today = Masterplan.Web.Shared.CityTime.Today(time);
        Current = await db.Memberships.AsNoTracking().Include(m => m.Person).Include(m => m.OnBehalfOf)
            .Where(m => m.OrganizationId == id && m.StartDate <= today && (m.EndDate == null || m.EndDate >= today))
            .OrderBy(m => m.VotingRight).ThenBy(m => m.OnBehalfOf!.Name).ThenBy(m => m.DeputyForId != null)
            .ToListAsync(ct);
        Violations = (await composition.CheckAsync(body, today, ct))?.Violations ?? [];
        OnBehalfOfOptions = (await db.Organizations.AsNoTracking()
                .Where(o => o.Kind == OrganizationKind.Institution || o.Kind == OrganizationKind.Fraction || o.Kind == OrganizationKind.Department)
                .Select(o => new { o.Id, o.Name, o.EndDate }).ToListAsync(ct))
            .Where(o => o.EndDate is null || o.EndDate >= today)
            .OrderBy(o => o.Name, StringComparer.CurrentCulture)
            .Select(o => new SelectListItem(o.Name, o.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();
        return true;
    }
}
