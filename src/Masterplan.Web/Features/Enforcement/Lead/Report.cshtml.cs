using System.Globalization;
using Masterplan.Documents;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Organizations;
using Masterplan.Web.Features.Papers;
using Masterplan.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Enforcement.Lead;

/// <summary>
/// The periodic report to the committee (002 lines 92–97, Berichtspflicht): a period and the department's sections; the
/// figures of the period are added when the report is rendered (tagged PDF, DOCX), and the PDF becomes a paper through
/// <see cref="PaperSubmission"/>.
/// </summary>
public sealed class ReportModel(AppDbContext db, EnforcementFigures figures, PaperSubmission papers, TimeProvider time) : PageModel
{
    public sealed class ReportInput
    {
        public DateOnly? From { get; set; }

        public DateOnly? To { get; set; }

        public string? Title { get; set; }

        public string? Introduction { get; set; }

        public string? Assessment { get; set; }

        public string? NextSteps { get; set; }
    }

    [BindProperty]
    public ReportInput Input { get; set; } = new();

    [BindProperty]
    public int? CommitteeId { get; set; }

    [BindProperty]
    public DateOnly? MeetingDate { get; set; }

    public EnforcementReport? Report { get; private set; }

    public IReadOnlyList<(int Id, string Name)> Committees { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        if (id is { } existing)
        {
            if (await db.EnforcementReports.AsNoTracking().FirstOrDefaultAsync(r => r.Id == existing, ct) is not { } report)
            {
                return NotFound();
            }

            Report = report;
            Input = new ReportInput { From = report.From, To = report.To, Title = report.Title, Introduction = report.Introduction, Assessment = report.Assessment, NextSteps = report.NextSteps };
        }
        else
        {
            // The last full half-year, the rhythm of the committee's reports.
            var today = CityTime.Today(time);
            var (from, to) = today.Month > 6 ? (new DateOnly(today.Year, 1, 1), new DateOnly(today.Year, 6, 30)) : (new DateOnly(today.Year - 1, 7, 1), new DateOnly(today.Year - 1, 12, 31));
            Input = new ReportInput { From = from, To = to, Title = $"Bericht des Kommunalen Ordnungsdienstes {from:dd.MM.yyyy} bis {to:dd.MM.yyyy}".Replace('/', '.') };
        }

        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        var errors = new FieldErrors();
        DateInput.CheckPeriod(errors, Input.From, Input.To, 731, "Ein Bericht umfasst höchstens zwei Jahre.");

        var title = (Input.Title ?? "").Trim();
        if (title.Length is 0 or > 300)
        {
            errors.Add("Input.Title", title.Length == 0 ? "Bitte geben Sie den Titel an." : "Der Titel hat höchstens 300 Zeichen.");
        }

        foreach (var (field, text) in new[] { ("Input.Introduction", Input.Introduction), ("Input.Assessment", Input.Assessment), ("Input.NextSteps", Input.NextSteps) })
        {
            if (text?.Length > EnforcementModule.MaxSection)
            {
                errors.Add(field, "Der Text ist {0} Zeichen lang; möglich sind höchstens {1}.", text.Length, EnforcementModule.MaxSection);
            }
        }

        EnforcementReport? report = null;
        if (id is { } existing && (report = await db.EnforcementReports.FirstOrDefaultAsync(r => r.Id == existing, ct)) is null)
        {
            return NotFound();
        }

        if (this.ShowErrors(Outcome.From(errors)))
        {
            Report = report;
            await LoadAsync(ct);
            return Page();
        }

        if (report is null)
        {
            report = new EnforcementReport { Title = title, CreatedAt = time.GetUtcNow(), CreatedBy = db.CurrentActorName() };
            db.EnforcementReports.Add(report);
        }

        (report.From, report.To, report.Title) = (Input.From!.Value, Input.To!.Value, title);
        (report.Introduction, report.Assessment, report.NextSteps) = ((Input.Introduction ?? "").Trim(), (Input.Assessment ?? "").Trim(), (Input.NextSteps ?? "").Trim());
        await db.SaveChangesAsync(ct);
        return Redirect($"/verwaltung/ordnungsdienst/bericht/{report.Id}");
    }

    /// <summary>The report as a tagged PDF or as DOCX (<c>?handler=File&amp;format=pdf|docx</c>).</summary>
    public async Task<IActionResult> OnGetFileAsync(int? id, string? format, CancellationToken ct)
    {
        if (id is null || await db.EnforcementReports.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct) is not { } report)
        {
            return NotFound();
        }

        var document = EnforcementDocuments.Report(report, await figures.ForPeriodAsync(report.From, report.To, ct));
        return format == "docx"
            ? File(DocxRenderer.Render(document), "application/vnd.openxmlformats-officedocument.wordprocessingml.document", EnforcementDocuments.FileName(report, "docx"))
            : File(PdfRenderer.Render(document), "application/pdf", EnforcementDocuments.FileName(report, "pdf"));
    }

    /// <summary>Sends the report's PDF to a committee as a paper (type Bericht, for its information).</summary>
    public async Task<IActionResult> OnPostSendAsync(int? id, CancellationToken ct)
    {
        if (id is null || await db.EnforcementReports.FirstOrDefaultAsync(r => r.Id == id, ct) is not { } report)
        {
            return NotFound();
        }

        Report = report;
        Input = new ReportInput { From = report.From, To = report.To, Title = report.Title, Introduction = report.Introduction, Assessment = report.Assessment, NextSteps = report.NextSteps };
        var errors = new FieldErrors();
        if (report.PaperId is not null)
        {
            errors.Add("CommitteeId", "Dieser Bericht ist schon als Vorlage gesendet.");
        }
        else if (CommitteeId is null || !await db.Organizations.AnyAsync(o => o.Id == CommitteeId && o.Kind == OrganizationKind.Committee, ct))
        {
            errors.Add("CommitteeId", "Bitte wählen Sie den Ausschuss.");
        }

        if (MeetingDate is null)
        {
            errors.Add("MeetingDate", "Bitte geben Sie das Datum der Beratung an.");
        }

        if (this.ShowErrors(Outcome.From(errors)))
        {
            await LoadAsync(ct);
            return Page();
        }

        var pdf = PdfRenderer.Render(EnforcementDocuments.Report(report, await figures.ForPeriodAsync(report.From, report.To, ct)));
        var outcome = await papers.CreateAsync(new NewPaper(null, report.Title, "Bericht", CityTime.Today(time), "Kommunaler Ordnungsdienst", null, null, null,
            new NewPaperFile(report.Title, EnforcementDocuments.FileName(report, "pdf"), pdf), new NewConsultation(CommitteeId!.Value, MeetingDate!.Value, ConsultationRole.Acknowledgement, true)), ct);
        if (this.ShowErrors(outcome, field => field == "Consultation" ? "MeetingDate" : field.StartsWith("Consultation", StringComparison.Ordinal) ? "MeetingDate" : "CommitteeId"))
        {
            await LoadAsync(ct);
            return Page();
        }

        report.PaperId = outcome.Value;
        db.Audit("enforcement.report.sent", nameof(EnforcementReport), report.Id.ToString(CultureInfo.InvariantCulture), new { paper = outcome.Value });
        await db.SaveChangesAsync(ct);
        return Redirect($"/verwaltung/ordnungsdienst/bericht/{report.Id}");
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Committees = (await db.Organizations.AsNoTracking().Where(o => o.Kind == OrganizationKind.Committee).OrderBy(o => o.Name).Select(o => new { o.Id, o.Name }).ToListAsync(ct))
            .Select(o => (o.Id, o.Name)).ToList();
}
