using Masterplan.Documents;
using Masterplan.Web.Shared.Mail;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Masterplan.Web.Features.Reports.Final;

/// <summary>The final report of masterplan 1.0 as a page, a tagged PDF and a DOCX (<c>?handler=File&amp;format=pdf|docx</c>).</summary>
public sealed class IndexModel(FinalReport report, IOptions<MailOptions> mail, TimeProvider time) : PageModel
{
    public IReadOnlyList<FinalReportLine> Lines { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Lines = await report.LoadAsync(ct);

    public async Task<IActionResult> OnGetFileAsync(string? format, CancellationToken ct)
    {
        var document = FinalReport.ToDocument(await report.LoadAsync(ct), mail.Value.BaseUrl, time.GetUtcNow());
        return format == "docx"
            ? File(DocxRenderer.Render(document), ReportDocument.DocxType, "schlussbericht-masterplan-1.docx")
            : File(PdfRenderer.Render(document), "application/pdf", "schlussbericht-masterplan-1.pdf");
    }
}
