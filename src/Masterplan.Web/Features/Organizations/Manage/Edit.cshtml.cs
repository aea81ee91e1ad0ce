using System.ComponentModel.DataAnnotations;
using Masterplan.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Organizations.Manage;

/// <summary>
/// The Office keeps a body's data, forms new working groups (004 §4: formed by the Vollversammlung, with the
/// decision that formed them) and records new versions of the rules of procedure.
/// </summary>
public sealed class EditModel(AppDbContext db, TimeProvider time) : PageModel
{
    public Organization? Body { get; private set; }

    public IReadOnlyList<RulesOfProcedure> Versions { get; private set; } = [];

    public IReadOnlyList<Organization> Parents { get; private set; } = [];

    [BindProperty, Required(ErrorMessage = "Bitte geben Sie den Namen ein."), StringLength(300, ErrorMessage = "Der Name darf höchstens 300 Zeichen lang sein.")]
    public string Name { get; set; } = "";

    [BindProperty, StringLength(4000, ErrorMessage = "Die Aufgaben dürfen höchstens 4000 Zeichen lang sein.")]
    public string? Purpose { get; set; }

    [BindProperty, StringLength(500, ErrorMessage = "Der Beschluss darf höchstens 500 Zeichen lang sein.")]
    public string? FormedBy { get; set; }

    [BindProperty]
    public int? ParentId { get; set; }

    [BindProperty]
    public DateOnly? StartDate { get; set; }

    [BindProperty]
    public DateOnly? EndDate { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public string? RulesText { get; set; }

    [BindProperty]
    public string? RulesAdoptedBy { get; set; }

    [BindProperty]
    public DateOnly? RulesAdoptedOn { get; set; }

    /// <summary>Quorum of this version: more than this percentage of the voting seats; empty = more than half.</summary>
    [BindProperty, Range(1, 99, ErrorMessage = "Der Anteil für die Beschlussfähigkeit muss zwischen 1 und 99 Prozent liegen.")]
    public int? RulesQuorumPercent { get; set; }

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (Body is not null)
        {
            (Name, Purpose, FormedBy, ParentId, StartDate, EndDate) = (Body.Name, Body.Purpose, Body.FormedBy, Body.ParentId, Body.StartDate, Body.EndDate);
        }
        else
        {
            ParentId = Parents.FirstOrDefault(p => p.Kind == OrganizationKind.PlenaryAssembly)?.Id;
            StartDate = Masterplan.Web.Shared.CityTime.Today(time);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        // 004 §4: the Vollversammlung forms working groups; it is the parent unless the Sonderstab is chosen.
        ParentId ??= Body is null ? Parents.FirstOrDefault(p => p.Kind == OrganizationKind.PlenaryAssembly)?.Id : Body.ParentId;
        if (EndDate is { } end && StartDate is { } start && end < start)
        {
            ModelState.AddModelError(nameof(EndDate), "Das Ende darf nicht vor dem Beginn liegen.");
        }

        if (Body is null && string.IsNullOrWhiteSpace(FormedBy))
        {
            ModelState.AddModelError(nameof(FormedBy), "Bitte nennen Sie den Beschluss, mit dem die Vollversammlung die Arbeitsgruppe gebildet hat.");
        }

        if (ParentId is { } parent && Parents.All(p => p.Id != parent))
        {
            ModelState.AddModelError(nameof(ParentId), "Eine Arbeitsgruppe gehört zur Vollversammlung oder zum Sonderstab.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var body = Body is null
            ? db.Organizations.Add(new Organization { Name = "", Kind = OrganizationKind.WorkingGroup }).Entity
            : await db.Organizations.SingleAsync(o => o.Id == Body.Id, ct);
        body.Name = Name.Trim();
        body.Purpose = string.IsNullOrWhiteSpace(Purpose) ? null : Purpose.Trim();
        body.FormedBy = string.IsNullOrWhiteSpace(FormedBy) ? null : FormedBy.Trim();
        body.StartDate = StartDate;
        body.EndDate = EndDate;
        if (body.Kind == OrganizationKind.WorkingGroup)
        {
            body.ParentId = ParentId;
        }

        db.AuditReason = string.IsNullOrWhiteSpace(Reason) ? null : Reason.Trim();
        await db.SaveChangesAsync(ct);
        return Redirect($"/gremien/{body.Id}");
    }

    public async Task<IActionResult> OnPostRulesAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || Body is null)
        {
            return NotFound();
        }

        // This form sends only the rules; the body's own fields are not part of it.
        foreach (var field in new[] { nameof(Name), nameof(Purpose), nameof(FormedBy) })
        {
            ModelState.Remove(field);
        }

        if (string.IsNullOrWhiteSpace(RulesText))
        {
            ModelState.AddModelError(nameof(RulesText), "Bitte fügen Sie den Text der Geschäftsordnung ein.");
        }

        if (string.IsNullOrWhiteSpace(RulesAdoptedBy))
        {
            ModelState.AddModelError(nameof(RulesAdoptedBy), "Bitte nennen Sie, wer die Geschäftsordnung wann beschlossen hat.");
        }

        if (RulesAdoptedOn is null)
        {
            ModelState.AddModelError(nameof(RulesAdoptedOn), "Bitte geben Sie das Datum des Beschlusses ein.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        db.RulesOfProcedure.Add(new RulesOfProcedure
        {
            OrganizationId = id, Version = (Versions.Count == 0 ? 0 : Versions.Max(v => v.Version)) + 1,
            AdoptedOn = RulesAdoptedOn!.Value, AdoptedBy = RulesAdoptedBy!.Trim(), Text = RulesText!.Trim(), QuorumMoreThanPercent = RulesQuorumPercent,
        });
        await db.SaveChangesAsync(ct);
        return Redirect($"/gremien/{id}#geschaeftsordnung");
    }

    private async Task<bool> LoadAsync(int? id, CancellationToken ct)
    {
        if (id is not null)
        {
            Body = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, ct);
            if (Body is null)
            {
                return false;
            }

            Versions = await db.RulesOfProcedure.AsNoTracking().Where(r => r.OrganizationId == id).OrderByDescending(r => r.Version).ToListAsync(ct);
        }

        Parents = await db.Organizations.AsNoTracking()
            .Where(o => o.Kind == OrganizationKind.PlenaryAssembly || o.Kind == OrganizationKind.SpecialTaskForce).OrderBy(o => o.Name).ToListAsync(ct);
        return true;
    }
}
