using Masterplan.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Masterplan.Web.Features.Reports.Final;

/// <summary>The Office records, for one measure of masterplan 1.0, what became of it, its successors in 2.0 and the lessons.</summary>
public sealed class EntryModel(FinalReport report) : PageModel
{
    [BindProperty]
    public string? Outcome { get; set; }

    [BindProperty]
    public string? Lessons { get; set; }

    [BindProperty]
    public List<int> Successors { get; set; } = [];

    public FinalReportLine Line { get; private set; } = null!;

    public IReadOnlyList<(int Id, string Title)> Candidates { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int measureId, CancellationToken ct)
    {
        if (!await LoadAsync(measureId, ct))
        {
            return NotFound();
        }

        (Outcome, Lessons, Successors) = (Line.Outcome, Line.Lessons, [.. Line.Successors.Select(s => s.Id)]);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int measureId, CancellationToken ct)
    {
        var outcome = await report.SaveAsync(measureId, Outcome, Lessons, Successors, ct);
        if (outcome.IsNotFound)
        {
            return NotFound();
        }

        if (this.ShowErrors(outcome))
        {
            return await LoadAsync(measureId, ct) ? Page() : NotFound();
        }

        return Redirect("/verwaltung/berichte/schlussbericht");
    }

    private async Task<bool> LoadAsync(int measureId, CancellationToken ct)
    {
        if ((await report.LoadAsync(ct)).FirstOrDefault(l => l.MeasureId == measureId) is not { } line)
        {
            return false;
        }

        Line = line;
        Candidates = await report.CandidatesAsync(ct);
        return true;
    }
}
