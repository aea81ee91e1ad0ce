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
    public async Task<Outcome> ImportAsync(int labId, Stream csv, string fileName, DateOnly? referenceDate, CancellationToken ct)
    {
        var lab = await db.Labs.SingleAsync(l => l.Id == labId, ct);
        if (lab.State != LabState.ConceptApproved)
        {
            return Outcome.Invalid("", "Einen Melderegister-Auszug importieren Sie, wenn das Konzept beschlossen ist und bevor Einladungen versandt sind.");
        }

        if (await db.InviteeDraws.AnyAsync(d => d.LabId == labId, ct))
        {
            return Outcome.Invalid("", "Für dieses Labor wurde schon gelost; der Auszug lässt sich nicht mehr ersetzen.");
        }

        if (referenceDate is null)
        {
            return Outcome.Invalid("", "Bitte geben Sie den Stichtag des Auszugs an.");
        }

        RegisterExtract extract;
        try
        {
            extract = RegisterExtractReader.Read(csv, fileName, new RegisterReadOptions { ReferenceDate = referenceDate.Value });
        }
        catch (RegisterExtractException e)
        {
            var messages = new FieldErrors();
            messages.Add("", "Der Auszug wurde nicht importiert: {0} Fehler. Eine Datei mit Fehlern wird gar nicht übernommen.", e.Errors.Count + e.Omitted);
            messages.AddRange(e.Errors.Select(Translate));
            if (e.Omitted > 0)
            {
                messages.Add("", "… und {0} weitere Fehler.", e.Omitted);
            }

            return messages;
        }

        if (extract.Count == 0)
        {
            return Outcome.Invalid("", "Der Auszug enthält keine Einwohnerinnen und Einwohner.");
        }

        // One transaction, written in batches without change tracking of earlier batches: 600,000 rows stay within memory.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.RegisterEntries.Where(r => r.LabId == labId).ExecuteDeleteAsync(ct);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            const int batch = 5_000;
            for (var start = 0; start < extract.Count; start += batch)
            {
                for (var i = start; i < Math.Min(start + batch, extract.Count); i++)
                {
                    db.RegisterEntries.Add(new RegisterEntry
                    {
                        LabId = labId, RowIndex = i, Line = extract.LineOf(i), Name = extract.NameOf(i), Address = extract.AddressOf(i), BirthYear = extract.BirthYearOf(i),
                        Gender = GenderCode(extract.GenderOf(i)), District = extract.Districts[extract.DistrictIndexOf(i)],
                        SubDistrict = extract.SubDistrictIndexOf(i) < 0 ? null : extract.SubDistricts[extract.SubDistrictIndexOf(i)],
                    });
                }

                if (start + batch >= extract.Count)
                {
                    // Only the fact and the fingerprint go to the audit log, never the residents.
                    db.Audit("lab.register.imported", nameof(NeighbourhoodLab), labId.ToString(CultureInfo.InvariantCulture),
                        new { rows = extract.Count, rowsSha256 = extract.RowsSha256, referenceDate = referenceDate.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) });
                }

                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
            }
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = true;
        }

        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return Outcome.Done;
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

    /// <summary>The reader's problem in German, with its line number and the offending value (docs/domain.md#bad-input).</summary>
    private static FieldError Translate(RegisterExtractError e)
    {
        var quoted = System.Text.RegularExpressions.Regex.Match(e.Message, "'([^']*)'");
        var value = quoted.Success ? $"„{quoted.Groups[1].Value}“" : "";
        var number = System.Text.RegularExpressions.Regex.Match(e.Message, @"\b(\d{3,4})\b");
        var what = e.Kind switch
        {
            RegisterErrorKind.EmptyFile => new FieldError("", "Die Datei ist leer."),
            RegisterErrorKind.Encoding => new FieldError("", "Die Datei ist nicht in UTF-8 gespeichert (z. B. Windows-1252 oder UTF-16). Bitte speichern Sie sie als „CSV UTF-8“ und laden Sie sie erneut hoch."),
            RegisterErrorKind.Header when e.Message.StartsWith("Missing", StringComparison.Ordinal) =>
                new FieldError("", "In der Kopfzeile fehlt: {0}. Erwartet werden die Spalten name, anschrift, geburtsjahr, geschlecht und stadtbezirk (optional statistischer_bezirk).", string.Join(", ", System.Text.RegularExpressions.Regex.Matches(e.Message.Split('.')[0], @"(\w+) \(").Select(m => m.Groups[1].Value))),
            RegisterErrorKind.Header => new FieldError("", "Die Kopfzeile passt nicht. Erwartet werden die Spalten name, anschrift, geburtsjahr, geschlecht und stadtbezirk (optional statistischer_bezirk), jede genau einmal."),
            RegisterErrorKind.RowShape => new FieldError("", "Die Zeile hat nicht so viele Felder wie die Kopfzeile. Ein Feld mit Trennzeichen muss in Anführungszeichen stehen."),
            RegisterErrorKind.EmptyField => value.Length > 0 ? new FieldError("", "Ein Pflichtfeld ist leer ({0}).", value) : new FieldError("", "Ein Pflichtfeld ist leer."),
            RegisterErrorKind.ControlCharacter => new FieldError("", "Ein Feld enthält einen Zeilenumbruch oder ein Steuerzeichen."),
            RegisterErrorKind.BirthYear when e.Message.Contains("is not a year", StringComparison.Ordinal) => new FieldError("", "Das Geburtsjahr {0} ist keine Jahreszahl (vier Ziffern erwartet).", value),
            RegisterErrorKind.BirthYear when e.Message.Contains("after the reference date", StringComparison.Ordinal) => new FieldError("", "Das Geburtsjahr {0} liegt nach dem Stichtag.", number.Value),
            RegisterErrorKind.BirthYear when e.Message.Contains("impossible", StringComparison.Ordinal) => new FieldError("", "Das Geburtsjahr {0} ergibt ein Alter über 120 Jahren; das ist unmöglich.", number.Value),
            RegisterErrorKind.BirthYear => new FieldError("", "Das Geburtsjahr {0} ergibt ein Alter unter 16 Jahren; der Auszug soll nur Personen ab 16 enthalten.", number.Value),
            RegisterErrorKind.Gender => new FieldError("", "Das Geschlecht {0} ist unbekannt; das Melderegister verwendet m, w, d und x.", value),
            RegisterErrorKind.District => new FieldError("", "Der Stadtbezirk {0} ist keiner der zwölf Dortmunder Stadtbezirke.", value),
            RegisterErrorKind.Duplicate => new FieldError("", "Dieselbe Person (gleicher Name, gleiche Anschrift, gleiches Geburtsjahr) steht schon in Zeile {0}.", System.Text.RegularExpressions.Regex.Match(e.Message, @"line (\d+)").Groups[1].Value),
            _ => new FieldError("", "Die Zeile ist fehlerhaft."),
        };
        return e.Line > 0 ? new FieldError("", "Zeile {0}: {1}", e.Line, what) : what;
    }
}
