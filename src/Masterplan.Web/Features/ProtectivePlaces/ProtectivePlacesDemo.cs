using Masterplan.Web.Data;
using Masterplan.Web.Features.Districts;
using Masterplan.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.ProtectivePlaces;

/// <summary>A handful of demo places, marked Demo: the Guides' base open at night, a police station, a counselling service, a venue and a Christmas-market help point.</summary>
internal static class ProtectivePlacesDemo
{
    public static async Task<bool> SeedAsync(AppDbContext db, TimeProvider time, CancellationToken ct)
    {
        if (await db.ProtectivePlaces.AnyAsync(p => p.IsDemo, ct))
        {
            return false;
        }

        var districts = await db.Districts.AsNoTracking().ToDictionaryAsync(d => d.Name, d => d.Id, ct);
        if (districts.Count == 0)
        {
            return false;
        }

        var today = CityTime.Today(time);
        var market = new PlaceEvent
        {
            Name = "Dortmunder Weihnachtsmarkt (Demo)", IsDemo = true,
            Starts = CityTime.ToUtc(new DateOnly(today.Year, 11, 20), new TimeOnly(11, 0)), Ends = CityTime.ToUtc(new DateOnly(today.Year, 12, 30), new TimeOnly(21, 0)),
        };
        db.PlaceEvents.Add(market);
        await db.SaveChangesAsync(ct);
        static List<OpeningRule> Days(IEnumerable<DayOfWeek> days, int from, int to, bool nextDay = false) =>
            [.. days.Select(d => new OpeningRule { Day = d, Opens = new TimeOnly(from, 0), Closes = new TimeOnly(to, 0), NextDay = nextDay })];
        DayOfWeek[] weekdays = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];
        var places = new[]
        {
            new ProtectivePlace
            {
                Name = "Anlaufstelle der Dortmund Guides (Demo)", Kind = ProtectivePlacesModule.GuidesBase, Address = "Kampstraße 47, 44137 Dortmund",
                Latitude = 51.51520, Longitude = 7.46290, DistrictId = districts.GetValueOrDefault("Innenstadt-West"), Phone = "0231 50-12345",
                Help = "Die Dortmund Guides geben Auskunft, begleiten Sie ein Stück und helfen, wenn Sie sich unsicher fühlen. Freitag- und Samstagnacht ist die Anlaufstelle ein Schutzraum: Sie können hier warten, telefonieren und Ihr Handy laden.",
                HelpEnglish = "The Dortmund Guides give directions, walk with you for a while and help if you feel unsafe. On Friday and Saturday nights the base is a safe space: you can wait here, make a call and charge your phone.",
                HelpEasy = "Hier arbeiten die Dortmund Guides. Sie helfen Ihnen. In der Nacht von Freitag auf Samstag und von Samstag auf Sonntag ist hier offen. Sie können hier warten. Hier sind Sie sicher.",
                StepFree = true, AccessibleToilet = true, QuietRoom = true, Languages = "Deutsch, Englisch, Türkisch, Arabisch", IsPublic = true, IsDemo = true,
                Rules = [.. Days(weekdays, 10, 18), .. Days([DayOfWeek.Friday, DayOfWeek.Saturday], 22, 4, nextDay: true)],
                Exceptions = [new OpeningException { Date = new DateOnly(today.Year, 12, 25), Closed = true, Note = "Feiertag" }],
            },
            new ProtectivePlace
            {
                Name = "Polizeiwache Innenstadt (Demo)", Kind = ProtectivePlacesModule.Police, Address = "Hohe Straße 2, 44139 Dortmund",
                Latitude = 51.50870, Longitude = 7.46010, DistrictId = districts.GetValueOrDefault("Innenstadt-West"), Phone = "0231 132-0",
                Help = "Die Polizei ist rund um die Uhr da. Im Notfall rufen Sie 110.", HelpEnglish = "The police are there around the clock. In an emergency call 110.",
                HelpEasy = "Hier ist die Polizei. Die Polizei ist immer da. Tag und Nacht. Im Notfall: Rufen Sie 110.",
                StepFree = true, Languages = "Deutsch, Englisch", IsPublic = true, IsDemo = true,
                Rules = [.. OpeningHours.Week.Select(d => new OpeningRule { Day = d, Opens = new TimeOnly(0, 0), Closes = new TimeOnly(0, 0), NextDay = true })],
            },
            new ProtectivePlace
            {
                Name = "Frauenberatungsstelle Nordstadt (Demo)", Kind = ProtectivePlacesModule.Counselling, Address = "Mallinckrodtstraße 60, 44145 Dortmund",
                Latitude = 51.52300, Longitude = 7.46700, DistrictId = districts.GetValueOrDefault("Innenstadt-Nord"), Phone = "0231 52 10 08",
                Help = "Beratung nach Gewalt, Belästigung oder Bedrohung: vertraulich, kostenlos, auf Wunsch ohne Namen.",
                HelpEnglish = "Counselling after violence, harassment or threats: confidential, free of charge, anonymous if you wish.",
                StepFree = false, QuietRoom = true, Languages = "Deutsch, Englisch, Polnisch", IsPublic = true, IsDemo = true,
                Rules = Days(weekdays, 9, 16),
            },
            new ProtectivePlace
            {
                Name = "Kulturkneipe am Hafen (Demo)", Kind = ProtectivePlacesModule.VenueKind, Address = "Speicherstraße 15, 44147 Dortmund",
                Latitude = 51.52600, Longitude = 7.44700, DistrictId = districts.GetValueOrDefault("Innenstadt-Nord"),
                Help = "Fragen Sie an der Bar nach „Luisa“. Das Team hilft Ihnen diskret: ein ruhiger Ort, ein Taxi oder, wenn nötig, die Polizei.",
                HelpEnglish = "Ask at the bar for “Luisa”. The team helps you discreetly: a quiet place, a taxi or, if needed, the police.",
                HelpEasy = "Sie fühlen sich nicht sicher? Fragen Sie an der Bar nach Luisa. Die Mitarbeiter helfen Ihnen.",
                IsPublic = true, IsDemo = true,
                Rules = [.. Days([DayOfWeek.Wednesday, DayOfWeek.Thursday], 18, 1, nextDay: true), .. Days([DayOfWeek.Friday, DayOfWeek.Saturday], 18, 3, nextDay: true)],
            },
            new ProtectivePlace
            {
                Name = "Anlaufstelle Weihnachtsmarkt am Hansaplatz (Demo)", Kind = ProtectivePlacesModule.EventHelpPoint, Address = "Hansaplatz, 44137 Dortmund",
                Latitude = 51.51310, Longitude = 7.46440, DistrictId = districts.GetValueOrDefault("Innenstadt-West"), EventId = market.Id,
                Help = "Während des Weihnachtsmarkts: Beratungsstellen und Polizei gemeinsam, ein warmer Schutzraum, Hilfe beim Suchen verlorener Kinder und Begleitpersonen.",
                HelpEnglish = "During the Christmas market: counselling services and the police together, a warm safe space, help finding lost children and companions.",
                StepFree = true, AccessibleToilet = true, Languages = "Deutsch, Englisch", IsPublic = true, IsDemo = true,
                Rules = [.. OpeningHours.Week.Select(d => new OpeningRule { Day = d, Opens = new TimeOnly(11, 0), Closes = new TimeOnly(21, 0) })],
            },
        };
        db.ProtectivePlaces.AddRange(places);
        await db.SaveChangesAsync(ct);
        return true;
    }
}
