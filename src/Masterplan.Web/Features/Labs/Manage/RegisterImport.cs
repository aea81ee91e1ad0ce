using System.Globalization;
using Masterplan.Algorithms;
using Masterplan.Algorithms.Invitations;
using Masterplan.Web.Data;
using Masterplan.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Labs.Manage;

/// <summary>
/// The first step of the draw page (docs/domain.md#two-stage-draw): the Office imports the register extract, which the
/// invitee draw reads back. Personal data, never audited field by field.
/// </summary>
public sealed class RegisterImport(AppDbContext db)
{
    /// <summary>
    /// Imports a register extract: every check of the reader, German line-numbered messages, and nothing stored
    /// unless the whole file is valid. A new import replaces an earlier one as long as nobody was drawn.
    /// </summary>
    /// <param name="progress">Receives the fraction done (0 to 1), at most about 100 times: reading and checking the file
    /// are the first 30 % (in steps when its length is known), writing the rows the rest.</param>
    public async Task<Outcome> ImportAsync(int labId, Stream csv, string fileName, DateOnly? referenceDate, CancellationToken ct, IProgress<double>? progress = null)
    {
        if (await RefusalAsync(labId, referenceDate, ct) is { } refused)
        {
            return refused;
        }

        RegisterExtract extract;
        try
        {
            extract = RegisterExtractReader.Read(progress is not null && csv.CanSeek ? new ReadProgressStream(csv, f => progress.Report(ReadShare * f)) : csv, fileName, new RegisterReadOptions { ReferenceDate = referenceDate!.Value });
        }
        catch (RegisterExtractException e)
        {
            return Refused(e);
        }

        if (extract.Count == 0)
        {
            return Outcome.Invalid("", "Der Auszug enthält keine Einwohnerinnen und Einwohner.");
        }

        // One transaction: the earlier extract is deleted and the new one written in bulk (RegisterBulkWriter), so readers see
        // either the old or the new extract, and a failure leaves the old one.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.RegisterEntries.Where(r => r.LabId == labId).ExecuteDeleteAsync(ct);
        var step = Math.Max(1, extract.Count / 90);
        await RegisterBulkWriter.WriteAsync(db, labId, extract, written =>
        {
            if (progress is not null && (written % step == 0 || written == extract.Count))
            {
                progress.Report(ReadShare + ((1 - ReadShare) * written / extract.Count));
            }
        }, ct);

        // Only the fact and the fingerprint go to the audit log, never the residents.
        db.Audit("lab.register.imported", nameof(NeighbourhoodLab), labId.ToString(CultureInfo.InvariantCulture),
            new { rows = extract.Count, rowsSha256 = extract.RowsSha256, referenceDate = referenceDate.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return Outcome.Done;
    }

    /// <summary>The share of the progress that reading and checking the file takes.</summary>
    private const double ReadShare = 0.3;

    /// <summary>
    /// What the draw page checks before it imports in the background: the lab's state, the reference date, and every check
    /// of the reader with its line-numbered messages, so that a bad file is answered on the form and nothing is stored.
    /// Returns the number of people in the file when it is valid. <see cref="ImportAsync"/> checks the same again.
    /// </summary>
    public async Task<(Outcome Result, int Rows)> CheckAsync(int labId, Stream csv, string fileName, DateOnly? referenceDate, CancellationToken ct)
    {
        if (await RefusalAsync(labId, referenceDate, ct) is { } refused)
        {
            return (refused, 0);
        }

        try
        {
            var extract = RegisterExtractReader.Read(csv, fileName, new RegisterReadOptions { ReferenceDate = referenceDate!.Value });
            return extract.Count == 0 ? (Outcome.Invalid("", "Der Auszug enthält keine Einwohnerinnen und Einwohner."), 0) : (Outcome.Done, extract.Count);
        }
        catch (RegisterExtractException e)
        {
            return (Refused(e), 0);
        }
    }

    /// <summary>Why no extract may be imported now (the lab's state, a draw already made, no reference date), or null.</summary>
    private async Task<Outcome?> RefusalAsync(int labId, DateOnly? referenceDate, CancellationToken ct)
    {
        var lab = await db.Labs.AsNoTracking().SingleAsync(l => l.Id == labId, ct);
        if (lab.State != LabState.ConceptApproved)
        {
            return Outcome.Invalid("", "Einen Melderegister-Auszug importieren Sie, wenn das Konzept beschlossen ist und bevor Einladungen versandt sind.");
        }

        if (await db.InviteeDraws.AnyAsync(d => d.LabId == labId, ct))
        {
            return Outcome.Invalid("", "Für dieses Labor wurde schon gelost; der Auszug lässt sich nicht mehr ersetzen.");
        }

        return referenceDate is null ? Outcome.Invalid("", "Bitte geben Sie den Stichtag des Auszugs an.") : null;
    }

    private static FieldErrors Refused(RegisterExtractException e)
    {
        var messages = new FieldErrors();
        messages.Add("", "Der Auszug wurde nicht importiert: {0} Fehler. Eine Datei mit Fehlern wird gar nicht übernommen.", e.Errors.Count + e.Omitted);
        messages.AddRange(e.Errors.Select(Message));
        if (e.Omitted > 0)
        {
            messages.Add("", "… und {0} weitere Fehler.", e.Omitted);
        }

        return messages;
    }

    /// <summary>The stored extract as the algorithms see it (file order).</summary>
    public async Task<RegisterExtract?> LoadExtractAsync(int labId, CancellationToken ct)
    {
        var rows = await db.RegisterEntries.AsNoTracking().Where(r => r.LabId == labId).OrderBy(r => r.RowIndex).ToListAsync(ct);
        return rows.Count == 0
            ? null
            : RegisterExtract.FromPersons(rows.Select(r => new RegisterPerson(r.Line, r.Name, r.Address, r.BirthYear, ParseGender(r.Gender), r.District, r.SubDistrict)), DortmundDistricts.Names);
    }

    internal static string GenderCode(RegisterGender gender) => gender switch
    {
        RegisterGender.Male => "m",
        RegisterGender.Female => "w",
        RegisterGender.Diverse => "d",
        _ => "x",
    };

    internal static RegisterGender ParseGender(string code) => code switch
    {
        "m" => RegisterGender.Male,
        "w" => RegisterGender.Female,
        "d" => RegisterGender.Diverse,
        _ => RegisterGender.Unspecified,
    };

    /// <summary>
    /// The reader's problem as a resource key with its line number and the offending value (docs/domain.md#bad-input),
    /// built from the error's fields; the English message of the reader is for the command line only.
    /// </summary>
    internal static FieldError Message(RegisterExtractError e)
    {
        var what = (e.Kind, e.Reason) switch
        {
            (RegisterErrorKind.EmptyFile, _) => new FieldError("", "Die Datei ist leer."),
            (RegisterErrorKind.Encoding, _) => new FieldError("", "Die Datei ist nicht in UTF-8 gespeichert (z. B. Windows-1252 oder UTF-16). Bitte speichern Sie sie als „CSV UTF-8“ und laden Sie sie erneut hoch."),
            (RegisterErrorKind.Header, RegisterErrorReason.MissingColumns) =>
                new FieldError("", "In der Kopfzeile fehlt: {0}. Erwartet werden die Spalten name, anschrift, geburtsjahr, geschlecht und stadtbezirk (optional statistischer_bezirk).", e.Value ?? ""),
            (RegisterErrorKind.Header, _) => new FieldError("", "Die Kopfzeile passt nicht. Erwartet werden die Spalten name, anschrift, geburtsjahr, geschlecht und stadtbezirk (optional statistischer_bezirk), jede genau einmal."),
            (RegisterErrorKind.RowShape, _) => new FieldError("", "Die Zeile hat nicht so viele Felder wie die Kopfzeile. Ein Feld mit Trennzeichen muss in Anführungszeichen stehen."),
            (RegisterErrorKind.EmptyField, _) => e.Value is { } column ? new FieldError("", "Ein Pflichtfeld ist leer („{0}“).", column) : new FieldError("", "Ein Pflichtfeld ist leer."),
            (RegisterErrorKind.ControlCharacter, _) => new FieldError("", "Ein Feld enthält einen Zeilenumbruch oder ein Steuerzeichen."),
            (RegisterErrorKind.TooLong, _) => new FieldError("", "Das Feld „{0}“ ist länger als {1} Zeichen.", e.Value ?? "", e.Limit ?? 0),
            (RegisterErrorKind.BirthYear, RegisterErrorReason.NotAYear) => new FieldError("", "Das Geburtsjahr „{0}“ ist keine Jahreszahl (vier Ziffern erwartet).", e.Value ?? ""),
            (RegisterErrorKind.BirthYear, RegisterErrorReason.AfterReferenceDate) => new FieldError("", "Das Geburtsjahr {0} liegt nach dem Stichtag.", e.Value ?? ""),
            (RegisterErrorKind.BirthYear, RegisterErrorReason.AboveMaximumAge) => new FieldError("", "Das Geburtsjahr {0} ergibt ein Alter über {1} Jahren; das ist unmöglich.", e.Value ?? "", e.Limit ?? 0),
            (RegisterErrorKind.BirthYear, _) => new FieldError("", "Das Geburtsjahr {0} ergibt ein Alter unter {1} Jahren; der Auszug soll nur Personen ab {1} enthalten.", e.Value ?? "", e.Limit ?? 0),
            (RegisterErrorKind.Gender, _) => new FieldError("", "Das Geschlecht „{0}“ ist unbekannt; das Melderegister verwendet m, w, d und x.", e.Value ?? ""),
            (RegisterErrorKind.District, _) => new FieldError("", "Der Stadtbezirk „{0}“ ist keiner der zwölf Dortmunder Stadtbezirke.", e.Value ?? ""),
            (RegisterErrorKind.Duplicate, _) => new FieldError("", "Dieselbe Person (gleicher Name, gleiche Anschrift, gleiches Geburtsjahr) steht schon in Zeile {0}.", e.OtherLine ?? 0),
            _ => new FieldError("", "Die Zeile ist fehlerhaft."),
        };
        return e.Line > 0 ? new FieldError("", "Zeile {0}: {1}", e.Line, what) : what;
    }

    /// <summary>Reports how far the reader got through a stream of known length, in steps of a tenth.</summary>
    private sealed class ReadProgressStream(Stream inner, Action<double> report) : Stream
    {
        private int reported = -1;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => inner.Length;

        public override long Position { get => inner.Position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override int Read(Span<byte> buffer) => Count(inner.Read(buffer));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => Count(await inner.ReadAsync(buffer, cancellationToken));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        private int Count(int read)
        {
            var percent = inner.Length == 0 ? 100 : (int)(10 * inner.Position / inner.Length) * 10;
            if (percent != reported)
            {
                reported = percent;
                report(percent / 100.0);
            }

            return read;
        }
    }
}
