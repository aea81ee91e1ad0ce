using Masterplan.Web.Data;
using Masterplan.Web.Features.Meetings;
using Masterplan.Web.Features.Organizations;
using Masterplan.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Papers.Manage;

/// <summary>
/// Adds or edits one consultation of a paper: body, role, federführend, planned date; once the body has a meeting, the
/// agenda item it is on (which puts the paper on that agenda); and the result with its date.
/// </summary>
public sealed class ConsultationModel(AppDbContext db, TimeProvider time) : PageModel
{
    public sealed class ConsultationInput
    {
        public int? OrganizationId { get; set; }

        public ConsultationRole? Role { get; set; }

        public bool Authoritative { get; set; }

        public DateOnly? Date { get; set; }

        public int? AgendaItemId { get; set; }

        public ConsultationResult? Result { get; set; }

        public DateOnly? ResultDate { get; set; }
    }

    /// <summary>A meeting of the body with its agenda items, to schedule the consultation on one.</summary>
    public sealed record MeetingChoice(int Id, string Title, DateTimeOffset Start, IReadOnlyList<(int Id, string Number, string Title)> Items);

    [BindProperty]
    public ConsultationInput Input { get; set; } = new();

    public Paper Paper { get; private set; } = null!;

    public int? ConsultationId { get; private set; }

    public IReadOnlyList<Organization> Bodies { get; private set; } = [];

    public IReadOnlyList<MeetingChoice> Meetings { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, int? consultationId, CancellationToken ct)
    {
        ConsultationId = consultationId;
        if (await db.Papers.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct) is not { } paper)
        {
            return NotFound();
        }

        Paper = paper;
        if (consultationId is not null)
        {
            var c = await db.Consultations.AsNoTracking().FirstOrDefaultAsync(c => c.Id == consultationId && c.PaperId == id, ct);
            if (c is null)
            {
                return NotFound();
            }

            var itemId = c.AgendaLinkId is { } link ? await db.AgendaLinks.Where(l => l.Id == link).Select(l => (int?)l.AgendaItemId).FirstOrDefaultAsync(ct) : null;
            Input = new ConsultationInput
            {
                OrganizationId = c.OrganizationId, Role = c.Role, Authoritative = c.Authoritative, Date = c.Date, AgendaItemId = itemId,
                Result = c.Result, ResultDate = c.ResultDate,
            };
        }
        else
        {
            Input.Role = ConsultationRole.Deliberation;
        }

        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int? consultationId, CancellationToken ct)
    {
        ConsultationId = consultationId;
        if (await db.Papers.FirstOrDefaultAsync(p => p.Id == id, ct) is not { } paper)
        {
            return NotFound();
        }

        Paper = paper;
        Consultation? consultation = null;
        if (consultationId is not null && (consultation = await db.Consultations.FirstOrDefaultAsync(c => c.Id == consultationId && c.PaperId == id, ct)) is null)
        {
            return NotFound();
        }

        var i = Input;
        var errors = new FieldErrors();
        var body = i.OrganizationId is { } bodyId ? await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == bodyId, ct) : null;
        if (body is null)
        {
            errors.Add("OrganizationId", i.OrganizationId is null ? "Bitte wählen Sie das Gremium, das berät." : "Das gewählte Gremium gibt es nicht. Bitte wählen Sie ein Gremium aus der Liste.");
        }
        else if (!Advises(body))
        {
            errors.Add("OrganizationId", "„{0}“ ist eine Fraktion oder eine Stelle der Verwaltung und berät keine Vorlagen. Bitte wählen Sie ein Gremium aus der Liste.", body.Name);
            body = null;
        }

        if (i.Role is not { } role || !Enum.IsDefined(role))
        {
            errors.Add("Role", "Bitte wählen Sie, ob das Gremium berät, entscheidet, empfiehlt oder zur Kenntnis nimmt.");
        }

        if (i.Date is null && !ModelState.ContainsKey("Input.Date"))
        {
            errors.Add("Date", "Bitte geben Sie den geplanten Termin der Beratung an.");
        }

        (Meeting Meeting, AgendaItem Item)? place = null;
        if (i.AgendaItemId is { } itemId)
        {
            var found = await db.AgendaItems.AsNoTracking().Where(a => a.Id == itemId).Join(db.Meetings.AsNoTracking(), a => a.MeetingId, m => m.Id, (a, m) => new { Item = a, Meeting = m })
                .FirstOrDefaultAsync(ct);
            if (found is null)
            {
                errors.Add("AgendaItemId", "Diesen Tagesordnungspunkt gibt es nicht.");
            }
            else if (body is not null && found.Meeting.OrganizationId != body.Id)
            {
                errors.Add("AgendaItemId", "Der Tagesordnungspunkt gehört zu einer Sitzung eines anderen Gremiums, nicht zu „{0}“.", body.Name);
            }
            else
            {
                place = (found.Meeting, found.Item);
            }
        }

        if (i.Result is { } result && !Enum.IsDefined(result))
        {
            errors.Add("Result", "Bitte wählen Sie ein Ergebnis aus der Liste.");
        }
        else if (i.Result is not null && i.ResultDate is null && !ModelState.ContainsKey("Input.ResultDate"))
        {
            errors.Add("ResultDate", "Bitte geben Sie an, an welchem Tag das Ergebnis zustande kam.");
        }
        else if (i.Result is null && i.ResultDate is not null)
        {
            errors.Add("Result", "Zum Datum fehlt das Ergebnis. Bitte wählen Sie es aus, oder leeren Sie das Datum.");
        }
        else if (i.ResultDate is { } resultDate && resultDate > CityTime.Today(time))
        {
            errors.Add("ResultDate", "Das Ergebnis kann nicht in der Zukunft liegen; heute ist der {0:dd.MM.yyyy}.", CityTime.Today(time).ToDateTime(TimeOnly.MinValue));
        }

        if (errors.Count > 0 || !ModelState.IsValid)
        {
            this.ShowErrors((IEnumerable<FieldError>)errors, f => "Input." + f);
            await LoadAsync(ct);
            return Page();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (consultation is null)
        {
            var last = await db.Consultations.Where(c => c.PaperId == id).MaxAsync(c => (int?)c.Position, ct) ?? 0;
            consultation = db.Consultations.Add(new Consultation { PaperId = id, Position = last + 1 }).Entity;
        }

        (consultation.OrganizationId, consultation.Role, consultation.Authoritative, consultation.Date) = (body!.Id, i.Role!.Value, i.Authoritative, i.Date!.Value);
        (consultation.Result, consultation.ResultDate) = (i.Result, i.ResultDate);
        consultation.AgendaLinkId = place is { } p ? (await LinkAsync(paper, p.Item, ct)).Id : null;
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        TempData["Message"] = "Die Beratung ist gespeichert.";
        return Redirect($"/verwaltung/vorlagen/{id}#beratungsfolge");
    }

    /// <summary>The agenda item's link to the paper: the one it has, or a new one, which puts the paper on the agenda.</summary>
    private async Task<AgendaLink> LinkAsync(Paper paper, AgendaItem item, CancellationToken ct)
    {
        var link = await db.AgendaLinks.FirstOrDefaultAsync(l => l.AgendaItemId == item.Id && l.Kind == AgendaLinkKind.Paper && l.TargetId == paper.Id, ct);
        if (link is null)
        {
            link = db.AgendaLinks.Add(new AgendaLink { AgendaItemId = item.Id, Kind = AgendaLinkKind.Paper, TargetId = paper.Id, Label = Beratungsfolge.LinkLabel(paper) }).Entity;
            await db.SaveChangesAsync(ct);
        }

        return link;
    }

    /// <summary>Bodies that consult papers: every organization but the fractions and the departments of the administration.</summary>
    private static bool Advises(Organization o) => o.Kind is not (OrganizationKind.Department or OrganizationKind.Fraction);

    private async Task LoadAsync(CancellationToken ct)
    {
        Bodies = (await db.Organizations.AsNoTracking().OrderBy(o => o.Name).ToListAsync(ct)).Where(Advises).ToList();
        if (Input.OrganizationId is { } bodyId)
        {
            var meetings = await db.Meetings.AsNoTracking().Where(m => m.OrganizationId == bodyId && m.State != MeetingState.Cancelled)
                .OrderByDescending(m => m.Start).Take(30).Include(m => m.AgendaItems).ToListAsync(ct);
            Meetings = meetings.Select(m => new MeetingChoice(m.Id, m.Title, m.Start,
                m.AgendaItems.OrderBy(a => a.SortKey).Select(a => (a.Id, a.Number, a.Title)).ToList())).ToList();
        }
    }
}
