using System.Globalization;
using Masterplan.Documents;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Home;
using Masterplan.Web.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Masterplan.Web.Features.Labs.Manage;

/// <summary>What the Office states in the letters about the lab itself: when and where it takes place, and until when to register.</summary>
public sealed record LetterDetails(DateOnly? Date, TimeOnly? Start, TimeOnly? End, string? Place, DateOnly? Deadline);

/// <summary>The third step of the draw page: the letters to the invitees, each with its code, as one PDF.</summary>
/// <remarks>
/// Each letter fits a window envelope (DIN 5008 form A or B, <c>Labs:LetterForm</c>), says when and where the lab is and until
/// when to register, offers three ways to answer (internet with the code, phone, the reply slip by post) and carries the
/// information Art. 14 DSGVO requires because the address comes from the population register (source, purpose, deletion date).
/// The date, time and place are entered with the letters and kept in their audit entry, not in the lab.
/// </remarks>
public sealed class InvitationLetters(AppDbContext db, TimeProvider time, IOptions<LabsOptions> options, IOptions<ContactOptions> contact)
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    /// <summary>
    /// Makes the invitation letters as one PDF: a new code for every invitation that was not used yet, stored only as
    /// its SHA-256; the code itself is printed on the letter and nowhere else. Making them again invalidates the
    /// earlier letters' codes, so it is possible only until the extract is deleted and registration opens.
    /// </summary>
    /// <param name="progress">Receives the fraction done (0 to 1) while the PDF is drawn, at most about 100 times.</param>
    public async Task<(byte[]? Pdf, Outcome Result)> LettersAsync(int labId, LetterDetails details, CancellationToken ct, IProgress<double>? progress = null)
    {
        var lab = await db.Labs.SingleAsync(l => l.Id == labId, ct);
        if (Check(lab, details) is { Count: > 0 } errors)
        {
            return (null, Outcome.Invalid(errors));
        }

        var today = CityTime.Today(time);
        var place = details.Place?.Trim();
        var invitations = await db.LabInvitations.Where(i => i.LabId == labId && i.UsedAt == null).OrderBy(i => i.RowIndex).ToListAsync(ct);
        if (invitations.Count == 0)
        {
            return (null, Outcome.Invalid("", "Es sind noch keine Einzuladenden gelost."));
        }

        var indices = invitations.Select(i => i.RowIndex).ToList();
        var people = await db.RegisterEntries.AsNoTracking().Where(r => r.LabId == labId && indices.Contains(r.RowIndex)).ToDictionaryAsync(r => r.RowIndex, ct);
        if (people.Count != invitations.Count)
        {
            return (null, Outcome.Invalid("", "Der Melderegister-Auszug ist schon gelöscht; Einladungsschreiben lassen sich nicht mehr erzeugen."));
        }

        var taken = (await db.LabInvitations.Where(i => i.CodeHash != null).Select(i => i.CodeHash!).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var codes = HashedCodes.CreateUnused(invitations.Count, taken);

        var now = time.GetUtcNow();
        // The deletion job runs hourly: the extract is gone within the hour after the grace period ends.
        var deletedBy = DateOnly.FromDateTime(CityTime.Local(now.AddDays(options.Value.RegisterGraceDays).AddHours(1)));
        var letter = new LetterText(lab, details with { Place = place }, today, deletedBy, options.Value, contact.Value);
        // The QR codes on all cores: encoding one takes about as long as drawing a page.
        var qrCodes = new byte[invitations.Count][];
        Parallel.For(0, invitations.Count, new ParallelOptions { CancellationToken = ct }, i => qrCodes[i] = letter.QrPng(codes[i]));
        var letters = new List<Block>();
        for (var i = 0; i < invitations.Count; i++)
        {
            invitations[i].CodeHash = HashedCodes.Hash(codes[i]);
            letters.AddRange(letter.For(people[invitations[i].RowIndex], codes[i], qrCodes[i]));
        }

        lab.LettersCreatedAt = now;
        if (lab.State == LabState.ConceptApproved)
        {
            lab.State = LabState.InvitationsSent;
        }

        db.Audit("lab.letters.created", nameof(NeighbourhoodLab), labId.ToString(CultureInfo.InvariantCulture), new
        {
            letters = invitations.Count, date = details.Date, start = details.Start, end = details.End, place, deadline = details.Deadline,
            form = options.Value.LetterForm.ToString(),
        });
        var document = new Document($"Einladungen zum Quartierslabor {lab.District}, {lab.QuarterLabel}", letters)
        {
            Author = $"Stadt {contact.Value.City}, {contact.Value.Office}",
            Subject = "Einladungsschreiben Quartierslabor",
            // Each letter is counted on its own: "Seite 1 von 2" is what the resident holds.
            NumberPagesPerSection = true,
        };
        var pdf = PdfRenderer.Render(document, progress);
        await db.SaveChangesAsync(ct);
        return (pdf, Outcome.Done);
    }

    /// <summary>
    /// What the draw page checks before it makes the letters in the background: the form (<see cref="Check"/>), that
    /// invitees are drawn and that their addresses are still there.
    /// </summary>
    public async Task<Outcome> CheckAsync(int labId, LetterDetails details, CancellationToken ct)
    {
        var lab = await db.Labs.AsNoTracking().SingleAsync(l => l.Id == labId, ct);
        if (Check(lab, details) is { Count: > 0 } errors)
        {
            return Outcome.Invalid(errors);
        }

        var invitations = await db.LabInvitations.Where(i => i.LabId == labId && i.UsedAt == null).Select(i => i.RowIndex).ToListAsync(ct);
        if (invitations.Count == 0)
        {
            return Outcome.Invalid("", "Es sind noch keine Einzuladenden gelost.");
        }

        return await db.RegisterEntries.CountAsync(r => r.LabId == labId && invitations.Contains(r.RowIndex), ct) != invitations.Count
            ? Outcome.Invalid("", "Der Melderegister-Auszug ist schon gelöscht; Einladungsschreiben lassen sich nicht mehr erzeugen.")
            : Outcome.Done;
    }

    /// <summary>The lab's state and what the Office typed about the lab.</summary>
    private FieldErrors Check(NeighbourhoodLab lab, LetterDetails details)
    {
        var errors = new FieldErrors();
        if (lab.State is not (LabState.ConceptApproved or LabState.InvitationsSent))
        {
            errors.Add("", "Einladungsschreiben entstehen nach der Auslosung und bevor die Anmeldung öffnet.");
            return errors;
        }

        var today = CityTime.Today(time);
        if (details.Date is not { } date || date <= today)
        {
            errors.Add("labDate", "Bitte geben Sie den Tag des Quartierslabors an; er liegt in der Zukunft.");
        }

        if (details.Start is not { } start)
        {
            errors.Add("labStart", "Bitte geben Sie die Uhrzeit an, zu der das Quartierslabor beginnt.");
        }
        else if (details.End is { } end && end <= start)
        {
            errors.Add("labEnd", "Das Ende liegt nach dem Beginn.");
        }

        var place = details.Place?.Trim();
        if (string.IsNullOrEmpty(place) || place.Length > 300)
        {
            errors.Add("labPlace", "Bitte geben Sie den Ort an (Name und Anschrift, höchstens 300 Zeichen).");
        }

        if (details.Deadline is not { } deadline || deadline < today || (details.Date is { } d && deadline >= d))
        {
            errors.Add("deadline", "Bitte geben Sie den Anmeldeschluss an: nicht vor heute und vor dem Tag des Quartierslabors.");
        }

        return errors;
    }

    /// <summary>The letter's text, the same for every invitee but the address and the code.</summary>
    private sealed class LetterText
    {
        private readonly NeighbourhoodLab lab;
        private readonly LabsOptions options;
        private readonly ContactOptions contact;
        private readonly ContactPerson person;
        private readonly string baseUrl;
        private readonly IReadOnlyList<string> letterhead;
        private readonly string returnAddress;
        private readonly string when;
        private readonly string place;
        private readonly string deadline;
        private readonly string dated;
        private readonly string deletedBy;
        private readonly string office;

        public LetterText(NeighbourhoodLab lab, LetterDetails details, DateOnly today, DateOnly deletedBy, LabsOptions options, ContactOptions contact)
        {
            this.lab = lab;
            this.options = options;
            this.contact = contact;
            // The contact person by function name (Contact:People), as on /kontakt; the Office's phone and address as fallback.
            person = contact.People.FirstOrDefault(p => string.Equals(p.Name, options.LetterContact, StringComparison.OrdinalIgnoreCase))
                ?? new ContactPerson { Name = options.LetterContact, Phone = contact.Phone, Email = contact.Email };
            person = new ContactPerson { Name = person.Name, Role = person.Role, Phone = person.Phone ?? contact.Phone, Email = person.Email ?? contact.Email };
            baseUrl = options.PublicBaseUrl.TrimEnd('/');
            var city = $"Stadt {contact.City}";
            office = $"{contact.Office}, {contact.Street}, {contact.PostalCode} {contact.City}";
            letterhead = [city, contact.Office];
            returnAddress = $"{city} · {contact.Street} · {contact.PostalCode} {contact.City}";
            var time = details.End is { } end
                ? $"{details.Start!.Value.ToString("HH:mm", German)} bis {end.ToString("HH:mm", German)} Uhr"
                : $"ab {details.Start!.Value.ToString("HH:mm", German)} Uhr";
            when = $"{details.Date!.Value.ToString("dddd, d. MMMM yyyy", German)}, {time}";
            place = details.Place!;
            deadline = details.Deadline!.Value.ToString("dddd, d. MMMM yyyy", German);
            dated = today.ToString("dd.MM.yyyy", German);
            this.deletedBy = deletedBy.ToString("d. MMMM yyyy", German);
        }

        /// <summary>The registration link as a QR code, one pixel per module, drawn without smoothing (<see cref="Figure.Pixelated"/>).</summary>
        public byte[] QrPng(string code) => QrCode.Png($"{baseUrl}/quartierslabore/anmeldung?code={code}", pixelsPerModule: 1);

        public IEnumerable<Block> For(RegisterEntry resident, string code, byte[] qrPng)
        {
            var recipient = new List<string> { resident.Name };
            recipient.AddRange(resident.Address.Split(", ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            var info = new List<(string, string)> { ("Ihr Kontakt", person.Name) };
            if (person.Phone is { Length: > 0 } phone)
            {
                info.Add(("Telefon", phone));
            }

            if (person.Email is { Length: > 0 } email)
            {
                info.Add(("E-Mail", email));
            }

            info.Add(("Datum", dated));
            yield return new LetterHead(options.LetterForm, letterhead, returnAddress, [.. recipient.Take(LetterHead.MaxRecipientLines)],
                [.. info.Select(i => new KeyValuePair<string, string>(i.Item1, i.Item2))]);
            yield return new Heading(2, $"Einladung zum Quartierslabor {lab.District}");
            yield return new Paragraph("Guten Tag,");
            yield return new Paragraph(
                $"die Stadt {contact.City} lädt Sie zum Quartierslabor in {lab.District} ein. Dort sprechen Bewohnerinnen und Bewohner über Sicherheit " +
                "und Zusammenleben im Stadtbezirk und schreiben Empfehlungen an die Stadt. Ihr Name wurde aus dem Melderegister ausgelost; " +
                "jede und jeder hatte die gleiche Chance. Die Anmeldung ist freiwillig; wenn Sie nicht mitmachen möchten, müssen Sie nichts tun.");
            yield return KeyValueList.Of(("Wann", when), ("Wo", place), ("Anmeldung bis", deadline));
            yield return new Paragraph([new TextRun("So melden Sie sich an:", Bold: true)]);
            // The address stands on a line of its own at full width, so it is never cut inside a word.
            yield return new Paragraph([new TextRun("Im Internet mit Ihrem Code:"), new TextRun($"\n{baseUrl}/quartierslabore/anmeldung", Bold: true)]);
            yield return new Paragraph([
                new TextRun("Ihr Code: "), new TextRun(Spaced(code), Bold: true),
                new TextRun(" (ohne 0, 1, I, L und O; Leerzeichen und Kleinschreibung sind beim Eintippen egal)"),
            ]);
            // One pixel per module without interpolation prints as sharply at 22 mm as a larger picture, at a sixteenth of the work.
            yield return new Figure(qrPng, $"QR-Code: führt zur Anmeldung mit Ihrem Code {code}") { WidthMm = 22, Pixelated = true };
            yield return new Paragraph(person.Phone is { Length: > 0 } phone2
                ? $"Per Telefon: {phone2}{(contact.Hours is { Length: > 0 } hours ? $" ({hours})" : "")}. Halten Sie bitte Ihren Code bereit."
                : "Per Telefon: über die Zentrale der Stadt. Halten Sie bitte Ihren Code bereit.");
            yield return new Paragraph("Per Post: Schicken Sie den Antwortabschnitt auf Seite 2 an die Stadt oder geben Sie ihn dort ab.");
            yield return new Paragraph($"Mit freundlichen Grüßen\n{person.Name}");
            yield return new PageBreak { SameSection = true };

            yield return new Heading(2, "Datenschutz: woher wir Ihre Adresse haben");
            yield return new Paragraph("Informationen nach Artikel 14 der Datenschutz-Grundverordnung (DSGVO), weil wir Ihre Daten nicht bei Ihnen selbst erhoben haben.");
            // Label and text in one paragraph at full width: shorter than a two-column list.
            foreach (var (label, text) in new[]
            {
                ("Verantwortlich", $"Stadt {contact.City}, {office}"),
                ("Datenschutzbeauftragte", options.DataProtectionOfficer),
                ("Herkunft der Daten", $"Melderegister der Stadt {contact.City}: Gruppenauskunft nach § 46 Bundesmeldegesetz (BMG)"),
                ("Welche Daten", "Vor- und Familienname, Anschrift, Geburtsjahr, Geschlecht, Stadtbezirk"),
                ("Zweck", $"Auslosung und Einladung zum Quartierslabor {lab.District} ({lab.QuarterLabel})"),
                ("Rechtsgrundlage", "Art. 6 Abs. 1 Buchstabe e DSGVO in Verbindung mit § 46 BMG"),
                ("Löschung", $"Ihre Anschrift wird spätestens am {deletedBy} gelöscht ({options.RegisterGraceDays} Tage nach dem Versand). " +
                    $"Wenn Sie sich anmelden, werden Ihre Angaben {options.RetentionDays} Tage nach dem Bericht des Quartierslabors gelöscht."),
                ("Ihre Rechte", "Auskunft, Berichtigung, Löschung, Einschränkung und Widerspruch (Art. 15 bis 21 DSGVO); " +
                    "Beschwerde bei der Landesbeauftragten für Datenschutz und Informationsfreiheit Nordrhein-Westfalen"),
            })
            {
                yield return new Paragraph([new TextRun(label + ": ", Bold: true), new TextRun(text)]);
            }

            yield return new Paragraph([new TextRun("Wie es weitergeht: ", Bold: true), new TextRun(
                "Aus allen Anmeldungen wird noch einmal gelost, damit die Gruppe so vielfältig ist wie der Stadtbezirk.")]);
            yield return new CutLine("Hier abtrennen und zurückschicken");
            yield return new Heading(2, $"Antwort: Ich möchte beim Quartierslabor {lab.District} mitmachen");
            yield return new Paragraph($"Bitte schicken Sie diesen Abschnitt bis {deadline} an: {office}. Sie können ihn dort auch abgeben.");
            yield return KeyValueList.Of(
                ("Ihr Code", Spaced(code)),
                ("Name", "______________________________________"),
                ("Telefon oder E-Mail", "______________________________________"),
                ("Altersgruppe", string.Join("   ", LabsModule.AgeBandLabels.Select(b => "☐ " + b))),
                ("Geschlecht", "☐ weiblich   ☐ männlich   ☐ divers   ☐ keine Angabe"),
                ("Das brauche ich zur Teilnahme", "______________________________________"));
            yield return new Paragraph("☐ Ich bin einverstanden, dass die Stadt meine Angaben für die Auslosung und Einladung zum Quartierslabor verwendet.");
            yield return new Paragraph("Datum, Unterschrift: ______________________________");
            yield return new PageBreak();
        }

        /// <summary>The code in groups of four with spaces, as one types it from paper ("K7QM 3XTR P9ZC").</summary>
        private static string Spaced(string code) => code.Replace('-', ' ');
    }
}
