using System.Globalization;
using Masterplan.Documents;
using Masterplan.Web.Shared;

namespace Masterplan.Web.Features.Meetings;

/// <summary>
/// The invitation on paper for members and deputies without an e-mail address: one letter per person in one tagged PDF
/// (page numbers per letter), and the list of these people as CSV for a mail merge. The platform keeps no postal
/// addresses, so the Office completes the address from its own records.
/// </summary>
public static class PostalInvitation
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    public static Document Letters(Meeting meeting, IReadOnlyList<AgendaItem> items, IReadOnlyList<PostalRecipient> recipients, string link, Catalogue.BodyTargetsView? targets = null)
    {
        var start = CityTime.Local(meeting.Start);
        var title = $"Einladung: {meeting.Organization.Name} am {start.ToString("dd.MM.yyyy", German)}";
        var blocks = new List<Block>();
        foreach (var r in recipients)
        {
            if (blocks.Count > 0)
            {
                blocks.Add(new PageBreak());
            }

            blocks.Add(new Paragraph(r.OnBehalfOf is null ? r.DisplayName : $"{r.DisplayName}, {r.OnBehalfOf}"));
            blocks.Add(new Heading(1, title));
            blocks.Add(new Paragraph($"Guten Tag {r.DisplayName},"));
            blocks.Add(new Paragraph($"hiermit lädt die Geschäftsstelle Sie zur Sitzung „{meeting.Title}“ ein."));
            if (r.DeputyFor.Count > 0)
            {
                blocks.Add(new Paragraph($"Sie erhalten diese Einladung als Vertretung für {string.Join(", ", r.DeputyFor)}. Bitte nehmen Sie teil, wenn das Mitglied verhindert ist."));
            }

            blocks.Add(KeyValueList.Of(
                ("Gremium", meeting.Organization.Name),
                ("Beginn", $"{start.ToString("dddd, dd.MM.yyyy, HH:mm", German)} Uhr"),
                ("Ende", $"{CityTime.Local(meeting.End).ToString("HH:mm", German)} Uhr"),
                ("Ort", meeting.Place.Length == 0 ? "wird noch bekannt gegeben" : meeting.Place)));
            blocks.Add(new Heading(2, "Tagesordnung"));
            blocks.Add(items.Count == 0
                ? new Paragraph("Die Tagesordnung folgt.")
                : new BulletList(items.Select(i => $"TOP {i.Number} {i.Title}{(i.IsPublic ? "" : " (nicht öffentlich)")}").ToList()));
            if (targets is { IsEmpty: false })
            {
                // 003: the body reviews its indicators, goals and milestones in its meetings; the letter carries the state it was printed on.
                blocks.Add(new Paragraph($"Kennzahlen und Ziele des Gremiums mit Stand vom {targets.AsOf.ToString("dd.MM.yyyy", German)}:"));
                blocks.AddRange(Catalogue.BodyTargets.Blocks(targets, 2));
            }

            blocks.Add(new Paragraph($"Tagesordnung und Unterlagen im Internet: {link}"));
            blocks.Add(new Paragraph("Geschäftsstelle Masterplan Kommunale Sicherheit, Stadt Dortmund"));
        }

        return new Document(title, blocks)
        {
            Author = "Stadt Dortmund, Geschäftsstelle Masterplan Kommunale Sicherheit",
            Subject = "Einladung per Post",
            HeaderText = $"{meeting.Organization.Name} · {start.ToString("dd.MM.yyyy", German)}",
            NumberPagesPerSection = true,
        };
    }

    /// <summary>The people to write to by post, one row each, for a mail merge (formula-looking cells escaped by <see cref="CsvTable"/>).</summary>
    public static byte[] AddressList(Meeting meeting, IReadOnlyList<PostalRecipient> recipients) =>
        CsvTable.Write(
            new IEnumerable<string?>[] { ["Titel", "Vorname", "Nachname", "Name", "Für", "Rolle", "Vertretung für", "Gremium", "Sitzung", "Beginn", "Anschrift"] }
            .Concat(recipients.Select(r => (IEnumerable<string?>)
            [
                r.Title, r.GivenName, r.FamilyName, r.DisplayName, r.OnBehalfOf, r.Role, string.Join("; ", r.DeputyFor), meeting.Organization.Name, meeting.Title,
                CityTime.Local(meeting.Start).ToString("dd.MM.yyyy HH:mm", German), "",
            ])));
}
