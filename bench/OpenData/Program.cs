using System.Diagnostics;
using System.Globalization;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Catalogue;
using Masterplan.Web.Features.Confidential;
using Masterplan.Web.Features.Enforcement;
using Masterplan.Web.Features.Labs;
using Masterplan.Web.Features.Meetings;
using Masterplan.Web.Features.OpenData;
using Masterplan.Web.Features.Organizations;
using Masterplan.Web.Features.ProtectivePlaces;
using Masterplan.Web.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Masterplan.Bench.Report;

// The open-data target: with ten years of data on PostgreSQL, the nightly export of all datasets ≤ 60 s; memory reported.
//
// Starts the real app on Kestrel in this process and writes ten years of data: measures with status updates and
// indicators with monthly values, 20,000 Meldungen a year (bench/ServiceRequests'
// generator, COPY on PostgreSQL), and here 60 meetings a year with 5 recommendations each and their follow-ups, four labs a
// year with 10 recommendations each, 300 Schutzorte, 300 confidential cases and 5,000 checks and 200 incidents of the
// Ordnungsdienst a year. Then it runs the export as the nightly job does (OpenDataExport.RunAsync: every dataset built,
// written as CSV and JSON, manifest), twice (the second run is the steady state a night sees), and times each dataset
// alone once more.
//
// Usage: dotnet run -c Release --project bench/OpenData -- --engine postgres|sqlite [--postgres "Host=…"] [--years 10]
namespace Masterplan.Bench.OpenData;

internal static class BenchMain
{
    private const double TargetSeconds = 60;

    public static async Task<int> Main(string[] args)
    {
        var years = 10;
        var options = BenchOptions.Parse(args, requests: 0, (arg, next) =>
        {
            if (arg == "--years")
            {
                years = int.Parse(next(), CultureInfo.InvariantCulture);
                return true;
            }

            return false;
        });
        if (options is null || BenchRun.Create(options, "opendata") is not { } created)
        {
            return 2;
        }

        await using var run = created;
        Environment.SetEnvironmentVariable("OpenData__Folder", Path.Combine(run.Work, "opendata"));
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        var machine = new Machine(options.PostgresPid);
        Say($"# Open-data benchmark, {options.Engine}, {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC");
        Say(BenchRun.MachineLine());
        var (_, startLine) = await run.StartAsync();
        Say(startLine);

        var seeded = Stopwatch.StartNew();
        var services = run.App.Services;
        var catalogue = await CatalogueAsync(services, years);
        var reports = await ServiceRequests.Seed.RunAsync(services, options.Engine, run.ConnectionString, 20_000 * years);
        var own = await SeedAsync(services, years);
        Say(string.Create(Inv, $"seeded {catalogue}, {reports.Reports:N0} Meldungen ({reports.How}), {own} in {seeded.Elapsed.TotalSeconds:F0} s"));

        Say("");
        Say("## The nightly export (OpenDataExport.RunAsync, as OpenDataExportJob runs it)");
        Say("");
        Say("| run | datasets | rows | bytes written | seconds | target ≤ 60 s | peak working set MB | allocated MB | others' CPU |");
        Say("|---|---|---|---|---|---|---|---|---|");
        var met = true;
        for (var r = 1; r <= 2; r++)
        {
            var before = machine.Take();
            var allocated = GC.GetTotalAllocatedBytes();
            var watch = Stopwatch.StartNew();
            Snapshot snapshot;
            await using (var scope = services.CreateAsyncScope())
            {
                snapshot = await scope.ServiceProvider.GetRequiredService<OpenDataExport>().RunAsync(CancellationToken.None);
            }

            var seconds = watch.Elapsed.TotalSeconds;
            met &= seconds <= TargetSeconds;
            var m = snapshot.Manifest;
            Say(string.Create(Inv, $"| {r} | {m.Datasets.Count} | {m.Datasets.Sum(d => d.Rows):N0} | {m.Datasets.Sum(d => d.Files.Sum(f => f.Size)):N0} | {seconds:F1} | {(seconds <= TargetSeconds ? "met" : "**missed**")} | {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:F0} | {(GC.GetTotalAllocatedBytes() - allocated) / 1048576.0:F0} | {Machine.OthersPercent(before, machine.Take()):F0} % |"));
        }

        Say("");
        Say("| dataset | rows | build s | CSV bytes | JSON bytes |");
        Say("|---|---|---|---|---|");
        foreach (var definition in OpenDataSets.All)
        {
            await using var scope = services.CreateAsyncScope();
            var watch = Stopwatch.StartNew();
            var table = await scope.ServiceProvider.GetRequiredService<OpenDataBuilder>().BuildAsync(definition, CancellationToken.None);
            var built = watch.Elapsed.TotalSeconds;
            Say(string.Create(Inv, $"| {definition.Slug} | {table.Rows.Count:N0} | {built:F2} | {OpenDataExport.ToCsv(table).Length:N0} | {OpenDataExport.ToJson(table).Length:N0} |"));
        }

        Say("");
        Say($"load average at the end: {Machine.LoadAverage()}");
        return met ? 0 : 1;
    }

    /// <summary>300 public measures a year with four status updates each, and 20 indicators a year with a monthly value since the start.</summary>
    private static async Task<string> CatalogueAsync(IServiceProvider services, int years)
    {
        var now = DateTimeOffset.UtcNow;
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        List<int> nodes, districts;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            nodes = await db.FieldsOfAction.Where(f => !f.IsRetired).OrderBy(f => f.Id).Select(f => f.Id).ToListAsync();
            districts = await db.Set<Masterplan.Web.Features.Districts.District>().OrderBy(d => d.Position).Select(d => d.Id).ToListAsync();
        }

        var measures = 300 * years;
        var statuses = Enum.GetValues<MeasureStatus>();
        for (var chunk = 0; chunk < measures; chunk += 500)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            for (var i = chunk; i < Math.Min(measures, chunk + 500); i++)
            {
                var start = today.AddDays(-(i * 3650 / measures));
                var measure = new Measure
                {
                    FieldOfActionId = nodes[i % nodes.Count], Title = $"Maßnahme {i}: Beleuchtung, Präsenz und Beratung im Quartier", Description = "Mehr Licht an Wegen, \"Präsenzstreifen\" am Abend.",
                    Status = statuses[i % statuses.Length], Progress = i % 101, StartDate = start, EndDate = start.AddYears(2), PlannedBudget = 1000m + i, IsPublic = i % 10 != 0, UpdatedAt = now,
                };
                measure.Districts.Add(new MeasureDistrict { DistrictId = districts[i % districts.Count] });
                for (var u = 0; u < 4; u++)
                {
                    measure.Updates.Add(new MeasureStatusUpdate { Date = start.AddDays(90 * u), Text = "Sachstand: läuft.", AuthorName = "Geschäftsstelle", RecordedAt = now });
                }

                db.Measures.Add(measure);
            }

            await db.SaveChangesAsync();
        }

        var indicators = 20 * years;
        var values = 0;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            for (var i = 0; i < indicators; i++)
            {
                var indicator = new Indicator { FieldOfActionId = nodes[i % nodes.Count], Name = $"Kennzahl {i}", Unit = "%", IsPublic = true, BaselineValue = 50, TargetValue = 70, UpdatedAt = now };
                for (var m = 12 * years; m > 0; m--)
                {
                    indicator.Values.Add(new IndicatorValue { Date = today.AddMonths(-m), Value = 50 + (m % 20), RecordedAt = now });
                    values++;
                }

                db.Indicators.Add(indicator);
            }

            await db.SaveChangesAsync();
        }

        return string.Create(Inv, $"{measures:N0} measures with {measures * 4:N0} status updates, {indicators} indicators with {values:N0} values");
    }

    /// <summary>Meetings with recommendations, labs with recommendations, Schutzorte, confidential cases and the Ordnungsdienst's records.</summary>
    private static async Task<string> SeedAsync(IServiceProvider services, int years)
    {
        var random = new Random(23);
        var now = DateTimeOffset.UtcNow;
        var first = now.AddYears(-years);
        List<int> bodies, districts;
        List<string> districtNames;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            bodies = await db.Organizations.Where(o => o.Kind == OrganizationKind.SteeringCircle || o.Kind == OrganizationKind.PlenaryAssembly || o.Kind == OrganizationKind.WorkingGroup || o.Kind == OrganizationKind.SpecialTaskForce)
                .Select(o => o.Id).ToListAsync();
            districts = await db.Set<Masterplan.Web.Features.Districts.District>().OrderBy(d => d.Position).Select(d => d.Id).ToListAsync();
            districtNames = await db.Set<Masterplan.Web.Features.Districts.District>().OrderBy(d => d.Position).Select(d => d.Name).ToListAsync();
        }

        DateTimeOffset At() => first.AddSeconds(random.NextDouble() * (now - first).TotalSeconds);
        var meetings = 60 * years;
        for (var chunk = 0; chunk < meetings; chunk += 100)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            for (var i = chunk; i < Math.Min(meetings, chunk + 100); i++)
            {
                var start = At();
                var meeting = new Meeting
                {
                    OrganizationId = bodies[i % bodies.Count], Title = $"Sitzung {i}", Start = start, End = start.AddHours(2), Room = "Raum 1", Address = "Friedensplatz 1, 44135 Dortmund",
                    IsPublic = i % 10 != 0, State = MeetingState.Held, CalendarUid = $"bench-{i}@masterplan", Created = start, Modified = start,
                };
                db.Meetings.Add(meeting);
                for (var k = 0; k < 5; k++)
                {
                    var recommendation = new Recommendation
                    {
                        Meeting = meeting, Title = $"Empfehlung {i}.{k}", Text = "Die Gremien empfehlen, die Beleuchtung am Übergang zu verbessern, und bitten um Bericht.",
                        AdoptedOn = DateOnly.FromDateTime(start.UtcDateTime), IsPublic = k != 4, Status = (RecommendationStatus)(k % 4),
                    };
                    recommendation.Updates.Add(new RecommendationUpdate { Date = DateOnly.FromDateTime(start.UtcDateTime).AddDays(30), Status = recommendation.Status, Note = "Geprüft, in Arbeit.", AuthorName = "Geschäftsstelle", RecordedAt = start.AddDays(30) });
                    db.Recommendations.Add(recommendation);
                }
            }

            await db.SaveChangesAsync();
        }

        var labs = 4 * years;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            for (var l = 0; l < labs; l++)
            {
                var year = first.Year + (l / 4);
                var lab = new NeighbourhoodLab
                {
                    Title = $"Quartierslabor {l}", District = districtNames[l % districtNames.Count], Year = year, Quarter = (l % 4) + 1, State = LabState.Reported,
                    HeldOn = new DateOnly(year, ((l % 4) * 3) + 2, 15), ResultsSummary = "Mehr Licht, mehr Präsenz, mehr Angebote für Jugendliche.", CreatedAt = now,
                };
                db.Labs.Add(lab);
                await db.SaveChangesAsync();
                for (var k = 0; k < 10; k++)
                {
                    db.LabRecommendations.Add(new LabRecommendation { LabId = lab.Id, Text = $"Empfehlung {k} des Labors {l}: Bänke und Licht am Platz.", DecidedAt = now });
                }
            }

            for (var p = 0; p < 300; p++)
            {
                db.ProtectivePlaces.Add(new ProtectivePlace
                {
                    Name = $"Schutzort {p}", Kind = ProtectivePlacesModule.Kinds[p % ProtectivePlacesModule.Kinds.Length], Address = $"Kampstraße {p + 1}, 44137 Dortmund",
                    Latitude = 51.51 + (p * 0.0001), Longitude = 7.46 + (p * 0.0001), DistrictId = districts[p % districts.Count], Help = "Hier bekommen Sie Hilfe und können telefonieren.",
                    IsPublic = p % 20 != 0,
                });
            }

            await db.SaveChangesAsync();
        }

        var cases = 300 * years;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            for (var c = 0; c < cases; c++)
            {
                var unit = ConfidentialModule.Units[c % 2];
                var kinds = ConfidentialModule.KindsOf(unit).ToArray();
                var outcomes = ConfidentialModule.OutcomesOf(unit).ToArray();
                var day = DateOnly.FromDateTime(At().UtcDateTime);
                db.ConfidentialCases.Add(new ConfidentialCase
                {
                    Unit = unit, Number = $"B-{c:X4}-BENC-H{c % 1000:000}", KeyId = "bench", WrappedKey = [0], ReceivedOn = day, AcknowledgeBy = day.AddDays(7), FeedbackBy = day.AddDays(30),
                    Kind = kinds[c % kinds.Length], DistrictId = c % 7 == 0 ? null : districts[c % districts.Count], OutcomeCategory = c % 5 == 0 ? null : outcomes[c % outcomes.Length],
                });
            }

            await db.SaveChangesAsync();
        }

        var officer = new EnforcementOfficer { UserId = "bench-officer", ServiceNumber = "KOD-001", Name = "Einsatzkraft", Pseudonym = "Dienstkraft 1001", CreatedAt = now };
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.EnforcementOfficers.Add(officer);
            await db.SaveChangesAsync();
        }

        string Pick(string[] values) => values[random.Next(values.Length)];
        var receipts = 5_000 * years;
        for (var chunk = 0; chunk < receipts; chunk += 5_000)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            for (var i = chunk; i < Math.Min(receipts, chunk + 5_000); i++)
            {
                var at = At();
                db.StopReceipts.Add(new StopReceipt
                {
                    CodeHash = HashedCodes.Hash($"bench-receipt-{i}"), OfficerId = officer.Id, OccurredAt = at, DistrictId = districts[i % districts.Count],
                    Kind = Pick(EnforcementModule.Kinds), LegalBasis = Pick(EnforcementModule.LegalBases), Outcome = Pick(EnforcementModule.Outcomes), CreatedAt = at,
                });
            }

            await db.SaveChangesAsync();
        }

        return string.Create(Inv, $"{meetings:N0} meetings with {meetings * 5:N0} recommendations, {labs} labs with {labs * 10} recommendations, 300 Schutzorte, {cases:N0} confidential cases, {receipts:N0} checks");
    }
}
