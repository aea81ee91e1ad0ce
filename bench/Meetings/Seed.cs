using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Masterplan.Documents;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Accounts;
using Masterplan.Web.Features.Catalogue;
using Masterplan.Web.Features.Meetings;
using Masterplan.Web.Features.Organizations;
using Masterplan.Web.Features.Papers;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Masterplan.Bench.Meetings;

internal sealed record Seeded(
    int MeetingId, int OrganizationId, int Memberships, int Attendees, int Items, int PublicItems, int Links, int Documents,
    int PublicDocuments, long DocumentBytes, int Votes, int Recommendations, string MemberEmail, string OfficeEmail, string OfficeKey);

/// <summary>
/// The meeting of the meetings performance target (docs/domain.md#performance-targets), written through the app's AppDbContext (so the audit log is
/// written as for any change): one working group, one held public meeting with 40 agenda items (1, 1.1, 2 …,
/// every 5th non-public, about 30 links), 20 PDF documents (real, small, SHA-512), 60 attendees, a vote on every
/// 4th item, 6 recommendations, and minutes circulated in a second version with a note on every item.
/// Deterministic: the same data on every run and engine.
/// </summary>
internal static class Seed
{
    public const string Password = "korrekt pferd batterie heftklammer";

    private static readonly string[] Given =
    [
        "Anna", "Bernd", "Clara", "Dieter", "Eva", "Frank", "Gül", "Hakan", "Ingrid", "Jürgen", "Katarzyna", "Lars", "Mira", "Nils",
        "Olena", "Paul", "Rita", "Sven", "Tanja", "Uwe", "Vera", "Wolfgang", "Yasemin", "Zoran",
    ];

    private static readonly string[] Family =
    [
        "Arndt", "Brandt", "Çelik", "Dahl", "Ebert", "Fuchs", "Görgülü", "Hoffmann", "Işık", "Jansen", "Kowalski", "Lange", "Müller",
        "Nowak", "Öztürk", "Peters", "Quast", "Richter", "Schäfer", "Tkachenko", "Ulrich", "Vogel", "Weiß", "Yılmaz", "Zimmermann",
    ];

    private static readonly string[] Topics =
    [
        "Eröffnung und Feststellung der Beschlussfähigkeit", "Genehmigung der Tagesordnung", "Genehmigung der Niederschrift der 11. Sitzung",
        "Sachstand Videobeobachtung Brückstraße", "Ordnungspartnerschaft Nordstadt", "Beleuchtung von Angsträumen im Westpark",
        "Bericht der Polizei zur Lage am Hauptbahnhof", "Kommunaler Ordnungsdienst: Einsatzzeiten", "Präventionsangebote an Schulen",
        "Sicherheitsaudit Unterführung Mallinckrodtstraße", "Quartierslabor Hörde: Ergebnisse", "Haushaltsmittel 2027",
        "Sauberkeit und Vermüllung im Hafenquartier", "Fahrradkriminalität in der City", "Beteiligung von Jugendlichen",
        "Evaluation der Alkoholverbotszone", "Barrierefreie Notrufsäulen", "Verschiedenes",
    ];

    private const string Lorem =
        "Die Geschäftsstelle berichtet über den Stand der Umsetzung und die Rückmeldungen aus den Stadtbezirken. " +
        "Die Arbeitsgruppe erörtert die Vorschläge der Fachbereiche, die Kosten und den Zeitplan. " +
        "Offene Fragen zur Zuständigkeit zwischen Ordnungsamt, Polizei und Tiefbauamt werden bis zur nächsten Sitzung geklärt.";

    public static async Task<Seeded> RunAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var german = CultureInfo.GetCultureInfo("de-DE");

        // --- the working group: 54 voting seats, 6 deputies, 6 advisory members --------------------------------------
        var parent = await db.Organizations.FirstAsync(o => o.Kind == OrganizationKind.PlenaryAssembly);
        var behalf = await db.Organizations.Where(o => o.Kind == OrganizationKind.Institution || o.Kind == OrganizationKind.Fraction)
            .OrderBy(o => o.Id).Take(12).ToListAsync();
        var body = new Organization
        {
            Name = "AG Sicherheit im Quartier", ShortName = "AG SiQ", Kind = OrganizationKind.WorkingGroup, ParentId = parent.Id,
            StartDate = new DateOnly(2026, 1, 1), Purpose = "Benchmark-Gremium (bench/Meetings)",
        };
        db.Organizations.Add(body);
        var holders = new List<Membership>();
        var all = new List<Membership>();
        Membership Seat(int n, VotingRight right, Membership? deputyFor, string role = "Mitglied")
        {
            var m = new Membership
            {
                Person = new Person
                {
                    Title = n % 11 == 0 ? "Dr." : null, GivenName = Given[n % Given.Length], FamilyName = Family[(n * 7) % Family.Length] + (n >= Family.Length ? $"-{n}" : ""),
                    Email = $"person{n}@example.org", PublicConsent = n % 3 != 0,
                },
                Organization = body, VotingRight = right, Role = role, DeputyFor = deputyFor, StartDate = new DateOnly(2026, 1, 1),
                OnBehalfOf = behalf.Count == 0 ? null : behalf[n % behalf.Count],
            };
            all.Add(m);
            return m;
        }

        for (var n = 0; n < 54; n++)
        {
            holders.Add(Seat(n, VotingRight.Voting, null, n == 0 ? "Vorsitz" : n == 1 ? "stellv. Vorsitz" : "Mitglied"));
        }

        var deputies = Enumerable.Range(0, 6).Select(k => Seat(54 + k, VotingRight.Voting, holders[2 + k])).ToList();
        var advisory = Enumerable.Range(0, 6).Select(k => Seat(60 + k, VotingRight.Advisory, null)).ToList();
        db.Memberships.AddRange(all);
        await db.SaveChangesAsync();

        // --- the meeting (held on 18.11.2026, public) ---------------------------------------------------------------------
        var start = new DateTimeOffset(2026, 11, 18, 16, 0, 0, TimeSpan.Zero); // 17:00 in Dortmund
        var meeting = new Meeting
        {
            Organization = body, Title = "12. Sitzung der AG Sicherheit im Quartier", Start = start, End = start.AddHours(3),
            Room = "Ratssaal", Address = "Friedensplatz 1, 44135 Dortmund", State = MeetingState.Held, IsPublic = true,
            CalendarUid = "bench-meeting-12@masterplan.dortmund.de", CalendarSequence = 1, InvitedAt = start.AddDays(-14),
        };
        db.Meetings.Add(meeting);

        // Agenda: 1, 1.1, 2, 2.1, 2.2, 3, … until 40 items; every 5th non-public.
        var numbers = new List<string>();
        for (var top = 1; numbers.Count < 40; top++)
        {
            numbers.Add(top.ToString(CultureInfo.InvariantCulture));
            for (var sub = 1; sub <= top % 3 && numbers.Count < 40; sub++)
            {
                numbers.Add($"{top}.{sub}");
            }
        }

        var fields = await db.FieldsOfAction.OrderBy(f => f.Id).Select(f => new { f.Id, f.Title }).Take(30).ToListAsync();
        var papers = await db.Papers.OrderBy(p => p.Id).Select(p => new { p.Id, p.Reference, p.Name }).Take(10).ToListAsync();
        var items = new List<AgendaItem>();
        for (var i = 0; i < numbers.Count; i++)
        {
            var item = new AgendaItem
            {
                Meeting = meeting, Number = numbers[i], SortKey = AgendaNumber.SortKey(numbers[i]),
                Title = Topics[i % Topics.Length] + (i >= Topics.Length ? $" (Fortsetzung {i / Topics.Length})" : ""),
                Text = i % 4 == 0 ? null : Lorem, IsPublic = i % 5 != 4,
            };
            if (i % 2 == 0 && fields.Count > 0)
            {
                var f = fields[i % fields.Count];
                item.Links.Add(new AgendaLink { Kind = AgendaLinkKind.FieldOfAction, TargetId = f.Id, Label = f.Title });
            }

            if (i % 3 == 1 && papers.Count > 0)
            {
                var p = papers[i % papers.Count];
                item.Links.Add(new AgendaLink { Kind = AgendaLinkKind.Paper, TargetId = p.Id, Label = $"{p.Reference} {p.Name}".Trim() });
            }

            if (i % 10 == 3)
            {
                item.Links.Add(new AgendaLink { Kind = AgendaLinkKind.StatusOverview, Label = "Sachstandsübersicht Handlungsfelder, Stand 11/2026" });
            }

            items.Add(item);
        }

        db.AgendaItems.AddRange(items);
        await db.SaveChangesAsync();

        // --- 20 documents: real (small) tagged PDFs; 12 on agenda items, 8 general; every 5th non-public -------------------
        var documents = new List<MeetingDocument>();
        for (var j = 0; j < 20; j++)
        {
            var title = $"Anlage {j + 1}: {Topics[(j + 3) % Topics.Length]}";
            var pdf = PdfRenderer.Render(new Document(title, [new Heading(1, title), new Paragraph(Lorem), new Paragraph(Lorem)]) { Author = "Geschäftsstelle" });
            documents.Add(new MeetingDocument
            {
                MeetingId = meeting.Id, AgendaItemId = j < 12 ? items[j * 3].Id : null, Title = title, FileName = $"anlage-{j + 1:00}.pdf",
                MediaType = "application/pdf", Size = pdf.Length, Sha512 = Convert.ToHexStringLower(SHA512.HashData(pdf)),
                IsPublic = j % 5 != 2, Kind = MeetingDocumentKind.Attachment, UploadedAt = start.AddDays(-10 + (j % 5)), UploadedBy = "Geschäftsstelle",
                Content = new DocumentContent { Data = pdf },
            });
        }

        db.MeetingDocuments.AddRange(documents);

        // --- attendance: 48 seat holders, 6 deputies for the 6 absent holders, 6 advisory members = 60 -------------------
        var absent = deputies.Select(d => d.DeputyFor!).ToHashSet();
        var attendances = holders.Where(h => !absent.Contains(h)).Select(h => new Attendance { MeetingId = meeting.Id, PersonId = h.PersonId, MembershipId = h.Id })
            .Concat(deputies.Select(d => new Attendance { MeetingId = meeting.Id, PersonId = d.PersonId, MembershipId = d.Id, RepresentsMembershipId = d.DeputyForId }))
            .Concat(advisory.Select(a => new Attendance { MeetingId = meeting.Id, PersonId = a.PersonId, MembershipId = a.Id }))
            .ToList();
        db.Attendances.AddRange(attendances);

        // --- a vote on every 4th item (one of them roll-call), recommendations ------------------------------------------
        var votes = new List<Vote>();
        for (var i = 3; i < items.Count; i += 4)
        {
            var yes = 30 + (i % 11);
            var no = 54 - yes - (i % 5);
            var vote = new Vote
            {
                AgendaItemId = items[i].Id, Subject = $"Beschlussvorschlag zu TOP {items[i].Number}", Yes = yes, No = no, Abstain = 54 - yes - no,
                VotingSeats = 54, VotingPresent = 54, QuorumReached = true, Adopted = yes > no, RecordedAt = start.AddMinutes(4 * i),
                Resolution = $"Die Arbeitsgruppe empfiehlt, den Vorschlag zu TOP {items[i].Number} wie vorgelegt umzusetzen und im nächsten Quartal zu berichten.",
                IsRollCall = i == 3,
            };
            if (vote.IsRollCall)
            {
                var voters = holders.Select(h => absent.Contains(h) ? (Seat: h, Person: deputies.Single(d => d.DeputyFor == h).PersonId) : (Seat: h, Person: h.PersonId)).ToList();
                vote.RollCall.AddRange(voters.Select((v, k) => new RollCallVote
                {
                    MembershipId = v.Seat.Id, PersonId = v.Person, Choice = k < vote.Yes ? VoteChoice.Yes : k < vote.Yes + vote.No ? VoteChoice.No : VoteChoice.Abstain,
                }));
            }

            votes.Add(vote);
        }

        db.Votes.AddRange(votes);
        var kinds = Enum.GetValues<AddresseeKind>();
        var recommendations = Enumerable.Range(0, 6).Select(k => new Recommendation
        {
            MeetingId = meeting.Id, AgendaItemId = k < 4 ? votes[k].AgendaItemId : null, Title = $"Empfehlung {k + 1}: {Topics[(k * 2 + 3) % Topics.Length]}",
            Text = "Die Arbeitsgruppe empfiehlt, die Maßnahme mit den beteiligten Stellen abzustimmen und über die Umsetzung zu berichten. " + Lorem,
            AddresseeKind = kinds[k % kinds.Length], Status = k % 3 == 0 ? RecommendationStatus.Transmitted : RecommendationStatus.Open,
            AdoptedOn = new DateOnly(2026, 11, 18), IsPublic = k != 5,
            Fields = fields.Skip(k * 2).Take(2).Select(f => new RecommendationField { FieldOfActionId = f.Id }).ToList(),
            Updates = k % 3 == 0
                ? [new RecommendationUpdate { Date = new DateOnly(2026, 11, 20), Status = RecommendationStatus.Transmitted, Note = "An den Adressaten übermittelt.", AuthorName = "Geschäftsstelle", RecordedAt = start.AddDays(2) }]
                : [],
        }).ToList();
        db.Recommendations.AddRange(recommendations);

        // --- minutes: version 2 circulated for comments until 10.12.2026, a note on every item ----------------------------
        string Notes(int version) => JsonSerializer.Serialize(items.ToDictionary(
            i => i.Id, i => $"Fassung {version}. {Lorem}\n\nErgebnis zu TOP {i.Number}: Die Arbeitsgruppe nimmt den Bericht zur Kenntnis."));
        db.Minutes.Add(new Minutes
        {
            MeetingId = meeting.Id, State = MinutesState.Circulated, CommentDeadline = new DateOnly(2026, 12, 10), CirculatedAt = start.AddDays(2),
            Versions =
            [
                new MinutesVersion { Number = 1, Introduction = "Entwurf.", ItemNotes = Notes(1), CreatedAt = start.AddDays(1), AuthorName = "Geschäftsstelle" },
                new MinutesVersion
                {
                    Number = 2, ItemNotes = Notes(2), CreatedAt = start.AddDays(2), AuthorName = "Geschäftsstelle",
                    Introduction = $"Die Vorsitzende eröffnet die Sitzung am {start.ToOffset(TimeSpan.FromHours(1)).ToString("dd.MM.yyyy 'um' HH:mm 'Uhr'", german)} und stellt die Beschlussfähigkeit fest.",
                },
            ],
        });
        await db.SaveChangesAsync();

        // --- accounts: a member of the group (no second factor needed) and an Office user with an authenticator ------------
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var member = new AppUser
        {
            UserName = "mitglied.bench@stadtdo.de", Email = "mitglied.bench@stadtdo.de", EmailConfirmed = true, DisplayName = "Mitglied Bench",
            PersonId = holders[10].PersonId, CreatedAt = DateTimeOffset.UtcNow,
        };
        Check(await users.CreateAsync(member, Password));
        var office = new AppUser { UserName = "office.bench@stadtdo.de", Email = "office.bench@stadtdo.de", EmailConfirmed = true, DisplayName = "Geschäftsstelle Bench", CreatedAt = DateTimeOffset.UtcNow };
        Check(await users.CreateAsync(office, Password));
        Check(await users.AddToRoleAsync(office, Roles.Office));
        await users.ResetAuthenticatorKeyAsync(office);
        Check(await users.SetTwoFactorEnabledAsync(office, true));
        var key = (await users.GetAuthenticatorKeyAsync(office))!;

        return new Seeded(
            meeting.Id, body.Id, all.Count, attendances.Count, items.Count, items.Count(i => i.IsPublic), items.Sum(i => i.Links.Count),
            documents.Count, documents.Count(d => d.IsPublic), documents.Sum(d => d.Size), votes.Count, recommendations.Count,
            member.Email, office.Email, key);
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
