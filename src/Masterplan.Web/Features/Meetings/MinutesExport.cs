using System.Globalization;
using System.Text.Json;
using Masterplan.Documents;
using Masterplan.Web.Data;
using Microsoft.EntityFrameworkCore;
using Masterplan.Web.Shared;

namespace Masterplan.Web.Features.Meetings;

/// <summary>
/// Builds the minutes of a meeting as a document (attendance, agenda, notes, votes, recommendations) and
/// renders it as tagged PDF and DOCX, with the body's indicators, goals and milestones as of the meeting's day as the meeting's
/// page shows them (003). The public edition leaves out the non-public items, indicators and goals.
/// </summary>
public sealed class MinutesExport(AppDbContext db, MeetingRoll roll, Catalogue.BodyTargets targets)
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    public async Task<Document> BuildAsync(int meetingId, MinutesVersion version, bool publicEdition, string? approval, CancellationToken ct)
    {
        var meeting = await db.Meetings.AsNoTracking().Include(m => m.Organization).SingleAsync(m => m.Id == meetingId, ct);
        var quorum = await roll.QuorumAsync(meeting, ct);
        // The public edition shows what anybody sees on the meeting's page, by the same rule.
        var viewer = publicEdition ? MeetingViewer.Public : MeetingViewer.Everything;
        var all = await db.AgendaItems.AsNoTracking().Where(i => i.MeetingId == meetingId).OrderBy(i => i.SortKey).ToListAsync(ct);
        var items = all.Where(i => viewer.Sees(meeting, i)).ToList();
        var itemIds = items.Select(i => i.Id).ToList();
        var votes = await db.Votes.AsNoTracking().Where(v => itemIds.Contains(v.AgendaItemId)).OrderBy(v => v.RecordedAt).ToListAsync(ct);
        var recommendations = (await db.Recommendations.AsNoTracking().Where(r => r.MeetingId == meetingId).OrderBy(r => r.Id).ToListAsync(ct))
            .Where(r => viewer.Sees(meeting, all.FirstOrDefault(i => i.Id == r.AgendaItemId), r)).ToList();
        var notes = JsonSerializer.Deserialize<Dictionary<int, string>>(version.ItemNotes) ?? [];
        var memberships = await roll.MembershipsAsync(meeting, ct);
        var byId = memberships.ToDictionary(m => m.Id);

        var start = CityTime.Local(meeting.Start);
        var title = $"Niederschrift: {meeting.Organization.Name}, Sitzung am {start.ToString("dd.MM.yyyy", German)}";
        var blocks = new List<Block>
        {
            new Heading(1, title),
            KeyValueList.Of(
                ("Gremium", meeting.Organization.Name),
                ("Sitzung", meeting.Title),
                ("Datum", start.ToString("dddd, dd.MM.yyyy", German)),
                ("Beginn", $"{start:HH:mm} Uhr"),
                ("Schluss", $"{CityTime.Local(meeting.End):HH:mm} Uhr"),
                ("Ort", meeting.Place),
                ("Stand", approval ?? $"Entwurf, Fassung {version.Number}"),
                ("Ausgabe", publicEdition ? "öffentlicher Teil" : "vollständig (mit nicht öffentlichen Punkten)")),
        };
        if (!string.IsNullOrWhiteSpace(version.Introduction))
        {
            blocks.AddRange(Paragraphs(version.Introduction));
        }

        blocks.Add(new Heading(2, "Anwesenheit"));
        var attendanceRows = quorum.Attendances
            .Select(a => byId.TryGetValue(a.MembershipId ?? 0, out var m) ? (Membership: m, a.RepresentsMembershipId) : default)
            .Where(x => x.Membership is not null)
            .OrderBy(x => x.Membership.Person.FamilyName, StringComparer.Create(German, false))
            .Select(x => (IReadOnlyList<string>)
            [
                x.Membership.Person.DisplayName,
                x.Membership.OnBehalfOf?.Name ?? "–",
                x.RepresentsMembershipId is { } seat && byId.TryGetValue(seat, out var holder) ? $"Vertretung für {holder.Person.DisplayName}"
                    : x.Membership.VotingRight == Organizations.VotingRight.Voting ? "stimmberechtigt" : "beratend",
            ]).ToList();
        blocks.Add(new Table("Anwesende", ["Name", "Für", "Teilnahme"], attendanceRows) { ColumnWidths = [3, 3, 3] });
        var present = quorum.Attendances.Select(a => a.MembershipId).OfType<int>().ToHashSet();
        var absentRows = quorum.Seats.Where(seat => !seat.HolderPresent)
            .Select(seat => (seat.Holder, Note: seat.DeputyPresent is { } deputy ? $"vertreten durch {deputy.Person.DisplayName}" : "nicht vertreten"))
            .Concat(quorum.Advisory.Where(m => !present.Contains(m.Id)).Select(m => (Holder: m, Note: "beratend")))
            .OrderBy(x => x.Holder.Person.FamilyName, StringComparer.Create(German, false))
            .Select(x => (IReadOnlyList<string>)[x.Holder.Person.DisplayName, x.Holder.OnBehalfOf?.Name ?? "–", x.Note]).ToList();
        blocks.Add(absentRows.Count == 0
            ? new Paragraph("Abwesend: niemand.")
            : new Table("Abwesende Mitglieder", ["Name", "Für", "Vertretung"], absentRows) { ColumnWidths = [3, 3, 3] });
        blocks.Add(new Paragraph(quorum.Reached
            ? $"Das Gremium war beschlussfähig: {quorum.VotingPresent} von {quorum.VotingSeats} stimmberechtigten Sitzen waren besetzt."
            : $"Das Gremium war nicht beschlussfähig: {quorum.VotingPresent} von {quorum.VotingSeats} stimmberechtigten Sitzen waren besetzt, nötig waren {quorum.Required}."));

        blocks.Add(new Heading(2, "Tagesordnung"));
        blocks.Add(new BulletList(items.Select(i => $"TOP {i.Number} {i.Title}").ToList()));
        // As on the meeting's page: a draft made before the meeting shows today's state (no milestone is overdue yet).
        var meetingDay = DateOnly.FromDateTime(start);
        var day = targets.StateDayOf(meeting.Start);
        if (await targets.LoadAsync(meeting.Organization, day, includeNonPublic: !publicEdition, ct) is { IsEmpty: false } state)
        {
            blocks.Add(new Paragraph(day == meetingDay
                ? $"Kennzahlen und Ziele des Gremiums mit Stand vom {day.ToString("dd.MM.yyyy", German)}, dem Tag der Sitzung:"
                : $"Kennzahlen und Ziele des Gremiums mit Stand vom {day.ToString("dd.MM.yyyy", German)}; die Sitzung ist erst am {meetingDay.ToString("dd.MM.yyyy", German)}:"));
            blocks.AddRange(Catalogue.BodyTargets.Blocks(state, 2));
        }

        foreach (var item in items)
        {
            blocks.Add(new Heading(item.Number.Contains('.', StringComparison.Ordinal) ? 3 : 2, $"TOP {item.Number} {item.Title}"));
            if (notes.TryGetValue(item.Id, out var note) && !string.IsNullOrWhiteSpace(note))
            {
                blocks.AddRange(Paragraphs(note));
            }

            foreach (var vote in votes.Where(v => v.AgendaItemId == item.Id))
            {
                blocks.Add(new Paragraph(
                [
                    new TextRun("Abstimmung: ", Bold: true),
                    new TextRun($"{vote.Subject}. Ja {vote.Yes}, Nein {vote.No}, Enthaltung {vote.Abstain}: {(vote.Adopted ? "angenommen" : "abgelehnt")}."),
                ]));
                if (!vote.QuorumReached)
                {
                    // The Office confirmed this vote although the body was not quorate; the minutes say so next to it.
                    blocks.Add(new Paragraph(
                    [
                        new TextRun("Ohne Beschlussfähigkeit abgestimmt: ", Bold: true),
                        new TextRun($"{vote.VotingPresent} von {vote.VotingSeats} stimmberechtigten Sitzen waren besetzt, das Gremium war nicht beschlussfähig."),
                    ]));
                }

                if (vote.Resolution is { } resolution)
                {
                    blocks.Add(new Paragraph([new TextRun("Beschluss: ", Bold: true), new TextRun(resolution)]));
                }
            }

            foreach (var r in recommendations.Where(r => r.AgendaItemId == item.Id))
            {
                blocks.Add(new Paragraph([new TextRun($"Empfehlung an {MeetingsModule.AddresseeLabel(r.AddresseeKind)}: ", Bold: true), new TextRun($"{r.Title}. {r.Text}")]));
            }
        }

        var loose = recommendations.Where(r => r.AgendaItemId is null || !itemIds.Contains(r.AgendaItemId.Value)).ToList();
        if (loose.Count > 0)
        {
            blocks.Add(new Heading(2, "Weitere Empfehlungen"));
            blocks.AddRange(loose.Select(r => new Paragraph([new TextRun($"{r.Title} (an {MeetingsModule.AddresseeLabel(r.AddresseeKind)}): ", Bold: true), new TextRun(r.Text)])));
        }

        // Signature lines: the chair (the member whose role says so, if the roll knows one) and whoever wrote this version.
        var chair = memberships.FirstOrDefault(m => m.DeputyForId is null && m.Role.StartsWith("Vorsitz", StringComparison.OrdinalIgnoreCase))?.Person.DisplayName;
        blocks.Add(new Heading(2, "Unterschriften"));
        blocks.Add(new Paragraph($"Schluss der Sitzung: {CityTime.Local(meeting.End):HH:mm} Uhr."));
        blocks.Add(new Paragraph($"Dortmund, den ____________________\n\n\n________________________________________\nVorsitz{(chair is null ? "" : $": {chair}")}"));
        blocks.Add(new Paragraph($"\n\n________________________________________\nSchriftführung: {version.AuthorName}"));

        return new Document(title, blocks)
        {
            Watermark = approval is null ? "Entwurf" : null,
            Author = "Stadt Dortmund, Geschäftsstelle Masterplan Kommunale Sicherheit",
            Subject = $"Niederschrift, Fassung {version.Number}",
            HeaderText = $"{meeting.Organization.Name} · {start.ToString("dd.MM.yyyy", German)}",
        };
    }

    private static IEnumerable<Paragraph> Paragraphs(string text) =>
        text.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => new Paragraph(p));
}
