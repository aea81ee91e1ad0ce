using Masterplan.Algorithms.Invitations;
using Masterplan.Web.Data;
using Masterplan.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Labs.Manage;

/// <summary>The second step of the draw page: the Office draws the invitees from the imported extract with a public seed.</summary>
public sealed class InviteeDrawing(AppDbContext db, TimeProvider time, RegisterImport register)
{
    // Said where it is checked first and again where the unique index catches a simultaneous second attempt.
    private const string AlreadyDrawn = "Für dieses Labor wurde schon gelost. Eine Auslosung wird nicht wiederholt.";

    /// <summary>Stage 1: draws the invitees with the seed from a public act and stores the record (docs/domain.md#two-stage-draw).</summary>
    public async Task<Outcome> DrawAsync(int labId, int? count, string? method, string? seed, DateOnly? referenceDate, string? seedAct, CancellationToken ct)
    {
        var lab = await db.Labs.SingleAsync(l => l.Id == labId, ct);
        var errors = new FieldErrors();
        if (lab.State != LabState.ConceptApproved)
        {
            errors.Add("", "Gelost wird, wenn das Konzept beschlossen ist und bevor Einladungen versandt sind.");
        }

        if (await db.InviteeDraws.AnyAsync(d => d.LabId == labId, ct))
        {
            errors.Add("", AlreadyDrawn);
        }

        DrawSeed.Check(errors, seed, "Bitte geben Sie den Startwert (Seed) an, der in einem öffentlichen Akt bestimmt wurde, z. B. die in öffentlicher Sitzung gezogenen Zahlen.");

        if (seedAct?.Trim().Length > 1000)
        {
            errors.Add("", "Die Angabe zum öffentlichen Akt ist länger als {0} Zeichen.", 1000);
        }

        if (method is not ("simple" or "stratified"))
        {
            errors.Add("", "Bitte wählen Sie das Verfahren: einfache oder geschichtete Zufallsstichprobe.");
        }

        if (referenceDate is null)
        {
            errors.Add("", "Bitte geben Sie den Stichtag an.");
        }

        var extract = errors.Count > 0 ? null : await register.LoadExtractAsync(labId, ct);
        if (errors.Count == 0 && extract is null)
        {
            errors.Add("", "Es ist kein Melderegister-Auszug importiert.");
        }

        if (count is null or < 1)
        {
            errors.Add("", "Bitte geben Sie an, wie viele Personen eingeladen werden (mindestens 1).");
        }
        else if (extract is not null && count > extract.Count)
        {
            errors.Add("", "Es sollen {0} Personen eingeladen werden, der Auszug enthält aber nur {1}.", count, extract.Count);
        }

        if (errors.Count > 0)
        {
            return Outcome.From(errors);
        }

        var samplingMethod = method == "stratified" ? SamplingMethod.Stratified : SamplingMethod.Simple;
        var result = InviteeDraw.Draw(extract!, count!.Value, samplingMethod, referenceDate!.Value, seed!.Trim());
        db.InviteeDraws.Add(new InviteeDrawRecord
        {
            LabId = labId, Seed = result.Seed, Method = method!, ReferenceDate = result.ReferenceDate, InputHash = result.InputSha256, Rows = extract!.Count,
            Count = result.Invitees.Count, DrawnAt = time.GetUtcNow(), SeedAct = string.IsNullOrWhiteSpace(seedAct) ? null : seedAct.Trim(),
            PublicInput = PublicDraw.FreezeInvitees(extract, result),
        });
        foreach (var index in result.Invitees)
        {
            db.LabInvitations.Add(new LabInvitation { LabId = labId, RowIndex = index });
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            // A second click or a colleague drew at the same moment: the unique index keeps the first draw.
            db.ChangeTracker.Clear();
            return Outcome.Invalid("", AlreadyDrawn);
        }

        return Outcome.Done;
    }
}
