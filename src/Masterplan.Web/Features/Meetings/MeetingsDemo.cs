using Masterplan.Web.Data;
using Masterplan.Web.Features.Catalogue;
using Masterplan.Web.Features.Organizations;
using Masterplan.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Meetings;

/// <summary>Demo meetings (flagged <c>IsDemo</c>) on the demo seats of the organizations module.</summary>
internal static class MeetingsDemo
{
    /// <summary>A held plenary meeting with the whole chain, an upcoming one, and a Lenkungskreis meeting with the overview.</summary>
    public static async Task<bool> SeedAsync(AppDbContext db, TimeProvider time, CancellationToken ct)
    {
        if (await db.Meetings.AnyAsync(m => m.IsDemo, ct))
        {
            return false;
        }

        var plenary = await db.Organizations.SingleAsync(o => o.SeedKey == "org:vollversammlung", ct);
        var steering = await db.Organizations.SingleAsync(o => o.SeedKey == "org:lenkungskreis", ct);
        var now = time.GetUtcNow();
        // Meetings fall on working days: never on a Sunday, 25 December or another public holiday, whatever today is.
        DateTimeOffset At(int days, int hour) => CityTime.ToUtc(PublicHolidays.WorkingDayFrom(CityTime.Today(time).AddDays(days), forward: days >= 0), new TimeOnly(hour, 0));
        Meeting NewMeeting(Organization body, string title, int days, bool isPublic) => new()
        {
            Organization = body, Title = title, Start = At(days, 16), End = At(days, 18), Room = "Ratssaal", Address = "Friedensplatz 1, 44135 Dortmund",
            IsPublic = isPublic, State = days < 0 ? MeetingState.Held : MeetingState.Scheduled,
            CalendarUid = $"{Guid.NewGuid():N}@masterplan-sicherheit.dortmund.de", IsDemo = true,
        };
        AgendaItem Item(string number, string title, bool isPublic = true) =>
            new() { Number = number, SortKey = AgendaNumber.SortKey(number), Title = title, IsPublic = isPublic };

        var held = NewMeeting(plenary, "3. Sitzung der Vollversammlung", -60, true);
        held.AgendaItems.AddRange([Item("1", "Eröffnung und Feststellung der Beschlussfähigkeit"), Item("2", "Bericht aus den Arbeitsgruppen"),
            Item("2.1", "Sicherheit im Umfeld des Hauptbahnhofs"), Item("3", "Personalangelegenheiten", isPublic: false)]);
        var upcoming = NewMeeting(plenary, "4. Sitzung der Vollversammlung", 21, true);
        upcoming.AgendaItems.AddRange([Item("1", "Genehmigung der Niederschrift der 3. Sitzung"), Item("2", "Sachstand der Handlungsfelder")]);
        var lenkung = NewMeeting(steering, "Sitzung des Lenkungskreises", 10, false);
        var overview = Item("1", "Übersicht der Handlungsfelder mit Sachständen");
        overview.Links.Add(new AgendaLink { Kind = AgendaLinkKind.StatusOverview, Label = "Übersicht der Handlungsfelder mit Sachständen" });
        lenkung.AgendaItems.Add(overview);
        db.Meetings.AddRange(held, upcoming, lenkung);
        await db.SaveChangesAsync(ct);

        // Everybody came except the first member, who sent the deputy.
        var seats = await db.Memberships.Where(m => m.OrganizationId == plenary.Id && m.IsDemo).ToListAsync(ct);
        var holders = seats.Where(m => m.DeputyForId is null).ToList();
        db.Attendances.AddRange(holders.Skip(1).Select(m => new Attendance { MeetingId = held.Id, PersonId = m.PersonId, MembershipId = m.Id }));
        var deputy = seats.First(m => m.DeputyForId == holders[0].Id);
        db.Attendances.Add(new Attendance { MeetingId = held.Id, PersonId = deputy.PersonId, MembershipId = deputy.Id, RepresentsMembershipId = holders[0].Id });
        var station = held.AgendaItems.Single(i => i.Number == "2.1");
        var voting = holders.Count(m => m.VotingRight == VotingRight.Voting);
        db.Votes.Add(new Vote
        {
            AgendaItemId = station.Id, Subject = "Empfehlung zur Beleuchtung am Nordausgang", Yes = voting - 2, No = 1, Abstain = 1, VotingSeats = voting,
            VotingPresent = voting, QuorumReached = true, Adopted = true, RecordedAt = held.Start.AddHours(1),
            Resolution = "Die Vollversammlung empfiehlt dem Rat, die Beleuchtung am Nordausgang des Hauptbahnhofs zu verbessern.",
        });
        // Lighting belongs to "Gefahrenorte, Angsträume und Beleuchtung" (001 §II 1.2.3), not to video surveillance.
        var field = await db.FieldsOfAction.Where(f => f.SeedKey == "field:1.2.3").Select(f => (int?)f.Id).FirstOrDefaultAsync(ct);
        db.Recommendations.Add(new Recommendation
        {
            MeetingId = held.Id, AgendaItemId = station.Id, Title = "Beleuchtung am Nordausgang verbessern",
            Text = "Der Rat möge die Verwaltung beauftragen, die Beleuchtung am Nordausgang des Hauptbahnhofs zu verbessern.",
            AddresseeKind = AddresseeKind.Council, Status = RecommendationStatus.Transmitted,
            AdoptedOn = DateOnly.FromDateTime(held.Start.UtcDateTime), IsPublic = true,
            Fields = field is null ? [] : [new RecommendationField { FieldOfActionId = field.Value }],
            Updates = [new RecommendationUpdate
            {
                Date = DateOnly.FromDateTime(held.Start.UtcDateTime).AddDays(7), Status = RecommendationStatus.Transmitted,
                Note = "An das Ratsbüro übermittelt (Demo).", AuthorName = "Geschäftsstelle", RecordedAt = held.Start.AddDays(7),
            }],
        });
        await db.SaveChangesAsync(ct);
        return true;
    }
}
