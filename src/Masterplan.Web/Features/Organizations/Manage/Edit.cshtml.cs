using System.ComponentModel.DataAnnotations;
using Masterplan.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Organizations.Manage;

/// <summary>
/// The Office creates bodies of any kind, with or without a parent (working groups of the Vollversammlung, 004 §4, with
/// the decision that formed them; further bodies such as the one on homelessness and drug use, 002 l. 87–91), keeps
/// their data and records new versions of the rules of procedure.
/// </summary>
public sealed class EditModel(AppDbContext db, TimeProvider time) : PageModel
{
    public Organization? Body { get; private set; }

    public IReadOnlyList<RulesOfProcedure> Versions { get; private set; } = [];

    /// <summary>Every body this one may belong to: all but itself and the bodies below it.</summary>
    public IReadOnlyList<Organization> Parents { get; private set; } = [];

    /// <summary>The kinds a body may have here: one Vollversammlung and one Lenkungskreis exist (004 §2–3), so they are not offered again.</summary>
    public IReadOnlyList<OrganizationKind> Kinds { get; private set; } = [];

    /// <summary>The Vollversammlung and the Lenkungskreis keep their kind: composition checks and reports depend on it.</summary>
    public bool KindFixed => Body?.Kind is OrganizationKind.PlenaryAssembly or OrganizationKind.SteeringCircle;

    [BindProperty, Required(ErrorMessage = "Bitte wählen Sie die Art des Gremiums.")]
    public OrganizationKind? Kind { get; set; }

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

    /// <summary>A body of masterplan 1.0, recorded as history (its working groups, 000).</summary>
    [BindProperty]
    public bool FirstPlan { get; set; }

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

    /// <summary>A new body may start with a kind and a parent chosen by the link that led here (e.g. "Untergruppe bilden").</summary>
    public async Task<IActionResult> OnGetAsync(int? id, OrganizationKind? kind, int? parent, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (Body is not null)
        {
            (Name, Kind, Purpose, FormedBy, ParentId, StartDate, EndDate, FirstPlan) = (Body.Name, Body.Kind, Body.Purpose, Body.FormedBy, Body.ParentId, Body.StartDate, Body.EndDate, Body.PlanEdition == 1);
        }
        else
        {
            Kind = kind is { } k && Kinds.Contains(k) ? k : OrganizationKind.WorkingGroup;
            ParentId = parent is { } p && Parents.Any(o => o.Id == p) ? p : null;
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

        if (KindFixed)
        {
            ModelState.Remove(nameof(Kind));
            if (Kind is { } chosen && chosen != Body!.Kind)
            {
                ModelState.AddModelError(nameof(Kind), "Die Art der Vollversammlung und des Lenkungskreises bleibt, wie sie ist.");
            }

            Kind = Body!.Kind;
        }
        else if (Kind is { } kind && (!Enum.IsDefined(kind) || !Kinds.Contains(kind)))
        {
            ModelState.AddModelError(nameof(Kind), kind switch
            {
                OrganizationKind.PlenaryAssembly => "Es gibt bereits eine Vollversammlung (004 §3); ein weiteres Gremium kann eine Arbeitsgruppe oder ein weiteres Gremium sein.",
                OrganizationKind.SteeringCircle => "Es gibt bereits einen Lenkungskreis (004 §2); ein weiteres Gremium kann eine Arbeitsgruppe oder ein weiteres Gremium sein.",
                _ => "Bitte wählen Sie eine Art aus der Liste.",
            });
        }

        if (EndDate is { } end && StartDate is { } start && end < start)
        {
            ModelState.AddModelError(nameof(EndDate), "Das Ende darf nicht vor dem Beginn liegen.");
        }

        // 004 §4: a working group is formed by a decision of the Vollversammlung, which is recorded.
        if (Body is null && Kind == OrganizationKind.WorkingGroup && string.IsNullOrWhiteSpace(FormedBy))
        {
            ModelState.AddModelError(nameof(FormedBy), "Bitte nennen Sie den Beschluss, mit dem die Arbeitsgruppe gebildet wurde.");
        }

        if (ParentId is { } parent && Parents.All(p => p.Id != parent))
        {
            ModelState.AddModelError(nameof(ParentId), Body is not null && (parent == Body.Id || await db.Organizations.AnyAsync(o => o.Id == parent, ct))
                ? "Ein Gremium kann nicht zu sich selbst oder zu einem Gremium gehören, das unter ihm steht."
                : "Das gewählte übergeordnete Gremium gibt es nicht.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var body = Body is null
            ? db.Organizations.Add(new Organization { Name = "", Kind = Kind!.Value }).Entity
            : await db.Organizations.SingleAsync(o => o.Id == Body.Id, ct);
        body.Name = Name.Trim();
        body.Kind = Kind!.Value;
        body.Purpose = string.IsNullOrWhiteSpace(Purpose) ? null : Purpose.Trim();
        body.FormedBy = string.IsNullOrWhiteSpace(FormedBy) ? null : FormedBy.Trim();
        body.StartDate = StartDate;
        body.EndDate = EndDate;
        body.ParentId = ParentId;
        body.PlanEdition = FirstPlan ? 1 : null;

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
        foreach (var field in new[] { nameof(Name), nameof(Kind), nameof(Purpose), nameof(FormedBy) })
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

        var all = await db.Organizations.AsNoTracking().ToListAsync(ct);
        var below = Body is null ? [] : Below(all, Body.Id);
        Parents = [.. all.Where(o => o.Id != Body?.Id && !below.Contains(o.Id)).OrderBy(o => o.Name, StringComparer.CurrentCulture)];
        var taken = all.Where(o => o.Id != Body?.Id && o.Kind is OrganizationKind.PlenaryAssembly or OrganizationKind.SteeringCircle).Select(o => o.Kind).ToHashSet();
        Kinds = [.. Enum.GetValues<OrganizationKind>().Where(k => !taken.Contains(k))];
        return true;
    }

    /// <summary>The ids of every body below <paramref name="id"/>; choosing one of them as parent would close a cycle.</summary>
    private static HashSet<int> Below(IReadOnlyList<Organization> all, int id)
    {
        var children = all.Where(o => o.ParentId is not null).ToLookup(o => o.ParentId!.Value, o => o.Id);
        var found = new HashSet<int>();
        var queue = new Queue<int>([id]);
        while (queue.TryDequeue(out var next))
        {
            foreach (var child in children[next])
            {
                // A cycle already in the data would otherwise loop here for ever.
                if (child != id && found.Add(child))
                {
                    queue.Enqueue(child);
                }
            }
        }

        return found;
    }
}
