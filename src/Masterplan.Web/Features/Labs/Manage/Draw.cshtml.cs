using Masterplan.Web.Data;
using Masterplan.Web.Features.Jobs;
using Masterplan.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Labs.Manage;

/// <summary>
/// The two-stage draw of one lab for the Office (docs/domain.md#two-stage-draw): register extract, invitees, letters, registrations,
/// panel selection and a replay check. Personal data is shown here only, to the Office.
/// </summary>
[RequestSizeLimit(MaxUploadBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxUploadBytes)]
[LabExists]
public sealed class DrawModel(AppDbContext db, TimeProvider time) : PageModel
{
    public const long MaxUploadBytes = 200L * 1024 * 1024;

    public NeighbourhoodLab Lab { get; private set; } = null!;

    public int RegisterRows { get; private set; }

    public InviteeDrawRecord? DrawRecord { get; private set; }

    public int Invitations { get; private set; }

    public IReadOnlyList<LabRegistration> Registrations { get; private set; } = [];

    public PanelSelectionRecord? Selection { get; private set; }

    public IReadOnlyList<FieldError> Relaxation { get; private set; } = [];

    public ReplayReport? Replay { get; private set; }

    public string? Message { get; private set; }

    /// <summary>The lab's long steps still at work in the background, with their progress pages.</summary>
    public IReadOnlyList<(int Id, string Title)> Running { get; private set; } = [];

    public string Today => CityTime.Today(time).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [BindProperty]
    public int? PanelSize { get; set; }

    [BindProperty]
    public string? Quotas { get; set; }

    [BindProperty]
    public string? Algorithm { get; set; }

    [BindProperty]
    public string? Seed { get; set; }

    [BindProperty]
    public string? SeedAct { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, string? gespeichert, CancellationToken ct)
    {
        Message = gespeichert is null ? null : "Gespeichert.";
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    /// <summary>Checks the file here (bad input is answered on this form) and imports it in the background.</summary>
    public async Task<IActionResult> OnPostImportAsync(int id, IFormFile? file, DateOnly? referenceDate, [FromServices] RegisterImport import, [FromServices] BackgroundTasks tasks, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            return await AfterAsync(id, [new FieldError("", "Bitte wählen Sie die CSV-Datei des Melderegister-Auszugs.")], ct);
        }

        var bytes = new byte[file.Length];
        await using (var stream = file.OpenReadStream())
        {
            await stream.ReadExactlyAsync(bytes, ct);
        }

        var fileName = Path.GetFileName(file.FileName);
        var (result, rows) = await import.CheckAsync(id, new MemoryStream(bytes, writable: false), fileName, referenceDate, ct);
        if (result.Errors.Count > 0)
        {
            return await AfterAsync(id, result.Errors, ct);
        }

        var task = await tasks.StartAsync(DrawTasks.Import, id, LabsModule.Manage, new DrawTasks.ImportForm(fileName, referenceDate, rows), bytes, User,
            DrawTasks.ImportTitle, DrawTasks.DrawPage(id), DrawTasks.Lane(id), ct);
        return await ProgressOrBusyAsync(id, task, ct);
    }

    public async Task<IActionResult> OnPostDrawAsync(int id, int? count, string? method, string? drawSeed, string? drawSeedAct, DateOnly? referenceDate, [FromServices] InviteeDrawing invitees, CancellationToken ct)
    {
        var result = await invitees.DrawAsync(id, count, method, drawSeed, referenceDate, drawSeedAct, ct);
        return await AfterAsync(id, result.Errors, ct);
    }

    /// <summary>Checks the lab's details here and makes the letters in the background; the progress page offers the PDF.</summary>
    public async Task<IActionResult> OnPostLettersAsync(int id, DateOnly? labDate, TimeOnly? labStart, TimeOnly? labEnd, string? labPlace, DateOnly? deadline,
        [FromServices] InvitationLetters letters, [FromServices] BackgroundTasks tasks, CancellationToken ct)
    {
        var details = new LetterDetails(labDate, labStart, labEnd, labPlace, deadline);
        var result = await letters.CheckAsync(id, details, ct);
        if (result.Errors.Count > 0)
        {
            return await AfterAsync(id, result.Errors, ct);
        }

        var task = await tasks.StartAsync(DrawTasks.Letters, id, LabsModule.Manage, new DrawTasks.LettersForm(labDate, labStart, labEnd, labPlace, deadline), null, User,
            DrawTasks.LettersTitle, DrawTasks.DrawPage(id), DrawTasks.Lane(id), ct);
        return await ProgressOrBusyAsync(id, task, ct);
    }

    /// <summary>Checks the form and the quotas' feasibility here, and selects the panel in the background (LEXIMIN may take minutes).</summary>
    public async Task<IActionResult> OnPostSelectAsync(int id, [FromServices] PanelDrawing panel, [FromServices] BackgroundTasks tasks, CancellationToken ct)
    {
        var (result, relaxation, _) = await panel.CheckAsync(id, PanelSize, Quotas, Algorithm, Seed, SeedAct, feasibility: true, ct);
        if (result.Errors.Count > 0)
        {
            Relaxation = relaxation;
            return await AfterAsync(id, result.Errors, ct);
        }

        var task = await tasks.StartAsync(DrawTasks.Panel, id, LabsModule.Manage, new DrawTasks.PanelForm(PanelSize, Quotas, Algorithm, Seed, SeedAct), null, User,
            DrawTasks.PanelTitle, DrawTasks.DrawPage(id), DrawTasks.Lane(id), ct);
        return await ProgressOrBusyAsync(id, task, ct);
    }

    public async Task<IActionResult> OnPostDropoutAsync(int id, string? respondentId, [FromServices] Replacement replacement, CancellationToken ct)
    {
        var result = await replacement.ReplaceAsync(id, respondentId, ct);
        return await AfterAsync(id, result.Errors, ct);
    }

    public async Task<IActionResult> OnPostReplayAsync(int id, [FromServices] LabReplay replay, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Replay = await replay.ReplayAsync(id, ct);
        return Page();
    }

    private static readonly FieldError Busy =
        new("", "Für dieses Labor läuft noch eine Arbeit im Hintergrund (oben verlinkt). Bitte warten Sie, bis sie fertig ist, und versuchen Sie es dann erneut. Es wurde nichts gespeichert.");

    // Each step builds on the one before (the draw on the stored extract, the letters on the draw's invitations, the panel on
    // the registrations): while one of them still runs in the background for this lab, no step that changes it may start, or
    // a draw would be made from an extract that is being replaced, or two letter runs would each give the invitees new codes.
    // Only the replay, which reads, may.
    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (HttpMethods.IsPost(Request.Method) && context.HandlerMethod?.Name != "Replay"
            && int.TryParse(RouteData.Values["id"]?.ToString(), out var id) && (await RunningAsync(id, HttpContext.RequestAborted)).Count > 0)
        {
            context.Result = await AfterAsync(id, [Busy], HttpContext.RequestAborted);
            return;
        }

        await next();
    }

    // A step's task, or the same refusal as above when a request of the same instant started one (the lane's unique index).
    private async Task<IActionResult> ProgressOrBusyAsync(int id, int? task, CancellationToken ct) =>
        task is { } started ? BackgroundTasks.SeeProgress(started) : await AfterAsync(id, [Busy], ct);

    private async Task<List<(int Id, string Title)>> RunningAsync(int id, CancellationToken ct)
    {
        string[] kinds = [DrawTasks.Import, DrawTasks.Letters, DrawTasks.Panel];
        return (await db.BackgroundTasks.AsNoTracking()
                .Where(t => t.SubjectId == id && kinds.Contains(t.Kind) && (t.State == BackgroundTaskState.Queued || t.State == BackgroundTaskState.Running))
                .OrderBy(t => t.Id).Select(t => new { t.Id, t.Title }).ToListAsync(ct))
            .Select(t => (t.Id, t.Title)).ToList();
    }

    private async Task<IActionResult> AfterAsync(int id, IReadOnlyList<FieldError> errors, CancellationToken ct)
    {
        if (!this.ShowErrors(errors))
        {
            return Redirect($"/verwaltung/quartierslabore/{id}/losverfahren?gespeichert=1");
        }

        await LoadAsync(id, ct);
        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var lab = await db.Labs.AsNoTracking().FirstOrDefaultAsync(l => l.Id == id, ct);
        if (lab is null)
        {
            return false;
        }

        Lab = lab;
        RegisterRows = await db.RegisterEntries.CountAsync(r => r.LabId == id, ct);
        DrawRecord = await db.InviteeDraws.AsNoTracking().FirstOrDefaultAsync(d => d.LabId == id, ct);
        Invitations = await db.LabInvitations.CountAsync(i => i.LabId == id, ct);
        Registrations = await db.LabRegistrations.AsNoTracking().Where(r => r.LabId == id).OrderBy(r => r.Id).ToListAsync(ct);
        Selection = await db.PanelSelections.AsNoTracking().Include(s => s.Outcomes).FirstOrDefaultAsync(s => s.LabId == id, ct);
        Running = await RunningAsync(id, ct);
        PanelSize ??= 20;
        Algorithm ??= "leximin";
        Quotas ??= Registrations.Count == 0 ? null : LabQuotas.Suggest(PanelDrawing.Respondents(lab, Registrations), PanelSize.Value);
        return true;
    }
}
