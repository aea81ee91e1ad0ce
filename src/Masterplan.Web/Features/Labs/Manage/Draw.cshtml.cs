using Masterplan.Web.Data;
using Masterplan.Web.Shared;
using Microsoft.AspNetCore.Mvc;
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

    public async Task<IActionResult> OnPostImportAsync(int id, IFormFile? file, DateOnly? referenceDate, [FromServices] RegisterImport import, CancellationToken ct)
    {
        Outcome result;
        if (file is null || file.Length == 0)
        {
            result = Outcome.Invalid("", "Bitte wählen Sie die CSV-Datei des Melderegister-Auszugs.");
        }
        else
        {
            await using var stream = file.OpenReadStream();
            result = await import.ImportAsync(id, stream, Path.GetFileName(file.FileName), referenceDate, ct);
        }

        return await AfterAsync(id, result.Errors, ct);
    }

    public async Task<IActionResult> OnPostDrawAsync(int id, int? count, string? method, string? drawSeed, string? drawSeedAct, DateOnly? referenceDate, [FromServices] InviteeDrawing invitees, CancellationToken ct)
    {
        var result = await invitees.DrawAsync(id, count, method, drawSeed, referenceDate, drawSeedAct, ct);
        return await AfterAsync(id, result.Errors, ct);
    }

    public async Task<IActionResult> OnPostLettersAsync(int id, DateOnly? labDate, TimeOnly? labStart, TimeOnly? labEnd, string? labPlace, DateOnly? deadline,
        [FromServices] InvitationLetters letters, CancellationToken ct)
    {
        var (pdf, result) = await letters.LettersAsync(id, new LetterDetails(labDate, labStart, labEnd, labPlace, deadline), ct);
        if (pdf is null)
        {
            return await AfterAsync(id, result.Errors, ct);
        }

        return File(pdf, "application/pdf", $"einladungen-quartierslabor-{id}-{CityTime.Today(time):yyyy-MM-dd}.pdf");
    }

    public async Task<IActionResult> OnPostSelectAsync(int id, [FromServices] PanelDrawing panel, CancellationToken ct)
    {
        var (result, relaxation) = await panel.SelectAsync(id, PanelSize, Quotas, Algorithm, Seed, SeedAct, ct);
        Relaxation = relaxation;
        return await AfterAsync(id, result.Errors, ct);
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
        PanelSize ??= 20;
        Algorithm ??= "leximin";
        Quotas ??= Registrations.Count == 0 ? null : LabQuotas.Suggest(PanelDrawing.Respondents(lab, Registrations), PanelSize.Value);
        return true;
    }
}
