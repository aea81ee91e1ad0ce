using System.Globalization;
using Masterplan.Documents;
using Masterplan.Web.Data;
using Masterplan.Web.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Masterplan.Web.Features.Labs.Manage;

/// <summary>The third step of the draw page: the letters to the invitees, each with its code, as one PDF.</summary>
public sealed class InvitationLetters(AppDbContext db, TimeProvider time, IOptions<LabsOptions> options)
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    /// <summary>
    /// Makes the invitation letters as one PDF: a new code for every invitation that was not used yet, stored only as
    /// its SHA-256; the code itself is printed on the letter and nowhere else. Making them again invalidates the
    /// earlier letters' codes, so it is possible only until the extract is deleted and registration opens.
    /// </summary>
    public async Task<(byte[]? Pdf, Outcome Result)> LettersAsync(int labId, CancellationToken ct)
    {
        var lab = await db.Labs.SingleAsync(l => l.Id == labId, ct);
        if (lab.State is not (LabState.ConceptApproved or LabState.InvitationsSent))
        {
            return (null, Outcome.Invalid("", "Einladungsschreiben entstehen nach der Auslosung und bevor die Anmeldung öffnet."));
        }

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

        var letters = new List<Block>();
        for (var i = 0; i < invitations.Count; i++)
        {
            invitations[i].CodeHash = HashedCodes.Hash(codes[i]);
            letters.AddRange(Letter(lab, people[invitations[i].RowIndex], codes[i]));
        }

        lab.LettersCreatedAt = time.GetUtcNow();
        if (lab.State == LabState.ConceptApproved)
        {
            lab.State = LabState.InvitationsSent;
        }

        db.Audit("lab.letters.created", nameof(NeighbourhoodLab), labId.ToString(CultureInfo.InvariantCulture), new { letters = invitations.Count });
        var document = new Document($"Einladungen zum Quartierslabor {lab.District}, {lab.QuarterLabel}", letters)
        {
            Author = "Stadt Dortmund, Geschäftsstelle Masterplan Kommunale Sicherheit",
            Subject = "Einladungsschreiben Quartierslabor",
            // Each letter is counted on its own: "Seite 1 von 1" is what the resident holds.
            NumberPagesPerSection = true,
        };
        var pdf = PdfRenderer.Render(document);
        await db.SaveChangesAsync(ct);
        return (pdf, Outcome.Done);
    }

    private IEnumerable<Block> Letter(NeighbourhoodLab lab, RegisterEntry person, string code)
    {
        var url = $"{options.Value.PublicBaseUrl.TrimEnd('/')}/quartierslabore/anmeldung?code={code}";
        yield return new Paragraph($"{person.Name}\n{person.Address.Replace(", ", "\n", StringComparison.Ordinal)}");
        yield return new Paragraph($"Dortmund, {CityTime.Today(time).ToString("dd.MM.yyyy", German)}");
        yield return new Heading(1, $"Einladung zum Quartierslabor {lab.District}");
        yield return new Paragraph("Guten Tag,");
        yield return new Paragraph(
            $"die Stadt Dortmund lädt Sie zum Quartierslabor in {lab.District} ein ({lab.QuarterLabel}). Im Quartierslabor sprechen Bewohnerinnen und Bewohner " +
            "über Sicherheit, den öffentlichen Raum und das Zusammenleben im Stadtbezirk. Am Ende schreiben Sie selbst Empfehlungen, was die Stadt tun soll.");
        yield return new Paragraph(
            "Sie haben diesen Brief, weil Ihr Name aus dem Melderegister ausgelost wurde. Jede und jeder hatte die gleiche Chance. " +
            "Wenn Sie mitmachen möchten, melden Sie sich bitte mit Ihrem persönlichen Code an. Aus allen Anmeldungen wird dann noch einmal gelost, " +
            "damit die Gruppe so vielfältig ist wie der Stadtbezirk.");
        yield return KeyValueList.Of(("Ihr Code", code), ("Anmeldung im Internet", $"{options.Value.PublicBaseUrl.TrimEnd('/')}/quartierslabore/anmeldung"));
        // 4 pixels per module print sharply at 35 mm (no smoothing in PDF) and keep 3,000 letters within seconds, not minutes.
        yield return new Figure(QrCode.Png(url, pixelsPerModule: 4), $"QR-Code: führt zur Anmeldung mit Ihrem Code {code}") { WidthMm = 35 };
        yield return new Paragraph(
            "Ihre Adresse wird nach dem Versand der Einladungen gelöscht. Die Anmeldung ist freiwillig. Wenn Sie nicht mitmachen möchten, müssen Sie nichts tun.");
        yield return new Paragraph("Mit freundlichen Grüßen\nIhre Geschäftsstelle Masterplan Kommunale Sicherheit");
        yield return new PageBreak();
    }
}
