using Masterplan.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Masterplan.Web.Features.Confidential;

/// <summary>A unit's list of cases (the folder's policy lets only the unit's role in; the desk reads only the unit's cases).</summary>
public abstract class CaseListPage(CaseDesk desk, string unit) : PageModel
{
    public const int PageSize = 50;

    public string Unit => unit;

    [FromQuery(Name = "alle")]
    public bool All { get; set; }

    [FromQuery(Name = "seite")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<CaseRow> Rows { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public async Task OnGetAsync([FromServices] TimeProvider time, CancellationToken ct)
    {
        Today = CityTime.Today(time);
        Rows = await desk.ListAsync(unit, All, Math.Max(1, PageNumber), PageSize, ct);
    }
}

/// <summary>One case for its unit: read (audited), statuses, reply, notes, advice, forwarding with consent, files.</summary>
public abstract class CasePage(CaseDesk desk, string unit) : PageModel
{
    public string Unit => unit;

    public CaseView? Case { get; private set; }

    /// <summary>The text for the authority after "Weitergabe vorbereiten".</summary>
    public string? ForwardText { get; private set; }

    [BindProperty]
    public string? Status { get; set; }

    [BindProperty]
    public string? OutcomeCategory { get; set; }

    [BindProperty]
    public string? OutcomeText { get; set; }

    [BindProperty]
    public string? Reply { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    [BindProperty]
    public string? Advice { get; set; }

    [TempData]
    public string? Saved { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        Case = await desk.GetAsync(unit, id, ct);
        return Case is null ? NotFound() : Page();
    }

    public Task<IActionResult> OnPostStatusAsync(int id, CancellationToken ct) =>
        DoAsync(id, desk.SetStatusAsync(unit, id, Status, OutcomeCategory, OutcomeText, ct), "Der Status ist gespeichert.", ct);

    public Task<IActionResult> OnPostReplyAsync(int id, CancellationToken ct) =>
        DoAsync(id, desk.ReplyAsync(unit, id, Reply, ct), "Die Antwort steht im Postfach der Person.", ct);

    public Task<IActionResult> OnPostNoteAsync(int id, CancellationToken ct) =>
        DoAsync(id, desk.AddNoteAsync(unit, id, Note, ct), "Die Notiz ist gespeichert.", ct);

    public Task<IActionResult> OnPostAdviceAsync(int id, CancellationToken ct) =>
        DoAsync(id, desk.SaveAdviceAsync(unit, id, Advice, ct), "Die Beratung ist festgehalten.", ct);

    public async Task<IActionResult> OnPostForwardAsync(int id, bool record, CancellationToken ct)
    {
        var outcome = await desk.ForwardAsync(unit, id, record, ct);
        if (outcome.IsNotFound)
        {
            return NotFound();
        }

        Case = await desk.GetAsync(unit, id, ct);
        if (!this.ShowErrors(outcome))
        {
            ForwardText = outcome.Value;
        }

        return Page();
    }

    public async Task<IActionResult> OnGetFileAsync(int id, int fileId, CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-cache, no-store";
        return await desk.FileAsync(id, unit, fileId, ct) is { } file ? File(file.Bytes, file.MediaType, file.Name) : NotFound();
    }

    private async Task<IActionResult> DoAsync(int id, Task<Outcome> work, string saved, CancellationToken ct)
    {
        var outcome = await work;
        if (outcome.IsNotFound)
        {
            return NotFound();
        }

        if (this.ShowErrors(outcome))
        {
            Case = await desk.GetAsync(unit, id, ct);
            return Page();
        }

        Saved = saved;
        return Redirect($"{ConfidentialModule.UnitPath(unit)}/{id}");
    }
}
