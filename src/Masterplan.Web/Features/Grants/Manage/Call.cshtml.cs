using Masterplan.Web.Data;
using Masterplan.Web.Features.Catalogue;
using Masterplan.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Grants.Manage;

/// <summary>
/// A call for the Office: the form to create or change it (criteria with weights, budget, maximum per project, deadline in
/// Dortmund time, measure, required documents), publishing it, and once applications came in their list and the ranking
/// within the call's budget.
/// </summary>
public sealed class CallModel(GrantDesk desk, AppDbContext db) : PageModel
{
    public sealed record Row(int Id, string? ReceiptNumber, string Association, string ProjectTitle, GrantStatus Status, long RequestedCents, long? GrantedCents, DateTimeOffset? SubmittedAt);

    [BindProperty]
    public CallInput Input { get; set; } = new();

    public GrantCall? Call { get; private set; }

    public List<(int Id, string Title)> Measures { get; private set; } = [];

    public List<Row> Applications { get; private set; } = [];

    public List<RankingLine> Ranking { get; private set; } = [];

    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? id, string? gespeichert, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Message = gespeichert switch
        {
            "aufruf" => "Der Aufruf ist gespeichert.",
            "veroeffentlicht" => "Der Aufruf ist veröffentlicht.",
            _ => null,
        };
        if (Call is { } c)
        {
            var local = CityTime.Local(c.Deadline);
            Input = new CallInput
            {
                Title = c.Title, Purpose = c.Purpose, Eligibility = c.Eligibility, Year = c.Year, Budget = c.BudgetCents / 100m, MaxPerProject = c.MaxPerProjectCents / 100m,
                DeadlineDate = DateOnly.FromDateTime(local), DeadlineTime = TimeOnly.FromDateTime(local), MeasureId = c.MeasureId, RequiredDocuments = c.RequiredDocuments,
                Criteria = [.. c.Criteria.OrderBy(x => x.Position).Select(x => new CriterionInput { Name = x.Name, Weight = x.Weight })],
            };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        // A field the form could not read (a number or date that is none) is named first; the desk would take it as empty.
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var outcome = await desk.SaveCallAsync(id, Input, ct);
        if (outcome.IsNotFound)
        {
            return NotFound();
        }

        if (this.ShowErrors(outcome, f => f.Length == 0 ? f : "Input." + f))
        {
            return Page();
        }

        return Redirect($"/verwaltung/foerderung/aufrufe/{((Outcome<int>)outcome).Value}?gespeichert=aufruf");
    }

    public async Task<IActionResult> OnPostPublishAsync(int? id, CancellationToken ct)
    {
        if (id is null || !await LoadAsync(id, ct))
        {
            return NotFound();
        }

        var outcome = await desk.PublishAsync(id.Value, ct);
        if (this.ShowErrors(outcome, f => f.Length == 0 ? f : "Input." + f))
        {
            return Page();
        }

        return Redirect($"/verwaltung/foerderung/aufrufe/{id}?gespeichert=veroeffentlicht");
    }

    private async Task<bool> LoadAsync(int? id, CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-cache, no-store";
        Measures = [.. (await db.Set<Measure>().AsNoTracking().OrderBy(m => m.Title).Select(m => new { m.Id, m.Title }).ToListAsync(ct)).Select(m => (m.Id, m.Title))];
        if (id is not { } callId)
        {
            return true;
        }

        Call = await db.GrantCalls.AsNoTracking().Include(c => c.Criteria).FirstOrDefaultAsync(c => c.Id == callId, ct);
        if (Call is null)
        {
            return false;
        }

        Applications = await db.GrantApplications.AsNoTracking().Where(a => a.CallId == callId && a.Status != GrantStatus.Draft).OrderBy(a => a.Id)
            .Select(a => new Row(a.Id, a.ReceiptNumber, db.Set<Association>().Where(x => x.Id == a.AssociationId).Select(x => x.Name).First(), a.ProjectTitle, a.Status,
                a.RequestedCents, a.GrantedCents, a.SubmittedAt))
            .ToListAsync(ct);
        Ranking = await desk.RankingAsync(callId, ct);
        return true;
    }

}
