using Masterplan.Web.Data;
using Masterplan.Web.Features.Districts;
using Masterplan.Web.Features.Meetings;
using Masterplan.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Grants.Manage;

/// <summary>
/// One sent application for the Office: what the association applied for, and the Office's steps in their order —
/// completeness check or Nachforderung, the body's decision with its agenda item, payments in instalments and money paid
/// back, the decision on the proof of use. Every rule is the <see cref="GrantDesk"/>'s.
/// </summary>
public sealed class ApplicationModel(GrantDesk desk, AppDbContext db, TimeProvider time) : PageModel
{
    public sealed class DecisionForm
    {
        /// <summary>"ja" grants, "nein" rejects; nothing chosen is refused.</summary>
        public string? Approve { get; set; }

        public decimal? Amount { get; set; }

        public int? AgendaItemId { get; set; }

        public string? Reason { get; set; }

        public DateOnly? ProofDueOn { get; set; }
    }

    public sealed class PaymentForm
    {
        public decimal? Amount { get; set; }

        public DateOnly? On { get; set; }

        public string? Note { get; set; }

        public bool IsReturn { get; set; }
    }

    public sealed record ItemOption(int Id, string Label);

    [BindProperty]
    public DecisionForm Decision { get; set; } = new();

    [BindProperty]
    public PaymentForm Payment { get; set; } = new();

    [BindProperty]
    public string? Missing { get; set; }

    [BindProperty]
    public string? ProofNote { get; set; }

    public GrantApplication Application { get; private set; } = null!;

    public GrantCall Call { get; private set; } = null!;

    public string AssociationName { get; private set; } = "";

    public List<string> DistrictNames { get; private set; } = [];

    public List<GrantFileView> Files { get; private set; } = [];

    public List<GrantPayment> Payments { get; private set; } = [];

    public (long Paid, long Returned) Paid { get; private set; }

    public ProofOfUse? ProofOfUse { get; private set; }

    public RankingLine? Rank { get; private set; }

    public List<ItemOption> AgendaItems { get; private set; } = [];

    public string? DecisionItem { get; private set; }

    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, string? gespeichert, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Message = gespeichert switch
        {
            "vollstaendig" => "Der Antrag ist vollständig und geht in die Bewertung.",
            "nachforderung" => "Die Nachforderung ist gespeichert; der Verein hat eine E-Mail bekommen.",
            "entscheidung" => "Die Entscheidung ist gespeichert; der Verein hat eine E-Mail bekommen.",
            "zahlung" => "Die Zahlung ist gespeichert.",
            "nachweis" => "Die Prüfung des Verwendungsnachweises ist gespeichert.",
            _ => null,
        };
        Payment.On = CityTime.Today(time);
        return Page();
    }

    public Task<IActionResult> OnPostCompleteAsync(int id, CancellationToken ct) =>
        StepAsync(id, () => desk.CheckCompletenessAsync(id, new CompletenessInput(true, null), ct), f => f, "vollstaendig", ct);

    public Task<IActionResult> OnPostIncompleteAsync(int id, CancellationToken ct) =>
        StepAsync(id, () => desk.CheckCompletenessAsync(id, new CompletenessInput(false, Missing), ct), f => f, "nachforderung", ct);

    public Task<IActionResult> OnPostDecisionAsync(int id, CancellationToken ct)
    {
        if (Decision.Approve is not ("ja" or "nein"))
        {
            return StepAsync(id, () => Task.FromResult<Outcome>(Outcome.Invalid("Approve", "Bitte wählen Sie, ob das Gremium den Antrag bewilligt oder abgelehnt hat.")), Prefix("Decision"), "", ct);
        }

        var input = new DecisionInput(Decision.Approve == "ja", Decision.Amount, Decision.AgendaItemId, Decision.Reason, Decision.ProofDueOn);
        return StepAsync(id, () => desk.DecideAsync(id, input, ct), Prefix("Decision"), "entscheidung", ct);
    }

    public Task<IActionResult> OnPostPaymentAsync(int id, CancellationToken ct) =>
        StepAsync(id, () => desk.RecordPaymentAsync(id, new PaymentInput(Payment.Amount, Payment.On, Payment.Note, Payment.IsReturn), ct), Prefix("Payment"), "zahlung", ct);

    public Task<IActionResult> OnPostAcceptProofAsync(int id, CancellationToken ct) =>
        StepAsync(id, () => desk.DecideProofAsync(id, new ProofDecisionInput(true, ProofNote), ct), f => f == "Note" ? nameof(ProofNote) : f, "nachweis", ct);

    public Task<IActionResult> OnPostReturnProofAsync(int id, CancellationToken ct) =>
        StepAsync(id, () => desk.DecideProofAsync(id, new ProofDecisionInput(false, ProofNote), ct), f => f == "Note" ? nameof(ProofNote) : f, "nachweis", ct);

    private static Func<string, string> Prefix(string form) => f => f.Length == 0 ? f : $"{form}.{f}";

    /// <summary>Runs one step of the Office; on bad input the page comes back with the messages at the fields, otherwise Post/Redirect/Get.</summary>
    private async Task<IActionResult> StepAsync(int id, Func<Task<Outcome>> step, Func<string, string> field, string done, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        // A field the form could not read (an amount or date that is none) is named as such rather than taken as empty.
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var outcome = await step();
        if (outcome.IsNotFound)
        {
            return NotFound();
        }

        if (this.ShowErrors(outcome, field))
        {
            await LoadAsync(id, ct);
            return Page();
        }

        return Redirect($"/verwaltung/foerderung/antraege/{id}?gespeichert={done}");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-cache, no-store";
        var application = await db.GrantApplications.AsNoTracking().Include(a => a.Lines.OrderBy(l => l.Position))
            .FirstOrDefaultAsync(a => a.Id == id && a.Status != GrantStatus.Draft, ct);
        if (application is null)
        {
            return false;
        }

        Application = application;
        Call = await db.GrantCalls.AsNoTracking().FirstAsync(c => c.Id == application.CallId, ct);
        AssociationName = await db.Associations.Where(a => a.Id == application.AssociationId).Select(a => a.Name).FirstAsync(ct);
        DistrictNames = await db.Set<District>().Where(d => application.DistrictIds.Contains(d.Id)).OrderBy(d => d.Name).Select(d => d.Name).ToListAsync(ct);
        Files = await desk.FilesAsync(id, ct);
        Payments = await db.GrantPayments.AsNoTracking().Where(p => p.ApplicationId == id).OrderBy(p => p.On).ThenBy(p => p.Id).ToListAsync(ct);
        Paid = await desk.PaidAsync(id, ct);
        ProofOfUse = await db.ProofsOfUse.AsNoTracking().FirstOrDefaultAsync(p => p.ApplicationId == id, ct);
        Rank = application.Status == GrantStatus.InReview ? (await desk.RankingAsync(application.CallId, ct)).FirstOrDefault(r => r.Id == id) : null;
        if (application.DecisionAgendaItemId is { } itemId)
        {
            DecisionItem = (await ItemsAsync(i => i.Id == itemId, ct)).FirstOrDefault()?.Label;
        }

        if (application.Status == GrantStatus.InReview)
        {
            // The meetings of the last two years and the next one: a decision is recorded after the meeting, sometimes on its day.
            var now = time.GetUtcNow();
            var from = now.AddYears(-2);
            var to = now.AddYears(1);
            AgendaItems = await ItemsAsync(i => i.Meeting.Start >= from && i.Meeting.Start <= to, ct);
        }

        return true;
    }

    private async Task<List<ItemOption>> ItemsAsync(System.Linq.Expressions.Expression<Func<AgendaItem, bool>> filter, CancellationToken ct)
    {
        var rows = await db.Set<AgendaItem>().AsNoTracking().Where(filter)
            .OrderByDescending(i => i.Meeting.Start).ThenBy(i => i.SortKey).Take(500)
            .Select(i => new { i.Id, i.Number, i.Title, Meeting = i.Meeting.Title, i.Meeting.Start })
            .ToListAsync(ct);
        return [.. rows.Select(r => new ItemOption(r.Id, $"{r.Meeting} ({CityTime.Local(r.Start):dd.MM.yyyy}), TOP {r.Number}: {r.Title}"))];
    }

}
