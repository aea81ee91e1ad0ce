using Masterplan.Web.Features.Organizations;
using Microsoft.EntityFrameworkCore;
using Masterplan.Web.Shared;

namespace Masterplan.Web.Data;

/// <summary>
/// Demo persons and memberships for trying the platform out (<c>--demo</c> / <c>Seed:Demo</c>).
/// Every row is flagged <c>IsDemo</c> and shown with a "Demo" mark; names are invented.
/// </summary>
public sealed class DemoDataSeeder(AppDbContext db, Composition composition, TimeProvider time)
{
    private static readonly string[] GivenNames = ["Anna", "Ben", "Cem", "Dana", "Emil", "Fatma", "Gregor", "Hanna", "Ilias", "Jana", "Kai", "Lea", "Mehmet", "Nina", "Ole", "Paula", "Rafael", "Sara", "Tim", "Vera", "Yusuf", "Zoe"];
    private static readonly string[] FamilyNames = ["Becker", "Demir", "Fischer", "Hoffmann", "Kaya", "Klein", "Krüger", "Lange", "Meyer", "Nowak", "Özdemir", "Richter", "Schmidt", "Schulz", "Wagner", "Weber", "Wolf", "Yilmaz", "Zimmermann", "Braun", "Koch", "Bauer"];

    public async Task<bool> SeedAsync(CancellationToken ct = default)
    {
        if (await db.Persons.AnyAsync(p => p.IsDemo, ct))
        {
            return false;
        }

        var orgs = await db.Organizations.Where(o => o.SeedKey != null).ToDictionaryAsync(o => o.SeedKey!, ct);
        var plenary = orgs["org:vollversammlung"];
        var start = new DateOnly(2024, 3, 1);
        var n = 0;
        Person NewPerson()
        {
            var i = n++;
            return new Person
            {
                GivenName = GivenNames[i % GivenNames.Length],
                FamilyName = FamilyNames[(i + (i / GivenNames.Length)) % FamilyNames.Length], // distinct pairs for up to 22² persons
                PublicConsent = i % 4 != 3, // some demo persons did not consent, to show how the public pages hide them
                IsDemo = true,
            };
        }
        // Every seat with its deputy (004 §3: every member may be represented).
        void Seat(Organization body, Organization onBehalfOf, VotingRight right, string role = "Mitglied")
        {
            var from = onBehalfOf.StartDate > start ? onBehalfOf.StartDate.Value : start; // a fraction of the new council sits from its start
            var member = new Membership
            {
                Person = NewPerson(), Organization = body, OnBehalfOf = onBehalfOf, VotingRight = right, Role = role, StartDate = from, IsDemo = true,
            };
            db.Memberships.Add(member);
            db.Memberships.Add(new Membership
            {
                Person = NewPerson(), Organization = body, OnBehalfOf = onBehalfOf, VotingRight = right, Role = "Vertretung",
                DeputyFor = member, StartDate = from, IsDemo = true,
            });
        }

        Seat(plenary, orgs["org:dez-recht"], VotingRight.Voting, "Vorsitz"); // 004 §3: the Rechtsdezernent/in chairs
        Seat(plenary, orgs["org:dez-soziales"], VotingRight.Voting);
        foreach (var key in Composition.VotingInstitutions)
        {
            Seat(plenary, orgs[key], VotingRight.Voting);
        }

        var today = Masterplan.Web.Shared.CityTime.Today(time);
        foreach (var fraction in (await composition.AllocateAsync(today, [], ct)).Fractions)
        {
            for (var i = 0; i < fraction.Seats; i++)
            {
                Seat(plenary, await db.Organizations.SingleAsync(o => o.Id == fraction.OrganizationId, ct), VotingRight.Voting);
            }
        }

        foreach (var key in Composition.AdvisoryInstitutions)
        {
            Seat(plenary, orgs[key], VotingRight.Advisory, key == "org:ordnungsamt" ? "Geschäftsführung" : "Mitglied"); // 004 §3: managing office
        }

        var steering = orgs["org:lenkungskreis"];
        Seat(steering, orgs["org:dez-recht"], VotingRight.Voting, "Vorsitz");
        Seat(steering, orgs["org:dez-soziales"], VotingRight.Voting);
        Seat(steering, orgs["org:ordnungsamt"], VotingRight.Voting, "Geschäftsführung");

        await db.SaveChangesAsync(ct);
        await SeedMeetingsAsync(plenary, steering, ct);
        await SeedMeasuresAsync(ct);
        await Features.Labs.LabDemo.SeedAsync(db, time, ct);
        return true;
    }

    /// <summary>A held plenary meeting with the whole chain, an upcoming one, and a Lenkungskreis meeting with the overview.</summary>
    private async Task SeedMeetingsAsync(Organization plenary, Organization steering, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        DateTimeOffset At(int days, int hour) => CityTime.ToUtc(DateOnly.FromDateTime(now.UtcDateTime).AddDays(days), new TimeOnly(hour, 0));
        Features.Meetings.Meeting NewMeeting(Organization body, string title, int days, bool isPublic) => new()
        {
            Organization = body, Title = title, Start = At(days, 16), End = At(days, 18), Room = "Ratssaal", Address = "Friedensplatz 1, 44135 Dortmund",
            IsPublic = isPublic, State = days < 0 ? Features.Meetings.MeetingState.Held : Features.Meetings.MeetingState.Scheduled,
            CalendarUid = $"{Guid.NewGuid():N}@masterplan-sicherheit.dortmund.de", IsDemo = true,
        };
        Features.Meetings.AgendaItem Item(string number, string title, bool isPublic = true) =>
            new() { Number = number, SortKey = Features.Meetings.AgendaNumber.SortKey(number), Title = title, IsPublic = isPublic };

        var held = NewMeeting(plenary, "3. Sitzung der Vollversammlung", -60, true);
        held.AgendaItems.AddRange([Item("1", "Eröffnung und Feststellung der Beschlussfähigkeit"), Item("2", "Bericht aus den Arbeitsgruppen"),
            Item("2.1", "Sicherheit im Umfeld des Hauptbahnhofs"), Item("3", "Personalangelegenheiten", isPublic: false)]);
        var upcoming = NewMeeting(plenary, "4. Sitzung der Vollversammlung", 21, true);
        upcoming.AgendaItems.AddRange([Item("1", "Genehmigung der Niederschrift der 3. Sitzung"), Item("2", "Sachstand der Handlungsfelder")]);
        var lenkung = NewMeeting(steering, "Sitzung des Lenkungskreises", 10, false);
        var overview = Item("1", "Übersicht der Handlungsfelder mit Sachständen");
        overview.Links.Add(new Features.Meetings.AgendaLink { Kind = Features.Meetings.AgendaLinkKind.StatusOverview, Label = "Übersicht der Handlungsfelder mit Sachständen (001 §I)" });
        lenkung.AgendaItems.Add(overview);
        db.Meetings.AddRange(held, upcoming, lenkung);
        await db.SaveChangesAsync(ct);

        // Everybody came except the first member, who sent the deputy.
        var seats = await db.Memberships.Where(m => m.OrganizationId == plenary.Id && m.IsDemo).ToListAsync(ct);
        var holders = seats.Where(m => m.DeputyForId is null).ToList();
        db.Attendances.AddRange(holders.Skip(1).Select(m => new Features.Meetings.Attendance { MeetingId = held.Id, PersonId = m.PersonId, MembershipId = m.Id }));
        var deputy = seats.First(m => m.DeputyForId == holders[0].Id);
        db.Attendances.Add(new Features.Meetings.Attendance { MeetingId = held.Id, PersonId = deputy.PersonId, MembershipId = deputy.Id, RepresentsMembershipId = holders[0].Id });
        var station = held.AgendaItems.Single(i => i.Number == "2.1");
        var voting = holders.Count(m => m.VotingRight == VotingRight.Voting);
        db.Votes.Add(new Features.Meetings.Vote
        {
            AgendaItemId = station.Id, Subject = "Empfehlung zur Beleuchtung am Nordausgang", Yes = voting - 2, No = 1, Abstain = 1, VotingSeats = voting,
            VotingPresent = voting, QuorumReached = true, Adopted = true, RecordedAt = held.Start.AddHours(1),
            Resolution = "Die Vollversammlung empfiehlt dem Rat, die Beleuchtung am Nordausgang des Hauptbahnhofs zu verbessern.",
        });
        var field = await db.FieldsOfAction.Where(f => f.Title.StartsWith("Videoüberwachung")).Select(f => (int?)f.Id).FirstOrDefaultAsync(ct);
        db.Recommendations.Add(new Features.Meetings.Recommendation
        {
            MeetingId = held.Id, AgendaItemId = station.Id, Title = "Beleuchtung am Nordausgang verbessern",
            Text = "Der Rat möge die Verwaltung beauftragen, die Beleuchtung am Nordausgang des Hauptbahnhofs zu verbessern.",
            AddresseeKind = Features.Meetings.AddresseeKind.Council, Status = Features.Meetings.RecommendationStatus.Transmitted,
            AdoptedOn = DateOnly.FromDateTime(held.Start.UtcDateTime), IsPublic = true,
            Fields = field is null ? [] : [new Features.Meetings.RecommendationField { FieldOfActionId = field.Value }],
            Updates = [new Features.Meetings.RecommendationUpdate
            {
                Date = DateOnly.FromDateTime(held.Start.UtcDateTime).AddDays(7), Status = Features.Meetings.RecommendationStatus.Transmitted,
                Note = "An das Ratsbüro übermittelt (Demo).", AuthorName = "Geschäftsstelle", RecordedAt = held.Start.AddDays(7),
            }],
        });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A few measures with status updates so that the catalogue shows progress (docs/domain.md#measures).</summary>
    private async Task SeedMeasuresAsync(CancellationToken ct)
    {
        var fields = await db.FieldsOfAction.Where(f => f.SeedKey != null).ToDictionaryAsync(f => f.SeedKey!, f => f.Id, ct);
        var districts = await db.Districts.Where(d => d.SeedKey != null).ToDictionaryAsync(d => d.SeedKey!, d => d.Id, ct);
        var unit = await db.Organizations.Where(o => o.Kind == OrganizationKind.Department).OrderBy(o => o.Name).Select(o => o.Id).FirstAsync(ct);
        var now = time.GetUtcNow();
        Features.Catalogue.Measure Measure(string field, string title, Features.Catalogue.MeasureStatus status, int progress, string district, decimal? budget) => new()
        {
            FieldOfActionId = fields.GetValueOrDefault(field, fields.Values.Min()), Title = title, Status = status, Progress = progress,
            Description = "Beispiel zum Ausprobieren (Demo).", PlannedBudget = budget, SpentBudget = budget / 2, StartDate = new DateOnly(2025, 1, 1),
            EndDate = new DateOnly(2027, 12, 31), SourceKind = Features.Catalogue.CatalogueSourceKind.MeetingDecision, SourceText = "Vollversammlung (Demo)",
            IsPublic = true, IsDemo = true, UpdatedAt = now, UpdatedBy = "Geschäftsstelle",
            Districts = districts.TryGetValue(district, out var d) ? [new Features.Catalogue.MeasureDistrict { DistrictId = d }] : [],
            Units = [new Features.Catalogue.MeasureUnit { OrganizationId = unit }],
        };

        var light = Measure("field:2.5", "Beleuchtung am Nordausgang des Hauptbahnhofs", Features.Catalogue.MeasureStatus.InProgress, 60, "district:innenstadt-nord", 120_000m);
        light.Updates.Add(new Features.Catalogue.MeasureStatusUpdate
        {
            Date = new DateOnly(2025, 6, 1), Text = "Leuchten bestellt (Demo).", NewStatus = Features.Catalogue.MeasureStatus.InProgress, NewProgress = 60,
            AuthorName = "Geschäftsstelle", RecordedAt = now,
        });
        db.Measures.AddRange(
            light,
            Measure("field:2.6", "Fortbildung zu Extremismus für Fachkräfte", Features.Catalogue.MeasureStatus.Implemented, 100, "district:eving", 15_000m),
            Measure("field:1", "Nachbarschaftsstreifen im Quartier", Features.Catalogue.MeasureStatus.Decided, 10, "district:hoerde", null));
        light.Milestones.Add(new Features.Catalogue.Milestone { Title = "Leuchten bestellt (Demo)", DueDate = new DateOnly(2025, 6, 30), DoneDate = new DateOnly(2025, 6, 1) });
        light.Milestones.Add(new Features.Catalogue.Milestone { Title = "Leuchten montiert (Demo)", DueDate = new DateOnly(2026, 10, 31) });
        await db.SaveChangesAsync(ct);

        // An indicator with two years of monthly values, so that charts and the status rule can be tried out.
        var values = Enumerable.Range(0, 24).Select(i => new Features.Catalogue.IndicatorValue
        {
            Date = new DateOnly(2024, 10, 1).AddMonths(i), Value = 38m + (i * 0.4m) + ((i % 3) - 1), Note = i == 0 ? "Erste Befragung (Demo)" : null, RecordedAt = now,
        }).ToList();
        db.Indicators.Add(new Features.Catalogue.Indicator
        {
            FieldOfActionId = light.FieldOfActionId, MeasureId = light.Id, Name = "Sicherheitsgefühl am Hauptbahnhof nach Einbruch der Dunkelheit (Demo)", Unit = "%",
            Definition = "Anteil der Befragten, die sich dort nachts „eher sicher“ oder „sehr sicher“ fühlen (Beispieldaten).", DataSource = "Kurzbefragung (Demo)",
            BaselineValue = 38, BaselineDate = new DateOnly(2024, 10, 1), TargetValue = 55, TargetDate = new DateOnly(2027, 12, 31),
            Direction = Features.Catalogue.IndicatorDirection.HigherIsBetter, IsPublic = true, IsDemo = true, UpdatedAt = now, UpdatedBy = "Geschäftsstelle", Values = values,
        });
        await db.SaveChangesAsync(ct);
    }
}
