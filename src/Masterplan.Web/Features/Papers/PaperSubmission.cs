using Masterplan.Web.Data;
using Masterplan.Web.Features.Meetings;
using Masterplan.Web.Features.Organizations;
using Masterplan.Web.Features.Papers.Manage;
using Masterplan.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Papers;

/// <summary>A paper another module sends to a body: its fields, its PDF and the first entry of its Beratungsfolge.</summary>
/// <param name="Reference">The Drucksache number (form 26093-22), or none.</param>
/// <param name="PaperType">One of <see cref="PapersModule.PaperTypes"/>; a half-year report is a "Bericht".</param>
/// <param name="ResponsibleOrganizationId">The lead department (an organization of kind Department), or none.</param>
public sealed record NewPaper(
    string? Reference, string Name, string PaperType, DateOnly Date, string? Originator, int? ResponsibleOrganizationId, string? DecisionProposal,
    string? Reasons, NewPaperFile File, NewConsultation Consultation);

/// <summary>The paper's PDF; its type is read from the content.</summary>
public sealed record NewPaperFile(string Title, string FileName, byte[] Data);

/// <summary>The body that treats the paper first, when, and in which role.</summary>
public sealed record NewConsultation(int OrganizationId, DateOnly Date, ConsultationRole Role, bool Authoritative);

/// <summary>
/// Creates a paper with its PDF and first consultation in one save, checked like the Office's forms check them; nothing is
/// stored when anything is wrong. The reports module sends the half-year report to the committee this way (004 "Prozess":
/// half-yearly reports go to the committee as papers), and the paper then shows on <c>/vorlagen</c> and in OParl.
/// </summary>
public sealed class PaperSubmission(AppDbContext db, TimeProvider time)
{
    /// <returns>The new paper's id, or the field errors (fields named as in <see cref="NewPaper"/>).</returns>
    public async Task<Outcome<int>> CreateAsync(NewPaper paper, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var name = EditModel.Clean(paper.Name);
        if (name.Length == 0)
        {
            errors.Add(nameof(NewPaper.Name), "Bitte geben Sie den Titel der Vorlage an.");
        }
        else if (name.Length > 500)
        {
            errors.Add(nameof(NewPaper.Name), "Der Titel ist {0} Zeichen lang; möglich sind höchstens {1}.", name.Length, 500);
        }

        if (!PapersModule.PaperTypes.Contains(paper.PaperType))
        {
            errors.Add(nameof(NewPaper.PaperType), "Bitte wählen Sie die Art der Vorlage.");
        }

        var reference = EditModel.Clean(paper.Reference);
        if (reference.Length > 0 && !EditModel.ReferenceFormat().IsMatch(reference))
        {
            errors.Add(nameof(NewPaper.Reference), "„{0}“ ist keine Drucksachennummer. Sie hat die Form 26093-22: laufende Nummer, Bindestrich, Jahr zweistellig.", reference);
        }
        else if (reference.Length > 0 && await db.Papers.AnyAsync(p => p.Reference == reference, ct))
        {
            errors.Add(Duplicate(reference));
        }

        if (DateInput.Check(paper.Date) is { } badDate)
        {
            errors.Add(nameof(NewPaper.Date), badDate);
        }

        var originator = EditModel.Clean(paper.Originator);
        if (originator.Length > 500)
        {
            errors.Add(nameof(NewPaper.Originator), "Der Text ist {0} Zeichen lang; möglich sind höchstens {1}.", originator.Length, 500);
        }

        if (paper.ResponsibleOrganizationId is { } department
            && !await db.Organizations.AnyAsync(o => o.Id == department && o.Kind == OrganizationKind.Department, ct))
        {
            errors.Add(nameof(NewPaper.ResponsibleOrganizationId), "Bitte wählen Sie als federführende Stelle ein Amt oder Dezernat der Verwaltung.");
        }

        var proposal = EditModel.CleanText(paper.DecisionProposal);
        var reasons = EditModel.CleanText(paper.Reasons);
        foreach (var (field, text) in new[] { (nameof(NewPaper.DecisionProposal), proposal), (nameof(NewPaper.Reasons), reasons) })
        {
            if (text.Length > PapersModule.MaxTextLength)
            {
                errors.Add(field, "Der Text ist {0} Zeichen lang; möglich sind höchstens {1}.", text.Length, PapersModule.MaxTextLength);
            }
        }

        var file = paper.File;
        var fileName = Path.GetFileName(file.FileName ?? "");
        var title = EditModel.Clean(file.Title);
        if (UploadedFile.TooLarge(fileName, file.Data.LongLength, PapersModule.MaxFileMegabytes * 1024L * 1024L) is { } tooLarge)
        {
            errors.Add(tooLarge with { Field = nameof(NewPaper.File) });
        }
        else if (UploadedFile.Detect(file.Data) is var type && type != UploadedFile.Pdf)
        {
            errors.Add(type is null
                ? new FieldError(nameof(NewPaper.File), "Die Datei „{0}“ ist kein PDF-Dokument. Zu einer Vorlage gehören nur PDF-Dateien.", fileName)
                : new FieldError(nameof(NewPaper.File), "Die Datei „{0}“ ist laut Inhalt ein {1}. Zu einer Vorlage gehören nur PDF-Dateien.", fileName, type.Label));
        }

        if (title.Length > 300)
        {
            errors.Add(nameof(NewPaper.File), "Der Text ist {0} Zeichen lang; möglich sind höchstens {1}.", title.Length, 300);
        }

        var consultation = paper.Consultation;
        var body = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == consultation.OrganizationId, ct);
        if (body is null)
        {
            errors.Add(nameof(NewPaper.Consultation), "Das gewählte Gremium gibt es nicht. Bitte wählen Sie ein Gremium aus der Liste.");
        }
        else if (body.Kind is OrganizationKind.Department or OrganizationKind.Fraction)
        {
            errors.Add(nameof(NewPaper.Consultation), "„{0}“ ist eine Fraktion oder eine Stelle der Verwaltung und berät keine Vorlagen. Bitte wählen Sie ein Gremium aus der Liste.", body.Name);
        }

        if (!Enum.IsDefined(consultation.Role))
        {
            errors.Add(nameof(NewPaper.Consultation), "Bitte wählen Sie, ob das Gremium berät, entscheidet, empfiehlt oder zur Kenntnis nimmt.");
        }

        if (DateInput.Check(consultation.Date) is { } badConsultationDate)
        {
            errors.Add(nameof(NewPaper.Consultation), badConsultationDate);
        }

        if (errors.Count > 0)
        {
            return Outcome<int>.Invalid(errors);
        }

        var created = new Paper
        {
            Reference = reference.Length == 0 ? null : reference, Name = name, PaperType = paper.PaperType, Date = paper.Date,
            Originator = originator.Length == 0 ? null : originator, ResponsibleOrganizationId = paper.ResponsibleOrganizationId,
            DecisionProposal = proposal.Length == 0 ? null : proposal, Reasons = reasons.Length == 0 ? null : reasons,
            Consultations =
            [
                new Consultation
                {
                    Position = 1, OrganizationId = consultation.OrganizationId, Date = consultation.Date, Role = consultation.Role,
                    Authoritative = consultation.Authoritative,
                },
            ],
            Files =
            [
                new PaperFile
                {
                    Title = title.Length == 0 ? Path.GetFileNameWithoutExtension(fileName) : title, FileName = fileName, MediaType = UploadedFile.Pdf.MediaType,
                    Size = file.Data.Length, Sha512 = UploadedFile.Sha512Hex(file.Data), AddedAt = time.GetUtcNow(), AddedBy = db.CurrentActorName(),
                    Content = new PaperFileContent { Data = file.Data },
                },
            ],
        };
        db.Papers.Add(created);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            // Someone took the same reference between the check and this save.
            db.ChangeTracker.Clear();
            return Outcome<int>.Invalid([Duplicate(reference)]);
        }

        return Outcome<int>.Ok(created.Id);
    }

    private static FieldError Duplicate(string reference) => new(nameof(NewPaper.Reference), "Die Drucksachennummer {0} ist schon vergeben.", reference);
}
