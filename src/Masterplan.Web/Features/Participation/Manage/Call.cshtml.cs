using System.Globalization;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Catalogue;
using Masterplan.Web.Features.Labs;
using Masterplan.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Participation.Manage;

/// <summary>
/// One input call for the Office: the moderation queue (publish, publish with third parties' data removed, reject with
/// a netiquette rule), the evaluation and answer of each contribution and what took it up, and the CSV export.
/// </summary>
public sealed class CallModel(AppDbContext db, Contributions contributions) : PageModel
{
    public InputCall Call { get; private set; } = null!;

    public IReadOnlyList<Contribution> Items { get; private set; } = [];

    public IReadOnlyList<(string Value, string Label)> LabRecommendationChoices { get; private set; } = [];

    public IReadOnlyList<(string Value, string Label)> MeasureChoices { get; private set; } = [];

    public string? Message { get; private set; }

    /// <summary>Which contributions to show: the queue (pending) by default.</summary>
    [BindProperty(SupportsGet = true, Name = "zeige")]
    public string Show { get; set; } = ParticipationModule.Pending;

    public async Task<IActionResult> OnGetAsync(int id, string? gespeichert, CancellationToken ct)
    {
        Message = gespeichert is null ? null : "Gespeichert.";
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostPublishAsync(int id, int contributionId, string? redacted, CancellationToken ct) =>
        await AfterAsync(id, contributionId, await contributions.PublishAsync(contributionId, redacted, ct), ct);

    public async Task<IActionResult> OnPostRejectAsync(int id, int contributionId, string? reason, CancellationToken ct) =>
        await AfterAsync(id, contributionId, await contributions.RejectAsync(contributionId, reason, ct), ct);

    public async Task<IActionResult> OnPostAnswerAsync(int id, int contributionId, string? status, string? answer, string? reason, string? takenUp, CancellationToken ct)
    {
        string? kind = null;
        int? target = null;
        var colon = takenUp?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        if (colon > 0 && int.TryParse(takenUp![(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
        {
            kind = takenUp[..colon];
            target = parsed;
        }

        return await AfterAsync(id, contributionId, await contributions.AnswerAsync(contributionId, new AnswerInput(status, answer, reason, kind, target), ct), ct);
    }

    /// <summary>Every contribution of the call as CSV for spreadsheet programs; without addresses and redacted originals.</summary>
    public async Task<IActionResult> OnGetExportAsync(int id, CancellationToken ct)
    {
        var call = await db.InputCalls.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (call is null)
        {
            return NotFound();
        }

        var items = await db.Contributions.AsNoTracking().Where(c => c.InputCallId == id).OrderBy(c => c.SubmittedAt).ThenBy(c => c.Id).ToListAsync(ct);
        var inv = CultureInfo.InvariantCulture;
        IEnumerable<IEnumerable<string?>> rows =
        [
            ["Nr.", "Eingegangen", "Moderation", "Grund der Ablehnung", "Stand", "Stadtbezirk", "Thema", "Name", "Text", "Antwort", "Begründung", "Aufgegriffen durch", "Unterstützungen", "Antwort gewünscht"],
            .. items.Select(c => new[]
            {
                c.Id.ToString(inv), CityTime.Local(c.SubmittedAt).ToString("yyyy-MM-dd HH:mm", inv), ParticipationModule.ModerationLabel(c.Moderation),
                ParticipationModule.NetiquetteText(c.RejectReason), ParticipationModule.StatusLabel(c.Status), c.District, c.Theme, c.AuthorName, c.Text, c.Answer, c.Reason,
                c.TakenUpKind is null ? null : $"{ParticipationModule.TakenUpLabel(c.TakenUpKind)} {c.TakenUpId?.ToString(inv)}",
                c.SupportCount.ToString(inv), c.EmailConfirmedAt is not null ? "ja (bestätigt)" : c.Email is not null ? "ja (nicht bestätigt)" : "nein",
            }),
        ];
        return File(CsvTable.Write(rows), "text/csv; charset=utf-8", $"beteiligung-{id}.csv");
    }

    private async Task<IActionResult> AfterAsync(int id, int contributionId, Outcome outcome, CancellationToken ct)
    {
        if (outcome.IsNotFound)
        {
            return NotFound();
        }

        if (outcome.Succeeded)
        {
            return Redirect($"/verwaltung/beteiligung/{id}?zeige={Uri.EscapeDataString(Show)}&gespeichert=1#beitrag-{contributionId}");
        }

        this.ShowErrors(outcome);
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var call = await db.InputCalls.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (call is null)
        {
            return false;
        }

        Call = call;
        var query = db.Contributions.AsNoTracking().Where(c => c.InputCallId == id);
        if (Show != "all")
        {
            Show = new[] { ParticipationModule.Pending, ParticipationModule.Published, ParticipationModule.Rejected }.Contains(Show) ? Show : ParticipationModule.Pending;
            query = query.Where(c => c.Moderation == Show);
        }

        Items = await query.OrderBy(c => c.SubmittedAt).ThenBy(c => c.Id).Take(200).ToListAsync(ct);
        var recommendations = await db.LabRecommendations.AsNoTracking().Join(db.Labs, r => r.LabId, l => l.Id, (r, l) => new { r.Id, r.Text, l.Title })
            .OrderByDescending(r => r.Id).Take(200).ToListAsync(ct);
        LabRecommendationChoices = recommendations.Select(r => ($"{ParticipationModule.TakenUpByLabRecommendation}:{r.Id}", $"{r.Title}: {Excerpt(r.Text)}")).ToList();
        var measures = await db.Measures.AsNoTracking().Where(m => m.IsPublic).OrderBy(m => m.Title).Select(m => new { m.Id, m.Title }).ToListAsync(ct);
        MeasureChoices = measures.Select(m => ($"{ParticipationModule.TakenUpByMeasure}:{m.Id}", m.Title)).ToList();
        return true;
    }

    private static string Excerpt(string text) => text.Length <= 80 ? text : text[..80] + "…";
}
