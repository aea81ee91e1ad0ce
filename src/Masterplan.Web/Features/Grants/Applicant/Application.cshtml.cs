using System.Security.Claims;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Districts;
using Masterplan.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Grants.Applicant;

/// <summary>
/// One application of the signed-in person's association: the form while it is a draft or the Office asked for more
/// (save, send, documents), its state, receipt and Nachforderung, the decision letter, payments and the proof of use.
/// Another association's application is not found.
/// </summary>
public sealed class ApplicationModel(GrantDesk desk, AppDbContext db) : PageModel
{
    [BindProperty]
    public ApplicationInput Input { get; set; } = new();

    [BindProperty]
    public ProofInput Proof { get; set; } = new();

    public GrantApplication Application { get; private set; } = null!;

    public GrantCall Call { get; private set; } = null!;

    public List<District> Districts { get; private set; } = [];

    public List<GrantFileView> Files { get; private set; } = [];

    public List<GrantPayment> Payments { get; private set; } = [];

    public ProofOfUse? ProofOfUse { get; private set; }

    public string? Message { get; private set; }

    public bool Editable => Application.Status is GrantStatus.Draft or GrantStatus.Incomplete;

    public bool ProofOpen => Application.Status == GrantStatus.Approved && ProofOfUse?.Status is null or ProofStatus.Returned;

    public async Task<IActionResult> OnGetAsync(int id, string? gespeichert, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Message = gespeichert switch
        {
            "entwurf" => "Der Entwurf ist gespeichert.",
            "gesendet" => "Der Antrag ist abgeschickt. Die Eingangsbestätigung haben wir per E-Mail geschickt.",
            "datei" => "Die Datei ist gespeichert.",
            "nachweis" => "Der Verwendungsnachweis ist abgeschickt.",
            _ => null,
        };
        FillForm();
        return Page();
    }

    public Task<IActionResult> OnPostAsync(int id, CancellationToken ct) => SaveAsync(id, submit: false, ct);

    public Task<IActionResult> OnPostSubmitAsync(int id, CancellationToken ct) => SaveAsync(id, submit: true, ct);

    public async Task<IActionResult> OnPostUploadAsync(int id, IFormFile? upload, string? uploadTitle, bool receipt, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Outcome outcome;
        if (upload is null)
        {
            outcome = Outcome.Invalid("Upload", "Bitte wählen Sie eine Datei.");
        }
        else
        {
            using var buffer = new MemoryStream();
            if (upload.Length <= desk.Options.MaxFileBytes)
            {
                await upload.CopyToAsync(buffer, ct);
            }

            outcome = upload.Length > desk.Options.MaxFileBytes
                ? Outcome.Invalid("Upload", "Die Datei „{0}“ ist zu groß; erlaubt sind höchstens {1} MB.", upload.FileName, desk.Options.MaxFileBytes / (1024 * 1024))
                : await desk.AddFileAsync(id, Application.AssociationId, uploadTitle, upload.FileName, buffer.ToArray(), receipt, ct);
        }

        if (this.ShowErrors(outcome))
        {
            FillForm();
            return Page();
        }

        return Redirect($"/foerderung/antraege/{id}?gespeichert=datei");
    }

    public async Task<IActionResult> OnPostProofAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        var outcome = await desk.SubmitProofAsync(id, Application.AssociationId, Proof, ct);
        if (this.ShowErrors(outcome))
        {
            FillForm(keepProof: true);
            return Page();
        }

        return Redirect($"/foerderung/antraege/{id}?gespeichert=nachweis");
    }

    private async Task<IActionResult> SaveAsync(int id, bool submit, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        var outcome = await desk.SaveApplicationAsync(id, Application.AssociationId, Input, submit, ct);
        if (this.ShowErrors(outcome))
        {
            await LoadAsync(id, ct);
            return Page();
        }

        return Redirect($"/foerderung/antraege/{id}?gespeichert={(submit ? "gesendet" : "entwurf")}");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-cache, no-store";
        if (await desk.AssociationOfAsync(User.FindFirstValue(ClaimTypes.NameIdentifier), ct) is not { } association
            || await desk.OwnApplicationAsync(id, association, ct) is not { } application)
        {
            return false;
        }

        Application = application;
        Call = await db.GrantCalls.AsNoTracking().FirstAsync(c => c.Id == application.CallId, ct);
        Districts = await db.Set<District>().AsNoTracking().OrderBy(d => d.Name).ToListAsync(ct);
        Files = await desk.FilesAsync(id, ct);
        Payments = await db.GrantPayments.AsNoTracking().Where(p => p.ApplicationId == id).OrderBy(p => p.On).ThenBy(p => p.Id).ToListAsync(ct);
        ProofOfUse = await db.ProofsOfUse.AsNoTracking().FirstOrDefaultAsync(p => p.ApplicationId == id, ct);
        return true;
    }

    private void FillForm(bool keepProof = false)
    {
        var a = Application;
        Input = new ApplicationInput
        {
            ProjectTitle = a.ProjectTitle, Description = a.Description, TargetGroup = a.TargetGroup, DistrictIds = a.DistrictIds, StartsOn = a.StartsOn, EndsOn = a.EndsOn,
            Requested = a.RequestedCents == 0 ? null : a.RequestedCents / 100m, CoFunding = a.CoFundingCents == 0 ? null : a.CoFundingCents / 100m,
            ContactName = a.ContactName, ContactEmail = a.ContactEmail, ContactPhone = a.ContactPhone,
            Lines = [.. a.Lines.Select(l => new LineInput { Label = l.Label, Amount = l.AmountCents / 100m, Spent = l.SpentCents / 100m })],
        };
        if (!keepProof)
        {
            Proof = new ProofInput
            {
                Activities = ProofOfUse?.Activities, Reach = ProofOfUse?.Reach,
                Lines = [.. a.Lines.Select(l => new LineInput { Spent = l.SpentCents / 100m })],
            };
        }
    }

}
