using System.Globalization;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Catalogue;
using Masterplan.Documents;
using Masterplan.Web.Features.Labs;
using Masterplan.Web.Features.Meetings;
using Masterplan.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Participation.Manage;

/// <summary>
/// One input call for the Office: the moderation queue (publish, publish with third parties' data removed, reject with
/// a netiquette rule), the evaluation and answer of each contribution and what took it up, and the CSV export.
/// </summary>
public sealed class CallModel(AppDbContext db, Contributions contributions, CallQuestions questions, Evaluation evaluation, TimeProvider time) : PageModel
{
    public InputCall Call { get; private set; } = null!;

    public IReadOnlyList<Contribution> Items { get; private set; } = [];

    public IReadOnlyList<(string Value, string Label)> LabRecommendationChoices { get; private set; } = [];

    public IReadOnlyList<(string Value, string Label)> MeasureChoices { get; private set; } = [];

    public IReadOnlyList<(string Value, string Label)> BodyRecommendationChoices { get; private set; } = [];

    public IReadOnlyList<(string Value, string Label)> AgendaItemChoices { get; private set; } = [];

    public IReadOnlyList<InputCallQuestion> Questions { get; private set; } = [];

    /// <summary>The answers to the extra questions of the shown contributions, by contribution.</summary>
    public ILookup<int, ContributionAnswer> Answers { get; private set; } = Array.Empty<ContributionAnswer>().ToLookup(a => a.ContributionId);

    /// <summary>The readers' flags of the shown contributions: the netiquette rules they named, by contribution.</summary>
    public ILookup<int, string> Flags { get; private set; } = Array.Empty<string>().ToLookup(_ => 0);

    public int FlaggedCount { get; private set; }

    /// <summary>The new question's fields, kept when it is refused.</summary>
    [BindProperty]
    public string? QuestionKind { get; set; }

    [BindProperty]
    public string? QuestionPrompt { get; set; }

    [BindProperty]
    public string? QuestionOptions { get; set; }

    [BindProperty]
    public bool QuestionRequired { get; set; }

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

    public async Task<IActionResult> OnPostClearFlagsAsync(int id, int contributionId, CancellationToken ct) =>
        await AfterAsync(id, contributionId, await contributions.ClearFlagsAsync(contributionId, ct), ct);

    public async Task<IActionResult> OnPostAddQuestionAsync(int id, CancellationToken ct)
    {
        var result = await questions.AddAsync(id, QuestionKind, QuestionPrompt, QuestionOptions, QuestionRequired, ct);
        return result.Succeeded ? Redirect($"/verwaltung/beteiligung/{id}?gespeichert=1#fragen") : await AfterAsync(id, 0, result, ct);
    }

    public async Task<IActionResult> OnPostRemoveQuestionAsync(int id, int questionId, CancellationToken ct)
    {
        var result = await questions.RemoveAsync(id, questionId, ct);
        return result.Succeeded ? Redirect($"/verwaltung/beteiligung/{id}?gespeichert=1#fragen") : await AfterAsync(id, 0, result, ct);
    }

    /// <summary>The evaluation report with the free-text answers, for the lab, the body or the committee; at any time.</summary>
    public async Task<IActionResult> OnGetReportAsync(int id, string? format, CancellationToken ct)
    {
        if (await evaluation.BuildAsync(id, forOffice: true, ct) is not { } data)
        {
            return NotFound();
        }

        var document = Evaluation.ToDocument(data, time.GetUtcNow());
        return format == "docx"
            ? File(DocxRenderer.Render(document), "application/vnd.openxmlformats-officedocument.wordprocessingml.document", Evaluation.FileName(id, "docx"))
            : File(PdfRenderer.Render(document), "application/pdf", Evaluation.FileName(id, "pdf"));
    }

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
        var questions = await db.InputCallQuestions.AsNoTracking().Where(q => q.InputCallId == id).OrderBy(q => q.Position).ToListAsync(ct);
        var answers = (await db.ContributionAnswers.AsNoTracking().Where(a => db.Set<Contribution>().Any(c => c.Id == a.ContributionId && c.InputCallId == id)).ToListAsync(ct))
            .ToDictionary(a => (a.ContributionId, a.QuestionId), a => a.Value);
        var inv = CultureInfo.InvariantCulture;
        IEnumerable<IEnumerable<string?>> rows =
        [
            [
                "Nr.", "Eingegangen", "Moderation", "Grund der Ablehnung", "Stand", "Stadtbezirk", "Thema", "Name", "Text", "Antwort", "Begründung", "Aufgegriffen durch", "Unterstützungen",
                "Meldungen von Lesenden", "Antwort gewünscht", .. questions.Select(q => q.Prompt),
            ],
            .. items.Select(c => (string?[])
            [
                c.Id.ToString(inv), CityTime.Local(c.SubmittedAt).ToString("yyyy-MM-dd HH:mm", inv), ParticipationModule.ModerationLabel(c.Moderation),
                ParticipationModule.NetiquetteText(c.RejectReason), ParticipationModule.StatusLabel(c.Status), c.District, c.Theme, c.AuthorName, c.Text, c.Answer, c.Reason,
                c.TakenUpKind is null ? null : $"{ParticipationModule.TakenUpLabel(c.TakenUpKind)} {c.TakenUpId?.ToString(inv)}",
                c.SupportCount.ToString(inv), c.FlagCount.ToString(inv), c.EmailConfirmedAt is not null ? "ja (bestätigt)" : c.Email is not null ? "ja (nicht bestätigt)" : "nein",
                .. questions.Select(q => answers.GetValueOrDefault((c.Id, q.Id))),
            ]),
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
        FlaggedCount = await query.CountAsync(c => c.FlagCount > 0 && c.Moderation == ParticipationModule.Published, ct);
        if (Show == Flagged)
        {
            query = query.Where(c => c.FlagCount > 0 && c.Moderation == ParticipationModule.Published);
        }
        else if (Show != "all")
        {
            Show = new[] { ParticipationModule.Pending, ParticipationModule.Published, ParticipationModule.Rejected }.Contains(Show) ? Show : ParticipationModule.Pending;
            query = query.Where(c => c.Moderation == Show);
        }

        Items = await query.OrderBy(c => c.SubmittedAt).ThenBy(c => c.Id).Take(200).ToListAsync(ct);
        var shown = Items.Select(c => c.Id).ToList();
        Questions = await db.InputCallQuestions.AsNoTracking().Where(q => q.InputCallId == id).OrderBy(q => q.Position).ToListAsync(ct);
        Answers = (await db.ContributionAnswers.AsNoTracking().Where(a => shown.Contains(a.ContributionId)).ToListAsync(ct)).ToLookup(a => a.ContributionId);
        Flags = (await db.ContributionFlags.AsNoTracking().Where(f => shown.Contains(f.ContributionId)).Select(f => new { f.ContributionId, f.Reason }).ToListAsync(ct))
            .ToLookup(f => f.ContributionId, f => f.Reason);
        var recommendations = await db.LabRecommendations.AsNoTracking().Join(db.Labs, r => r.LabId, l => l.Id, (r, l) => new { r.Id, r.Text, l.Title })
            .OrderByDescending(r => r.Id).Take(200).ToListAsync(ct);
        LabRecommendationChoices = recommendations.Select(r => ($"{ParticipationModule.TakenUpByLabRecommendation}:{r.Id}", $"{r.Title}: {Excerpts.Excerpt(r.Text, 80)}")).ToList();
        var measures = await db.Measures.AsNoTracking().Where(m => m.IsPublic).OrderBy(m => m.Title).Select(m => new { m.Id, m.Title }).ToListAsync(ct);
        MeasureChoices = measures.Select(m => ($"{ParticipationModule.TakenUpByMeasure}:{m.Id}", m.Title)).ToList();
        // Only public targets: the impact chain is a public page.
        var bodyRecommendations = await db.Set<Recommendation>().AsNoTracking().VisibleTo(MeetingViewer.Public, db.Set<AgendaItem>())
            .OrderByDescending(r => r.AdoptedOn).Take(200).Select(r => new { r.Id, r.Title, r.AdoptedOn, Body = r.Meeting.Organization.Name }).ToListAsync(ct);
        BodyRecommendationChoices = bodyRecommendations
            .Select(r => ($"{ParticipationModule.TakenUpByBodyRecommendation}:{r.Id}", $"{r.Body}, {r.AdoptedOn.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture)}: {r.Title}")).ToList();
        var items = await db.Set<AgendaItem>().AsNoTracking().Where(a => a.IsPublic && a.Meeting.IsPublic).OrderByDescending(a => a.Meeting.Start).ThenBy(a => a.SortKey).Take(200)
            .Select(a => new { a.Id, a.Number, a.Title, a.Meeting.Start, Body = a.Meeting.Organization.Name }).ToListAsync(ct);
        AgendaItemChoices = items
            .Select(a => ($"{ParticipationModule.TakenUpByAgendaItem}:{a.Id}", $"{a.Body}, {CityTime.Local(a.Start).ToString("dd.MM.yyyy", CultureInfo.InvariantCulture)}, TOP {a.Number}: {a.Title}")).ToList();
        return true;
    }

    /// <summary>The view of published contributions that readers flagged.</summary>
    public const string Flagged = "flagged";
}
