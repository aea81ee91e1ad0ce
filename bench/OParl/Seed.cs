using System.Globalization;
using System.Security.Cryptography;
using Masterplan.Documents;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Meetings;
using Masterplan.Web.Features.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;

namespace Masterplan.Bench.OParl;

/// <summary>How much the generator wrote, for the report and the crawl's cross-check.</summary>
internal sealed record Seeded(
    int Meetings, int PublicMeetings, int Items, int Links, int Papers, int Consultations, int ScheduledConsultations, int Files,
    int Persons, int ConsentingPersons, int Memberships, int Tombstones, int RecentRows, long PdfBytes);

/// <summary>
/// Ten years of council work on PostgreSQL, written with binary COPY (seconds, not the minutes the change tracker and the
/// field-by-field audit would take): meetings of the seeded bodies with agenda items and files (small real PDFs), papers
/// with their Beratungsfolge (some consultations scheduled on an agenda item through an <see cref="AgendaLink"/> of kind
/// Paper), persons with and without consent and their memberships, and a few deleted or depublished objects (tombstones).
/// Everything is marked Demo (<c>IsDemo</c> where the entity has it, titles ending "(Demo)"). <c>Created</c>/<c>Modified</c>
/// are spread over the ten years before <paramref name="now"/>, about 1 % changed in the last week, and a parent's
/// <c>Modified</c> is never older than an embedded child's (as <c>AppDbContext</c> keeps it when rows are saved one by one).
/// </summary>
internal static class Seed
{
    private const string Lorem = "Die Verwaltung berichtet über den Stand der Umsetzung und die Rückmeldungen aus den Stadtbezirken.";

    private static readonly string[] Topics =
    [
        "Sicherheit am Hauptbahnhof", "Beleuchtung im Westpark", "Ordnungspartnerschaft Nordstadt", "Haushalt und Stellenplan",
        "Videobeobachtung Brückstraße", "Präventionsangebote an Schulen", "Sauberkeit im Hafenquartier", "Barrierefreie Wege",
        "Kommunaler Ordnungsdienst", "Jugendbeteiligung", "Quartierslabor Hörde", "Fahrradkriminalität in der City",
    ];

    private static readonly string[] Given = ["Anna", "Ben", "Clara", "Deniz", "Emil", "Fatma", "Greta", "Hakan", "Ida", "Jonas", "Katrin", "Lukas"];

    private static readonly string[] Family = ["Becker", "Yılmaz", "Schulz", "Nowak", "Krüger", "Demir", "Wagner", "Schmitz", "Hoffmann", "Kaya"];

    public static async Task<Seeded> RunAsync(IServiceProvider services, string connectionString, DateTimeOffset now,
        int meetings = 2000, int itemsPerMeeting = 10, int papers = 5000, int filesPerMeeting = 5, int persons = 800)
    {
        var rnd = new Random(20261204);
        var from = now.AddYears(-10);
        var week = now.AddDays(-7);

        // What the app seeded: the bodies that meet, the departments that lead papers.
        List<(int Id, OrganizationKind Kind)> orgs;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            orgs = (await db.Organizations.Select(o => new { o.Id, o.Kind }).ToListAsync()).Select(o => (o.Id, o.Kind)).ToList();
        }

        var bodies = orgs.Where(o => o.Kind is not (OrganizationKind.Department or OrganizationKind.Fraction or OrganizationKind.Institution)).Select(o => o.Id).ToList();
        var departments = orgs.Where(o => o.Kind == OrganizationKind.Department).Select(o => o.Id).ToList();
        if (bodies.Count == 0)
        {
            throw new InvalidOperationException("no seeded bodies to hold meetings");
        }

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        async Task<int> Next(string table) => Convert.ToInt32(await Scalar(connection, $"""SELECT COALESCE(MAX("Id"), 0) + 1 FROM "{table}" """), CultureInfo.InvariantCulture);

        // A moment between a and b (never after now), and "changed later": mostly within a month, 1 % in the last week.
        DateTimeOffset Between(DateTimeOffset a, DateTimeOffset b) => a.AddTicks((long)(rnd.NextDouble() * Math.Max(0, (b - a).Ticks)));
        var recent = 0;
        DateTimeOffset Changed(DateTimeOffset created)
        {
            if (rnd.Next(100) == 0)
            {
                recent++;
                return Max(created, Between(week, now));
            }

            var m = created.AddMinutes(rnd.Next(0, 60 * 24 * 30));
            return m > week ? Max(created, week.AddHours(-rnd.Next(1, 200))) : m;
        }

        var tombstones = new List<(string Type, int Id, DateTimeOffset Created, DateTimeOffset Deleted)>();

        // --- persons and memberships ----------------------------------------------------------------------------------
        var personStart = await Next("Persons");
        var personRows = new List<(int Id, string Given, string Family, string? Title, bool Consent, DateTimeOffset Created, DateTimeOffset Modified)>();
        for (var n = 0; n < persons; n++)
        {
            var id = personStart + n;
            var created = Between(from, now.AddDays(-30));
            if (n % 160 == 159)
            {
                tombstones.Add(("Person", id, created, Between(created, now)));
                continue;
            }

            personRows.Add((id, Given[n % Given.Length], $"{Family[n * 7 % Family.Length]}-{n} (Demo)", n % 13 == 0 ? "Dr." : null, n % 3 != 0, created, Changed(created)));
        }

        var membershipStart = await Next("Memberships");
        var membershipRows = new List<(int Id, int Person, int Org, string Role, bool Voting, DateOnly Start, DateOnly? End, DateTimeOffset Created, DateTimeOffset Modified)>();
        foreach (var p in personRows)
        {
            for (var k = 0; k < 2; k++)
            {
                var start = DateOnly.FromDateTime(p.Created.UtcDateTime);
                var end = rnd.Next(3) == 0 ? start.AddYears(rnd.Next(1, 6)) : (DateOnly?)null;
                var created = Max(p.Created, p.Created.AddDays(rnd.Next(0, 10)));
                var row = (membershipStart + membershipRows.Count, p.Id, bodies[rnd.Next(bodies.Count)], k == 0 ? "Mitglied" : "stellv. Mitglied", k == 0,
                    start, end is { } e && e < DateOnly.FromDateTime(now.UtcDateTime) ? end : null, created, Min(now, Changed(created)));
                membershipRows.Add(row);
            }
        }

        // --- meetings, agenda items, files -------------------------------------------------------------------------------
        var meetingStart = await Next("Meetings");
        var itemStart = await Next("AgendaItems");
        var fileStart = await Next("MeetingDocuments");
        var meetingRows = new List<MeetingRow>();
        var itemRows = new List<ItemRow>();
        var fileRows = new List<FileRow>();
        var span = (now.AddDays(60) - from.AddDays(30)).Ticks;
        for (var n = 0; n < meetings; n++)
        {
            var id = meetingStart + n;
            var start = from.AddDays(30).AddTicks(span / meetings * n).AddMinutes(rnd.Next(-600, 600));
            start = new DateTimeOffset(start.Year, start.Month, start.Day, 15 + rnd.Next(3), 0, 0, TimeSpan.Zero);
            var created = Max(from, start.AddDays(-21 - rnd.Next(14)));
            if (created > now)
            {
                created = now.AddDays(-rnd.Next(1, 20));
            }

            if (n % 100 == 99)
            {
                // Deleted meetings (a planning mistake), with their items and files: only the meeting's tombstone was public.
                tombstones.Add(("Meeting", id, created, Between(created, now)));
                continue;
            }

            var isPublic = n % 33 != 5;
            var meeting = new MeetingRow(id, bodies[n % bodies.Count], $"{n / bodies.Count + 1}. Sitzung {start.Year} (Demo)", start, start.AddHours(2.5),
                start > now ? (start < now.AddDays(14) ? MeetingState.Invited : MeetingState.Scheduled) : (n % 50 == 7 ? MeetingState.Cancelled : MeetingState.Held),
                isPublic, created, Min(now, Changed(created)));
            if (!isPublic && n % 3 == 0)
            {
                // Depublished after it had been public for a while.
                meeting = meeting with { Modified = Between(created, now) };
                tombstones.Add(("Meeting", id, created, meeting.Modified));
            }

            meetingRows.Add(meeting);
            for (var k = 0; k < itemsPerMeeting; k++)
            {
                var itemId = itemStart + n * itemsPerMeeting + k;
                var itemCreated = created.AddMinutes(k);
                var itemPublic = (n * itemsPerMeeting + k) % 13 != 4;
                if (k == itemsPerMeeting - 1 && n % 40 == 3)
                {
                    // An item withdrawn from a public agenda.
                    if (isPublic)
                    {
                        tombstones.Add(("AgendaItem", itemId, itemCreated, Between(itemCreated, now)));
                    }

                    continue;
                }

                var item = new ItemRow(id, itemId, (k + 1).ToString(CultureInfo.InvariantCulture), $"{Topics[(n + k) % Topics.Length]} (Demo)",
                    k % 3 == 0 ? null : Lorem, itemPublic, itemCreated, Min(now, Changed(itemCreated)));
                itemRows.Add(item);
            }

            for (var k = 0; k < filesPerMeeting; k++)
            {
                var fileId = fileStart + n * filesPerMeeting + k;
                var underItem = k < 3 ? itemStart + n * itemsPerMeeting + k * 3 : (int?)null;
                var fileCreated = created.AddDays(rnd.Next(0, 14));
                if (fileCreated > now)
                {
                    fileCreated = created;
                }

                fileRows.Add(new FileRow(fileId, id, underItem, $"Anlage {k + 1}: {Topics[(n + k + 3) % Topics.Length]} (Demo)", $"anlage-{k + 1}.pdf",
                    (n * filesPerMeeting + k) % 20 != 9, k % 4, fileCreated, Min(now, Changed(fileCreated))));
            }
        }

        // --- papers, Beratungsfolge, agenda links ------------------------------------------------------------------------
        var paperStart = await Next("Papers");
        var consultationStart = await Next("Consultations");
        var linkStart = await Next("AgendaLinks");
        var meetingsByBody = meetingRows.Where(m => m.Start < now).GroupBy(m => m.Org).ToDictionary(g => g.Key, g => g.OrderBy(m => m.Start).ToList());
        var itemsByMeeting = itemRows.ToLookup(i => i.Meeting);
        var itemIndex = itemRows.Select((i, k) => (i.Id, k)).ToDictionary(x => x.Id, x => x.k);
        var usedItems = new HashSet<int>();
        var paperRows = new List<PaperRow>();
        var consultationRows = new List<ConsultationRow>();
        var linkRows = new List<(int Id, int Item, int Paper, string Label)>();
        var paperSpan = (now.AddDays(-20) - from.AddDays(10)).Ticks;
        for (var n = 0; n < papers; n++)
        {
            var id = paperStart + n;
            var created = from.AddDays(10).AddTicks(paperSpan / papers * n).AddHours(rnd.Next(0, 48));
            if (n % 500 == 250)
            {
                tombstones.Add(("Paper", id, created, Between(created, now)));
                continue;
            }

            var reference = string.Create(CultureInfo.InvariantCulture, $"{90000 - n % 90000:00000}-{created.Year % 100:00}");
            var paper = new PaperRow(id, reference, $"{Topics[n % Topics.Length]}: Vorlage {n + 1} (Demo)", n % 5 == 0 ? "Antrag" : "Beschlussvorlage",
                DateOnly.FromDateTime(created.UtcDateTime), departments.Count == 0 ? null : departments[n % departments.Count],
                n % 97 == 1 && paperRows.Count > 0 ? paperRows[^1].Id : null, created, Changed(created));
            var count = 1 + rnd.Next(4);
            for (var k = 0; k < count; k++)
            {
                var org = bodies[rnd.Next(bodies.Count)];
                var cCreated = created.AddMinutes(k + 1);
                int? link = null;

                // About half the papers are on an agenda: the first meeting of that body after the paper, on a free item.
                if (k < 2 && n % 2 == 0 && meetingsByBody.TryGetValue(org, out var list))
                {
                    var at = list.FindIndex(m => m.Start > created.AddDays(7 * (k + 1)));
                    var free = at < 0 ? null : itemsByMeeting[list[at].Id].FirstOrDefault(i => i.Public && list[at].Public && !usedItems.Contains(i.Id));
                    if (free is not null)
                    {
                        usedItems.Add(free.Id);
                        link = linkStart + linkRows.Count;
                        linkRows.Add((link.Value, free.Id, id, $"{reference} {paper.Name}"));

                        // The link is shown in the item and in the paper: both changed when it was added.
                        var linked = Max(itemRows[itemIndex[free.Id]].Modified, cCreated);
                        itemRows[itemIndex[free.Id]] = itemRows[itemIndex[free.Id]] with { Modified = Min(now, linked) };
                        paper = paper with { Modified = Max(paper.Modified, Min(now, linked)) };
                    }
                }

                var date = DateOnly.FromDateTime(created.AddDays(14 * (k + 1)).UtcDateTime);
                var cModified = Min(now, Changed(cCreated));
                consultationRows.Add(new ConsultationRow(consultationStart + consultationRows.Count, id, k + 1, org, date,
                    k == count - 1 ? "Decision" : k == 0 ? "Deliberation" : "Recommendation", k == count - 1, link,
                    link is not null && date < DateOnly.FromDateTime(now.UtcDateTime) ? (k == count - 1 ? "Adopted" : "Recommended") : null,
                    link is not null && date < DateOnly.FromDateTime(now.UtcDateTime) ? date : null, cCreated, cModified));
                paper = paper with { Modified = Max(paper.Modified, cModified) };
            }

            paperRows.Add(paper with { Modified = Min(now, paper.Modified) });
        }

        // A parent's Modified covers its embedded children (items and files in the meeting, files in the item).
        var itemModified = itemRows.ToDictionary(i => i.Id, i => i.Modified);
        foreach (var f in fileRows.Where(f => f.Item is not null && itemModified.ContainsKey(f.Item.Value)))
        {
            itemModified[f.Item!.Value] = Max(itemModified[f.Item.Value], f.Modified);
        }

        itemRows = itemRows.Select(i => i with { Modified = itemModified[i.Id] }).ToList();
        var childMax = itemRows.Select(i => (i.Meeting, i.Modified)).Concat(fileRows.Select(f => (f.Meeting, f.Modified)))
            .GroupBy(x => x.Meeting).ToDictionary(g => g.Key, g => g.Max(x => x.Modified));
        meetingRows = meetingRows.Select(m => m with { Modified = Max(m.Modified, childMax.GetValueOrDefault(m.Id, m.Modified)) }).ToList();

        // --- small tagged PDFs (40 different ones, shared by the files: the bytes do not matter to the API) ---------------
        var pdfs = Enumerable.Range(0, 40).Select(k =>
        {
            var title = $"Anlage {k + 1}: {Topics[k % Topics.Length]} (Demo)";
            var pdf = PdfRenderer.Render(new Document(title, [new Heading(1, title), new Paragraph(Lorem)]) { Author = "Geschäftsstelle" });
            return (Data: pdf, Sha: Convert.ToHexStringLower(SHA512.HashData(pdf)));
        }).ToArray();

        // --- COPY everything ---------------------------------------------------------------------------------------------
        await using (var w = await connection.BeginBinaryImportAsync("""COPY "Persons" ("Id","Title","GivenName","FamilyName","Email","PublicConsent","IsDemo","Created","Modified") FROM STDIN (FORMAT BINARY)"""))
        {
            foreach (var p in personRows)
            {
                await w.StartRowAsync();
                await w.WriteAsync(p.Id);
                await Text(w, p.Title);
                await w.WriteAsync(p.Given);
                await w.WriteAsync(p.Family);
                await w.WriteAsync($"person{p.Id}@example.org");
                await w.WriteAsync(p.Consent);
                await w.WriteAsync(true);
                await Time(w, p.Created);
                await Time(w, p.Modified);
            }

            await w.CompleteAsync();
        }

        await using (var w = await connection.BeginBinaryImportAsync("""COPY "Memberships" ("Id","PersonId","OrganizationId","VotingRight","Role","IsExternal","StartDate","EndDate","IsDemo","Created","Modified") FROM STDIN (FORMAT BINARY)"""))
        {
            foreach (var m in membershipRows)
            {
                await w.StartRowAsync();
                await w.WriteAsync(m.Id);
                await w.WriteAsync(m.Person);
                await w.WriteAsync(m.Org);
                await w.WriteAsync(m.Voting ? "Voting" : "Advisory");
                await w.WriteAsync(m.Role);
                await w.WriteAsync(false);
                await w.WriteAsync(m.Start, NpgsqlDbType.Date);
                if (m.End is { } end)
                {
                    await w.WriteAsync(end, NpgsqlDbType.Date);
                }
                else
                {
                    await w.WriteNullAsync();
                }

                await w.WriteAsync(true);
                await Time(w, m.Created);
                await Time(w, m.Modified);
            }

            await w.CompleteAsync();
        }

        await using (var w = await connection.BeginBinaryImportAsync("""COPY "Meetings" ("Id","OrganizationId","Title","Start","End","Room","Address","State","IsPublic","CalendarUid","CalendarSequence","InvitedAt","IsDemo","Created","Modified") FROM STDIN (FORMAT BINARY)"""))
        {
            foreach (var m in meetingRows)
            {
                await w.StartRowAsync();
                await w.WriteAsync(m.Id);
                await w.WriteAsync(m.Org);
                await w.WriteAsync(m.Title);
                await Time(w, m.Start);
                await Time(w, m.End);
                await w.WriteAsync("Ratssaal");
                await w.WriteAsync("Friedensplatz 1, 44135 Dortmund");
                await w.WriteAsync(m.State.ToString());
                await w.WriteAsync(m.Public);
                await w.WriteAsync($"oparlbench-{m.Id}@masterplan-sicherheit.dortmund.de");
                await w.WriteAsync(0);
                if (m.State is MeetingState.Invited or MeetingState.Held)
                {
                    await Time(w, m.Start.AddDays(-14));
                }
                else
                {
                    await w.WriteNullAsync();
                }

                await w.WriteAsync(true);
                await Time(w, m.Created);
                await Time(w, m.Modified);
            }

            await w.CompleteAsync();
        }

        await using (var w = await connection.BeginBinaryImportAsync("""COPY "AgendaItems" ("Id","MeetingId","Number","SortKey","Title","Text","IsPublic","Created","Modified") FROM STDIN (FORMAT BINARY)"""))
        {
            foreach (var i in itemRows)
            {
                await w.StartRowAsync();
                await w.WriteAsync(i.Id);
                await w.WriteAsync(i.Meeting);
                await w.WriteAsync(i.Number);
                await w.WriteAsync(AgendaNumber.SortKey(i.Number));
                await w.WriteAsync(i.Title);
                await Text(w, i.Text);
                await w.WriteAsync(i.Public);
                await Time(w, i.Created);
                await Time(w, i.Modified);
            }

            await w.CompleteAsync();
        }

        await using (var w = await connection.BeginBinaryImportAsync("""COPY "AgendaLinks" ("Id","AgendaItemId","Kind","TargetId","Label") FROM STDIN (FORMAT BINARY)"""))
        {
            foreach (var l in linkRows)
            {
                await w.StartRowAsync();
                await w.WriteAsync(l.Id);
                await w.WriteAsync(l.Item);
                await w.WriteAsync("Paper");
                await w.WriteAsync(l.Paper);
                await w.WriteAsync(l.Label.Length > 500 ? l.Label[..500] : l.Label);
            }

            await w.CompleteAsync();
        }

        long pdfBytes = 0;
        await using (var w = await connection.BeginBinaryImportAsync("""COPY "MeetingDocuments" ("Id","MeetingId","AgendaItemId","Title","FileName","MediaType","Size","Sha512","IsPublic","Kind","UploadedAt","UploadedBy","Created","Modified") FROM STDIN (FORMAT BINARY)"""))
        {
            foreach (var f in fileRows)
            {
                var pdf = pdfs[f.Id % pdfs.Length];
                pdfBytes += pdf.Data.Length;
                await w.StartRowAsync();
                await w.WriteAsync(f.Id);
                await w.WriteAsync(f.Meeting);
                if (f.Item is { } item)
                {
                    await w.WriteAsync(item);
                }
                else
                {
                    await w.WriteNullAsync();
                }

                await w.WriteAsync(f.Title);
                await w.WriteAsync(f.FileName);
                await w.WriteAsync("application/pdf");
                await w.WriteAsync((long)pdf.Data.Length);
                await w.WriteAsync(pdf.Sha);
                await w.WriteAsync(f.Public);
                await w.WriteAsync("Attachment");
                await Time(w, f.Created);
                await w.WriteAsync("Geschäftsstelle (Demo)");
                await Time(w, f.Created);
                await Time(w, f.Modified);
            }

            await w.CompleteAsync();
        }

        await using (var w = await connection.BeginBinaryImportAsync("""COPY "DocumentContents" ("Id","Data") FROM STDIN (FORMAT BINARY)"""))
        {
            foreach (var f in fileRows)
            {
                await w.StartRowAsync();
                await w.WriteAsync(f.Id);
                await w.WriteAsync(pdfs[f.Id % pdfs.Length].Data);
            }

            await w.CompleteAsync();
        }

        await using (var w = await connection.BeginBinaryImportAsync("""COPY "Papers" ("Id","Reference","Name","PaperType","Date","ResponsibleOrganizationId","Originator","DecisionProposal","Reasons","AmendsPaperId","IsDemo","Created","Modified") FROM STDIN (FORMAT BINARY)"""))
        {
            foreach (var p in paperRows)
            {
                await w.StartRowAsync();
                await w.WriteAsync(p.Id);
                await w.WriteAsync(p.Reference);
                await w.WriteAsync(p.Name);
                await w.WriteAsync(p.Type);
                await w.WriteAsync(p.Date, NpgsqlDbType.Date);
                await Int(w, p.Department);
                await w.WriteAsync("Oberbürgermeister (Demo)");
                await w.WriteAsync("Der Rat beschließt die Maßnahmen wie vorgelegt.");
                await w.WriteAsync(Lorem);
                await Int(w, p.Amends);
                await w.WriteAsync(true);
                await Time(w, p.Created);
                await Time(w, p.Modified);
            }

            await w.CompleteAsync();
        }

        await using (var w = await connection.BeginBinaryImportAsync("""COPY "Consultations" ("Id","PaperId","Position","OrganizationId","Date","Role","Authoritative","AgendaLinkId","Result","ResultDate","Created","Modified") FROM STDIN (FORMAT BINARY)"""))
        {
            foreach (var c in consultationRows)
            {
                await w.StartRowAsync();
                await w.WriteAsync(c.Id);
                await w.WriteAsync(c.Paper);
                await w.WriteAsync(c.Position);
                await w.WriteAsync(c.Org);
                await w.WriteAsync(c.Date, NpgsqlDbType.Date);
                await w.WriteAsync(c.Role);
                await w.WriteAsync(c.Authoritative);
                await Int(w, c.Link);
                await Text(w, c.Result);
                if (c.ResultDate is { } rd)
                {
                    await w.WriteAsync(rd, NpgsqlDbType.Date);
                }
                else
                {
                    await w.WriteNullAsync();
                }

                await Time(w, c.Created);
                await Time(w, c.Modified);
            }

            await w.CompleteAsync();
        }

        await using (var w = await connection.BeginBinaryImportAsync("""COPY "Tombstones" ("EntityType","EntityId","Created","Deleted") FROM STDIN (FORMAT BINARY)"""))
        {
            foreach (var t in tombstones)
            {
                await w.StartRowAsync();
                await w.WriteAsync(t.Type);
                await w.WriteAsync(t.Id);
                await Time(w, t.Created);
                await Time(w, t.Deleted);
            }

            await w.CompleteAsync();
        }

        // Identity columns continue after the explicit ids; then statistics and the visibility map, as autovacuum would.
        foreach (var table in new[] { "Persons", "Memberships", "Meetings", "AgendaItems", "AgendaLinks", "MeetingDocuments", "Papers", "Consultations" })
        {
            await Scalar(connection, $"""SELECT setval(pg_get_serial_sequence('"{table}"', 'Id'), (SELECT MAX("Id") FROM "{table}"))""");
        }

        await Scalar(connection, """VACUUM ANALYZE "Persons", "Memberships", "Meetings", "AgendaItems", "AgendaLinks", "MeetingDocuments", "DocumentContents", "Papers", "Consultations", "Tombstones" """);

        return new Seeded(meetingRows.Count, meetingRows.Count(m => m.Public), itemRows.Count, linkRows.Count, paperRows.Count, consultationRows.Count,
            consultationRows.Count(c => c.Link is not null), fileRows.Count, personRows.Count, personRows.Count(p => p.Consent), membershipRows.Count,
            tombstones.Count, recent, pdfBytes);
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static Task Time(NpgsqlBinaryImporter w, DateTimeOffset t) => w.WriteAsync(t.UtcDateTime, NpgsqlDbType.TimestampTz);

    private static Task Text(NpgsqlBinaryImporter w, string? s) => s is null ? w.WriteNullAsync() : w.WriteAsync(s);

    private static Task Int(NpgsqlBinaryImporter w, int? i) => i is { } v ? w.WriteAsync(v) : w.WriteNullAsync();

    private static async Task<object?> Scalar(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    private sealed record MeetingRow(int Id, int Org, string Title, DateTimeOffset Start, DateTimeOffset End, MeetingState State, bool Public, DateTimeOffset Created, DateTimeOffset Modified);

    private sealed record ItemRow(int Meeting, int Id, string Number, string Title, string? Text, bool Public, DateTimeOffset Created, DateTimeOffset Modified);

    private sealed record FileRow(int Id, int Meeting, int? Item, string Title, string FileName, bool Public, int Variant, DateTimeOffset Created, DateTimeOffset Modified);

    private sealed record PaperRow(int Id, string Reference, string Name, string Type, DateOnly Date, int? Department, int? Amends, DateTimeOffset Created, DateTimeOffset Modified);

    private sealed record ConsultationRow(int Id, int Paper, int Position, int Org, DateOnly Date, string Role, bool Authoritative, int? Link, string? Result, DateOnly? ResultDate, DateTimeOffset Created, DateTimeOffset Modified);
}
