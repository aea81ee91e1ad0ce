using System.Globalization;
using System.Text;
using Masterplan.Algorithms.Invitations;
using Masterplan.Algorithms.LabRotation;
using Masterplan.Web.Data;
using Masterplan.Web.Shared;
using Microsoft.EntityFrameworkCore;
using Masterplan.Web.Features.Labs.Manage;

namespace Masterplan.Web.Features.Labs;

/// <summary>
/// A reported demo lab of the last quarter with both draws, results and places, made through the same code as
/// the Office's pages (invented residents; the register extract is already deleted as the job would do).
/// </summary>
internal static class LabDemo
{
    private static readonly string[] GivenNames = ["Anna", "Ben", "Cem", "Dana", "Emil", "Fatma", "Gregor", "Hanna", "Ilias", "Jana"];
    private static readonly string[] FamilyNames = ["Becker", "Demir", "Fischer", "Kaya", "Lange", "Nowak", "Özdemir", "Richter", "Wolf", "Yilmaz"];

    public static async Task<bool> SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<AppDbContext>();
        var time = services.GetRequiredService<TimeProvider>();
        var today = CityTime.Today(time);
        var quarter = Quarter.Of(today).AddQuarters(-1);
        if (await db.Labs.AnyAsync(ct))
        {
            return false;
        }

        var lab = new NeighbourhoodLab
        {
            Title = "Quartierslabor Innenstadt-Nord (Demo)", District = "Innenstadt-Nord", Year = quarter.Year, Quarter = quarter.Number, State = LabState.ConceptApproved,
            PlanBasis = "Festlegung: Demo", OverrideReason = "Beispiel zum Ausprobieren (Demo).",
            ConceptPolitics = "Die Bezirksvertretung Innenstadt-Nord wird vorab informiert; ihre Mitglieder beobachten das Labor (Demo).",
            ConceptDigitalInput = "Vier Wochen Online-Beteiligung vor dem Labor; alle Beiträge werden veröffentlicht und im Labor ausgewertet (Demo).",
            ConceptParticipation = "Quartiersmanagement Nordstadt, Jugendring und die Sozialarbeit am Nordmarkt laden mit ein (Demo).",
            ConceptApprovedOn = quarter.FirstDay.AddDays(-30), ConceptApprovedBy = "Bezirksvertretung Innenstadt-Nord",
            Categories = "Bildungsabschluss: ohne Abschluss, Hauptschule, Realschule, Abitur, Hochschule", CreatedAt = time.GetUtcNow(),
        };
        db.Labs.Add(lab);
        await db.SaveChangesAsync(ct);

        var csv = new StringBuilder("name;anschrift;geburtsjahr;geschlecht;stadtbezirk\n");
        for (var i = 0; i < 400; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{GivenNames[i % 10]} {FamilyNames[i / 10 % 10]} {i};Musterstraße {i + 1}, 44147 Dortmund;{today.Year - 18 - (i * 37 % 70)};{(i % 3 == 0 ? "m" : i % 3 == 1 ? "w" : i % 29 == 0 ? "d" : "m")};Innenstadt-Nord\n");
        }

        // One timeline, in order: concept, register extract, invitees, letters, registrations, panel, the lab on a working
        // day, the report. Stored times the services set to "now" are moved back onto it.
        var heldOn = PublicHolidays.WorkingDayFrom(quarter.FirstDay.AddDays(40));
        DateTimeOffset Before(int days) => CityTime.ToUtc(heldOn.AddDays(-days), new TimeOnly(10, 0));
        var referenceDate = quarter.FirstDay.AddDays(-20);
        await services.GetRequiredService<RegisterImport>().ImportAsync(lab.Id, new MemoryStream(Encoding.UTF8.GetBytes(csv.ToString())), "demo.csv", referenceDate, ct);
        await services.GetRequiredService<InviteeDrawing>().DrawAsync(lab.Id, 60, "stratified", "7 19 23 31 42 48", referenceDate, "Sechs Zahlen, gezogen in der öffentlichen Sitzung der Bezirksvertretung Innenstadt-Nord (Demo)", ct);
        await db.InviteeDraws.Where(d => d.LabId == lab.Id).ExecuteUpdateAsync(u => u.SetProperty(d => d.DrawnAt, Before(42)), ct);

        // The letters would carry codes; here they get codes nobody holds, and 24 invitees register.
        lab = await db.Labs.SingleAsync(l => l.Id == lab.Id, ct);
        var invitations = await db.LabInvitations.Where(i => i.LabId == lab.Id).OrderBy(i => i.RowIndex).ToListAsync(ct);
        var codes = InvitationCode.CreateMany(invitations.Count);
        string[] education = ["ohne Abschluss", "Hauptschule", "Realschule", "Abitur", "Hochschule", LabsModule.NoAnswer];
        for (var i = 0; i < invitations.Count; i++)
        {
            invitations[i].CodeHash = HashedCodes.Hash(codes[i]);
            if (i % 5 < 2)
            {
                continue;
            }

            invitations[i].UsedAt = Before(20);
            db.LabRegistrations.Add(new LabRegistration
            {
                LabId = lab.Id, InvitationId = invitations[i].Id, AgeBand = LabsModule.AgeBandLabels[i % LabsModule.AgeBandLabels.Count],
                Gender = LabsModule.GenderCodes[i % 7 == 6 ? 3 : i % 2], Answers = $"Bildungsabschluss={education[i % education.Length]}",
                Availability = "abends", Contact = $"demo{i}@example.org", RegisteredAt = Before(20),
            });
        }

        lab.LettersCreatedAt = Before(35);
        lab.State = LabState.RegistrationOpen;
        await db.SaveChangesAsync(ct);

        var pool = PanelDrawing.Respondents(lab, await db.LabRegistrations.AsNoTracking().Where(r => r.LabId == lab.Id).ToListAsync(ct));
        var quotas = string.Join('\n', LabQuotas.Suggest(pool, 8).Split('\n')
            .Select(q => q.StartsWith($"{LabsModule.GenderCategory}; weiblich;", StringComparison.Ordinal) || q.StartsWith($"{LabsModule.GenderCategory}; männlich;", StringComparison.Ordinal)
                ? q[..(q.LastIndexOf(';', q.LastIndexOf(';') - 1) + 1)] + " 3; 5" : q));
        await services.GetRequiredService<PanelDrawing>().SelectAsync(lab.Id, 8, quotas, "leximin", "3 11 17 29 36 44", "Sechs Zahlen, gezogen bei der öffentlichen Auslosung im Rathaus (Demo)", ct);
        await db.PanelSelections.Where(p => p.LabId == lab.Id).ExecuteUpdateAsync(u => u.SetProperty(p => p.SelectedAt, Before(10)), ct);

        // Held, documented, reported; the extract is gone, as the deletion job would have done.
        await db.RegisterEntries.Where(r => r.LabId == lab.Id).ExecuteDeleteAsync(ct);
        lab = await db.Labs.SingleAsync(l => l.Id == lab.Id, ct);
        lab.RegisterDeletedAt = Before(35).AddDays(14);
        lab.State = LabState.Reported;
        lab.HeldOn = heldOn;
        lab.ResultsSummary = "Die Teilnehmenden sprachen über dunkle Wege, Lärm in der Nacht und fehlende Treffpunkte für Jugendliche (Demo).";
        lab.ReportedOn = quarter.FirstDay.AddDays(70);
        lab.ReportedTo = "Vollversammlung, Arbeitsgruppe Sichere öffentliche Räume, Lenkungskreis";
        db.LabRecommendations.AddRange(
            new LabRecommendation { LabId = lab.Id, Text = "Den Weg zwischen Nordmarkt und Hafen besser beleuchten (Demo).", Outcome = RecommendationOutcome.Forwarded, ForwardedTo = "Tiefbauamt", DecidedAt = time.GetUtcNow() },
            new LabRecommendation { LabId = lab.Id, Text = "Einen Treffpunkt für Jugendliche am Nordmarkt einrichten (Demo).", Outcome = RecommendationOutcome.Open },
            new LabRecommendation { LabId = lab.Id, Text = "Nachts alle Läden schließen (Demo).", Outcome = RecommendationOutcome.Declined, DeclineReason = "Ladenöffnungszeiten regelt das Land; die Stadt kann sie nicht ändern (Demo).", DecidedAt = time.GetUtcNow() });
        db.LabPlaces.AddRange(
            new LabPlace { LabId = lab.Id, Latitude = 51.5230, Longitude = 7.4606, Category = PlaceCategory.Unsafe, Comment = "Unterführung am Nordausgang, dunkel (Demo)" },
            new LabPlace { LabId = lab.Id, Latitude = 51.5246, Longitude = 7.4570, Category = PlaceCategory.Safe, Comment = "Nordmarkt am Nachmittag, belebt (Demo)" });
        await db.SaveChangesAsync(ct);
        return true;
    }
}
