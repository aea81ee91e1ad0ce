using Masterplan.Web.Data;
using Masterplan.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Reports.HalfYear;

/// <summary>
/// The Office writes a half-year report (period, texts), previews the compiled figures, submits it to the Lenkungskreis,
/// starts a new version after approval, and sends the approved edition to the committee as a Mitteilung.
/// </summary>
public sealed class EditModel(AppDbContext db, HalfYearDesk desk, TimeProvider time) : PageModel
{
    [BindProperty]
    public HalfYearInput Input { get; set; } = new();

    [BindProperty]
    public DateOnly? MeetingDate { get; set; }

    public HalfYearReport? Report { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        if (id is null)
        {
            // The last full half-year: the rhythm of the committee's reports.
            var today = CityTime.Today(time);
            var (from, to) = today.Month > 6 ? (new DateOnly(today.Year, 1, 1), new DateOnly(today.Year, 6, 30)) : (new DateOnly(today.Year - 1, 7, 1), new DateOnly(today.Year - 1, 12, 31));
            Input = new HalfYearInput
            {
                From = from, To = to,
                Title = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Halbjahresbericht Masterplan Kommunale Sicherheit, {from:dd.MM.yyyy} bis {to:dd.MM.yyyy}"),
            };
            return Page();
        }

        return await LoadAsync(id.Value, fillInput: true, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        var outcome = await desk.SaveAsync(id, Input, ct);
        if (outcome.IsNotFound)
        {
            return NotFound();
        }

        if (this.ShowErrors(outcome))
        {
            if (id is not null)
            {
                await LoadAsync(id.Value, fillInput: false, ct);
            }

            return Page();
        }

        return Redirect($"/verwaltung/berichte/halbjahr/bearbeiten/{outcome.Value}");
    }

    public Task<IActionResult> OnPostSubmitAsync(int id, CancellationToken ct) =>
        StepAsync(id, c => desk.SubmitAsync(id, UserId, c), ct);

    public Task<IActionResult> OnPostNewVersionAsync(int id, CancellationToken ct) =>
        StepAsync(id, c => desk.NewVersionAsync(id, c), ct);

    public Task<IActionResult> OnPostSendAsync(int id, CancellationToken ct) =>
        StepAsync(id, async c => await desk.SendAsync(id, MeetingDate, c), ct);

    private string UserId => User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value ?? "";

    private async Task<IActionResult> StepAsync(int id, Func<CancellationToken, Task<Outcome>> step, CancellationToken ct)
    {
        var outcome = await step(ct);
        if (outcome.IsNotFound)
        {
            return NotFound();
        }

        if (this.ShowErrors(outcome))
        {
            return await LoadAsync(id, fillInput: true, ct) ? Page() : NotFound();
        }

        return Redirect($"/verwaltung/berichte/halbjahr/bearbeiten/{id}");
    }

    private async Task<bool> LoadAsync(int id, bool fillInput, CancellationToken ct)
    {
        Report = await db.HalfYearReports.AsNoTracking().Include(r => r.Editions.OrderBy(e => e.Version)).FirstOrDefaultAsync(r => r.Id == id, ct);
        if (Report is { } r && fillInput)
        {
            Input = new HalfYearInput { From = r.From, To = r.To, Title = r.Title, Introduction = r.Introduction, Assessment = r.Assessment, Outlook = r.Outlook };
        }

        return Report is not null;
    }
}
