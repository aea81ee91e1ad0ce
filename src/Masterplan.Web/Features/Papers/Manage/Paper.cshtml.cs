using Masterplan.Web.Data;
using Masterplan.Web.Features.Meetings;
using Masterplan.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Papers.Manage;

/// <summary>A paper for the Office: its Beratungsfolge (order, remove) and its files (upload a PDF, generate one, remove).</summary>
public sealed class PaperModel(AppDbContext db, TimeProvider time) : PageModel
{
    public Paper Paper { get; private set; } = null!;

    public IReadOnlyList<ConsultationView> Consultations { get; private set; } = [];

    public IReadOnlyList<AgendaPlace> OtherPlaces { get; private set; } = [];

    public IReadOnlyList<PaperFile> Files { get; private set; } = [];

    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    /// <summary>Moves a consultation one place up (-1) or down (+1) in the Beratungsfolge.</summary>
    public async Task<IActionResult> OnPostMoveAsync(int id, int consultationId, int by, CancellationToken ct)
    {
        var order = await db.Consultations.Where(c => c.PaperId == id).OrderBy(c => c.Position).ToListAsync(ct);
        var at = order.FindIndex(c => c.Id == consultationId);
        if (at < 0)
        {
            return NotFound();
        }

        var to = at + Math.Sign(by);
        if (to >= 0 && to < order.Count)
        {
            (order[at], order[to]) = (order[to], order[at]);
            await RenumberAsync(db, order, ct);
        }

        return Redirect($"/verwaltung/vorlagen/{id}#beratungsfolge");
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id, int consultationId, CancellationToken ct)
    {
        var order = await db.Consultations.Where(c => c.PaperId == id).OrderBy(c => c.Position).ToListAsync(ct);
        var consultation = order.Find(c => c.Id == consultationId);
        if (consultation is null)
        {
            return NotFound();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Consultations.Remove(consultation);
        await db.SaveChangesAsync(ct);
        order.Remove(consultation);
        await RenumberAsync(db, order, ct);
        await transaction.CommitAsync(ct);
        TempData["Message"] = "Die Beratung ist aus der Beratungsfolge entfernt. Ein Verweis auf einer Tagesordnung bleibt; er wird auf der Tagesordnung entfernt.";
        return Redirect($"/verwaltung/vorlagen/{id}#beratungsfolge");
    }

    public async Task<IActionResult> OnPostUploadAsync(int id, IFormFile? file, string? fileTitle, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        ModelState.Clear();
        if (file is null || file.Length == 0)
        {
            this.ShowError("file", "Bitte wählen Sie eine PDF-Datei aus.");
            return Page();
        }

        var name = Path.GetFileName(file.FileName);
        if (UploadedFile.TooLarge(name, file.Length, PapersModule.MaxFileMegabytes * 1024L * 1024L) is { } tooLarge)
        {
            this.ShowErrors([tooLarge]);
            return Page();
        }

        var title = EditModel.Clean(fileTitle);
        if (title.Length > 300)
        {
            this.ShowError("fileTitle", "Der Text ist {0} Zeichen lang; möglich sind höchstens {1}.", title.Length, 300);
            return Page();
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        var data = buffer.ToArray();
        // The shared check reads the type from the content; a paper takes only what it finds to be a PDF.
        var (_, error) = UploadedFile.Check(name, data);
        var type = UploadedFile.Detect(data);
        if (type is null)
        {
            error = new FieldError("file", "Die Datei „{0}“ ist kein PDF-Dokument. Zu einer Vorlage gehören nur PDF-Dateien.", name);
        }
        else if (type != UploadedFile.Pdf)
        {
            error = new FieldError("file", "Die Datei „{0}“ ist laut Inhalt ein {1}. Zu einer Vorlage gehören nur PDF-Dateien.", name, type.Label);
        }

        if (error is not null)
        {
            this.ShowErrors([error]);
            return Page();
        }

        Add(id, title.Length == 0 ? Path.GetFileNameWithoutExtension(name) : title, name, data, generated: false);
        await db.SaveChangesAsync(ct);
        TempData["Message"] = "Die Datei ist hochgeladen.";
        return Redirect($"/verwaltung/vorlagen/{id}#dateien");
    }

    /// <summary>Makes a tagged PDF of the paper as it stands now and adds it as a file.</summary>
    public async Task<IActionResult> OnPostGenerateAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        var pdf = Masterplan.Documents.PdfRenderer.Render(PaperDocument.Build(Paper, Consultations, CityTime.Today(time)));
        var stem = Paper.Reference ?? $"vorlage-{Paper.Id}";
        Add(id, $"{Paper.PaperType} {Paper.Reference}".Trim(), $"{stem}.pdf", pdf, generated: true);
        await db.SaveChangesAsync(ct);
        TempData["Message"] = "Das PDF der Vorlage ist erzeugt.";
        return Redirect($"/verwaltung/vorlagen/{id}#dateien");
    }

    public async Task<IActionResult> OnPostDeleteFileAsync(int id, int fileId, CancellationToken ct)
    {
        var file = await db.PaperFiles.FirstOrDefaultAsync(f => f.Id == fileId && f.PaperId == id, ct);
        if (file is null)
        {
            return NotFound();
        }

        db.PaperFiles.Remove(file);
        await db.SaveChangesAsync(ct);
        TempData["Message"] = "Die Datei ist entfernt.";
        return Redirect($"/verwaltung/vorlagen/{id}#dateien");
    }

    private void Add(int paperId, string title, string fileName, byte[] data, bool generated) =>
        db.PaperFiles.Add(new PaperFile
        {
            PaperId = paperId, Title = title, FileName = fileName, MediaType = UploadedFile.Pdf.MediaType, Size = data.Length, Sha512 = UploadedFile.Sha512Hex(data),
            IsGenerated = generated, AddedAt = time.GetUtcNow(), AddedBy = db.CurrentActorName(), Content = new PaperFileContent { Data = data },
        });

    /// <summary>
    /// Stores a new order 1, 2, 3 … in two steps inside the caller's transaction or its own: positions are unique per
    /// paper, and both engines check that after each row, so a swap goes through numbers nobody uses.
    /// </summary>
    internal static async Task RenumberAsync(AppDbContext db, List<Consultation> order, CancellationToken ct)
    {
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        await using (own)
        {
            for (var i = 0; i < order.Count; i++)
            {
                order[i].Position = -(i + 1);
            }

            await db.SaveChangesAsync(ct);
            for (var i = 0; i < order.Count; i++)
            {
                order[i].Position = i + 1;
            }

            await db.SaveChangesAsync(ct);
            if (own is not null)
            {
                await own.CommitAsync(ct);
            }
        }
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        Message = TempData["Message"] as string;
        var paper = await db.Papers.AsNoTracking().Include(p => p.ResponsibleOrganization).Include(p => p.AmendsPaper)
            .Include(p => p.Related).ThenInclude(r => r.RelatedPaper).FirstOrDefaultAsync(p => p.Id == id, ct);
        if (paper is null)
        {
            return false;
        }

        Paper = paper;
        (Consultations, OtherPlaces) = await Beratungsfolge.LoadAsync(db, id, MeetingViewer.Everything, ct);
        Files = await db.PaperFiles.AsNoTracking().Where(f => f.PaperId == id).OrderBy(f => f.Id).ToListAsync(ct);
        return true;
    }
}
