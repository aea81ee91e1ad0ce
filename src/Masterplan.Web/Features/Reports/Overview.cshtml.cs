using Masterplan.Documents;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Masterplan.Web.Features.Grants;
using Masterplan.Web.Shared;

namespace Masterplan.Web.Features.Reports;

/// <summary>The status overview for a chosen period: as a page, a tagged PDF and a DOCX (docs/domain.md#status-overview).</summary>
public sealed class OverviewModel(StatusOverview overview, GrantFigures grants, TimeProvider time) : PageModel
{
    public StatusOverviewData Data { get; private set; } = null!;

    /// <summary>The grant programme's totals of the budget year in which the period ends.</summary>
    public GrantYearFigures Grants { get; private set; } = null!;

    /// <summary>Only this field of action and its sub-fields (none: all), so a working group gets its part.</summary>
    [BindProperty(SupportsGet = true, Name = "feld")]
    public int? FieldId { get; set; }

    [BindProperty(SupportsGet = true, Name = "von")]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true, Name = "bis")]
    public DateOnly? To { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    /// <summary>"12.500,00 €", as the grant programme writes amounts.</summary>
    public static string Euro(long cents) => (cents / 100m).ToString("#,##0.00", TypedNumber.German) + " €";

    public async Task<IActionResult> OnGetPdfAsync(CancellationToken ct) =>
        await LoadAsync(ct) ? File(PdfRenderer.Render(StatusOverview.ToDocument(Data, null)), "application/pdf", FileName("pdf")) : Page();

    public async Task<IActionResult> OnGetDocxAsync(CancellationToken ct) =>
        await LoadAsync(ct)
            ? File(DocxRenderer.Render(StatusOverview.ToDocument(Data, null)), "application/vnd.openxmlformats-officedocument.wordprocessingml.document", FileName("docx"))
            : Page();

    private string FileName(string extension) =>
        $"statusuebersicht-{(Data.Field is { } f ? $"feld-{f.Number}-" : "")}{Data.From:yyyy-MM-dd}-{Data.To:yyyy-MM-dd}.{extension}";

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var today = CityTime.Today(time);
        var (from, to) = (From ?? today.AddMonths(-3), To ?? today);
        if (to < from)
        {
            ModelState.AddModelError("bis", "Das Ende des Zeitraums liegt vor seinem Anfang.");
            (from, to) = (to, from);
        }

        (From, To) = (from, to);
        Data = await overview.BuildAsync(from, to, FieldId, ct);

        // Every answer that shows the page has the section, also a PDF or DOCX request sent back to the page with a message.
        Grants = await grants.ForYearAsync(to.Year, ct);
        if (FieldId is not null && Data.Field is null)
        {
            ModelState.AddModelError("feld", "Dieses Handlungsfeld gibt es im Katalog nicht (mehr). Die Übersicht zeigt alle Handlungsfelder.");
        }

        return ModelState.IsValid;
    }
}
