using Masterplan.Documents;
using Masterplan.Web.Data;
using Masterplan.Web.Shared.Mail;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Masterplan.Web.Features.Reports.Review;

/// <summary>
/// One edition of a half-year report as a page, a tagged PDF or a DOCX (<c>?handler=File&amp;format=pdf|docx</c>), always
/// from its frozen content; without a version, a preview of the current draft compiled with today's figures.
/// </summary>
public sealed class EditionModel(AppDbContext db, HalfYearCompiler compiler, IOptions<MailOptions> mail) : PageModel
{
    public HalfYearReport Report { get; private set; } = null!;

    public HalfYearReportEdition Edition { get; private set; } = null!;

    public ReportContent Compiled { get; private set; } = null!;

    public bool IsPreview { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, int? version, CancellationToken ct) =>
        await LoadAsync(id, version, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnGetFileAsync(int id, int? version, string? format, CancellationToken ct)
    {
        if (!await LoadAsync(id, version, ct))
        {
            return NotFound();
        }

        var document = ReportDocument.HalfYear(Edition, Compiled, mail.Value.BaseUrl);
        return format == "docx"
            ? File(DocxRenderer.Render(document), ReportDocument.DocxType, HalfYearDesk.FileName(Edition, "docx"))
            : File(PdfRenderer.Render(document), "application/pdf", HalfYearDesk.FileName(Edition, "pdf"));
    }

    private async Task<bool> LoadAsync(int id, int? version, CancellationToken ct)
    {
        if (await db.HalfYearReports.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct) is not { } report)
        {
            return false;
        }

        Report = report;
        if (version is { } v)
        {
            if (await db.HalfYearReportEditions.AsNoTracking().FirstOrDefaultAsync(e => e.ReportId == id && e.Version == v, ct) is not { } edition)
            {
                return false;
            }

            (Edition, Compiled) = (edition, ReportContent.FromJson(edition.ContentJson));
            return true;
        }

        IsPreview = true;
        Compiled = await compiler.CompileAsync(report.From, report.To, ct);
        Edition = new HalfYearReportEdition
        {
            ReportId = id, Version = report.Version, From = report.From, To = report.To, Title = report.Title, Introduction = report.Introduction,
            Assessment = report.Assessment, Outlook = report.Outlook, ContentJson = "", CreatedBy = "",
        };
        return true;
    }
}
