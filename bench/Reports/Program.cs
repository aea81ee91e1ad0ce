using System.Diagnostics;
using System.Globalization;
using System.Net;
using Masterplan.Documents;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Accounts;
using Masterplan.Web.Features.Catalogue;
using Masterplan.Web.Features.Confidential;
using Masterplan.Web.Features.Enforcement;
using Masterplan.Web.Features.Labs;
using Masterplan.Web.Features.Meetings;
using Masterplan.Web.Features.Organizations;
using Masterplan.Web.Features.Participation;
using Masterplan.Web.Features.ProtectivePlaces;
using Masterplan.Web.Features.Reports;
using Masterplan.Web.Features.ServiceRequests;
using Masterplan.Web.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Masterplan.Bench.Report;

// The reports target: with ten years of demo data on PostgreSQL, a half-year report compiled with its charts as the Office's
// page (HTML ≤ 2 s), tagged PDF (≤ 5 s) and DOCX (≤ 5 s); memory reported.
//
// Starts the real app on Kestrel in this process, adds through its AppDbContext ten years of work in every module the
// report reads (measures with milestones, indicators with monthly values, meetings of the Vollversammlung, Sonderstab and
// Lenkungskreis with recommendations and follow-ups, labs with recommendations, calls with contributions, Meldungen,
// Schutzorte, confidential cases, stop receipts), signs in as the Office (two factors) and times over HTTP the preview of a
// draft report of the last half-year: the page, the PDF and the DOCX, each compiled afresh from the database.
//
// Usage: dotnet run -c Release --project bench/Reports -- --engine postgres|sqlite [--postgres "Host=…"] [--years 10]
//        [--requests 5] [--warmup 2]
namespace Masterplan.Bench.Reports;

internal static class BenchMain
{
    private const string Password = "korrekt pferd batterie heftklammer";

    public static async Task<int> Main(string[] args)
    {
        var years = 10;
        var options = BenchOptions.Parse(args, requests: 5, (arg, next) =>
        {
            if (arg == "--years")
            {
                years = int.Parse(next(), CultureInfo.InvariantCulture);
                return true;
            }

            return false;
        });
        if (options is null || BenchRun.Create(options, "reports") is not { } created)
        {
            return 2;
        }

        await using var run = created;
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        PdfRenderer.UseAgplLicense();
        var machine = new Machine(options.PostgresPid);
        Say($"# Reports benchmark, {options.Engine}, {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC");
        Say(BenchRun.MachineLine());
        var (baseUrl, startLine) = await run.StartAsync();
        Say(startLine);
        var seeded = Stopwatch.StartNew();
        var (office, counts, report) = await SeedAsync(run.App.Services, years);
        Say($"seeded {years} years in {seeded.Elapsed.TotalSeconds:F1} s: {counts}");

        using var browser = new Browser(baseUrl);
        await browser.SignInAsync(office.Email, Password, office.Key);
        var preview = $"/verwaltung/berichte/halbjahr/{report}/fassung";
        var met = true;
        Say("");
        Say($"## A half-year report with charts, {options.Requests} requests after {options.Warmup} warm-up (each compiles from the database)");
        Say("");
        Say("| output | bytes | p50 s | max s | target | met | allocated per request (MB) | working set after (MB) | others' CPU |");
        Say("|---|---|---|---|---|---|---|---|---|");
        foreach (var (label, url, target) in new[]
        {
            ("HTML page", preview, 2.0),
            ("tagged PDF", preview + "?handler=File&format=pdf", 5.0),
            ("DOCX", preview + "?handler=File&format=docx", 5.0),
        })
        {
            for (var w = 0; w < options.Warmup; w++)
            {
                await Expect(browser, url);
            }

            var times = new List<double>();
            var bytes = 0;
            var before = machine.Take();
            var allocated = GC.GetTotalAllocatedBytes();
            for (var r = 0; r < options.Requests; r++)
            {
                var start = Stopwatch.GetTimestamp();
                bytes = await Expect(browser, url);
                times.Add(Stopwatch.GetElapsedTime(start).TotalSeconds);
            }

            var perRequest = (GC.GetTotalAllocatedBytes() - allocated) / options.Requests / 1024.0 / 1024.0;
            var p50 = Percentile(times, 50);
            met &= times.Max() <= target;
            Say(string.Create(Inv, $"| {label} | {bytes:N0} | {p50:F2} | {times.Max():F2} | ≤ {target:F0} s | {(times.Max() <= target ? "yes" : "**no**")} | {perRequest:F0} | {Environment.WorkingSet / 1024 / 1024} | {Machine.OthersPercent(before, machine.Take()):F0} % |"));
        }

        // Where the documents' time goes: the charts alone, as the documents render them (PNG at scale 2), 40 of 120 values.
        var series = new KpiSeries("Kennzahl", [.. Enumerable.Range(0, 120).Select(m => new KpiValue(new DateOnly(2017, 1, 1).AddMonths(m), 100 - m / 2.0))]) { Unit = "Fälle" };
        var charts = Stopwatch.StartNew();
        long pngBytes = 0;
        for (var c = 0; c < 40; c++)
        {
            pngBytes += LineChart.RenderPng(series).Length;
        }

        Say("");
        Say(string.Create(Inv, $"the 40 charts alone (LineChart.RenderPng, 120 values each): {charts.Elapsed.TotalSeconds:F2} s, {pngBytes / 40:N0} bytes each"));
        Say(string.Create(Inv, $"peak working set of the process (app and bench): {Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024} MB; GC heap now {GC.GetTotalMemory(false) / 1024 / 1024} MB"));
        Say($"load average at the end: {Machine.LoadAverage()}");
        return met ? 0 : 1;
    }

    private static async Task<int> Expect(Browser browser, string url)
    {
        var (status, _, body) = await browser.SendAsync(HttpMethod.Get, url);
        return status == HttpStatusCode.OK ? body.Length : throw new InvalidOperationException($"{url} answered {(int)status}");
    }

    private sealed record Account(string Email, string Key);

    private static async Task<(Account Office, string Counts, int Report)> SeedAsync(IServiceProvider services, int years)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        const string email = "office.bench@stadtdo.de";
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Geschäftsstelle Bench", CreatedAt = DateTimeOffset.UtcNow };
        await users.CreateAsync(user, Password);
        await users.AddToRoleAsync(user, Roles.Office);
        await users.ResetAuthenticatorKeyAsync(user);
        await users.SetTwoFactorEnabledAsync(user, true);
        var key = (await users.GetAuthenticatorKeyAsync(user))!;

        var random = new Random(23);
        var now = DateTimeOffset.UtcNow;
        var today = CityTime.Today(TimeProvider.System);
        var first = new DateOnly(today.Year - years + 1, 1, 1);
        var days = today.DayNumber - first.DayNumber;
        DateOnly Day() => first.AddDays(random.Next(days));
        DateTimeOffset At(DateOnly day) => CityTime.ToUtc(day, new TimeOnly(random.Next(8, 20), random.Next(60)));
        T Pick<T>(IReadOnlyList<T> list) => list[random.Next(list.Count)];
        async Task SaveAsync()
        {
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }

        var fields = await db.FieldsOfAction.Where(f => !f.IsRetired).Select(f => f.Id).ToListAsync();
        var districts = await db.Set<Masterplan.Web.Features.Districts.District>().OrderBy(d => d.Position).Select(d => new { d.Id, d.Name }).ToListAsync();
        var statuses = Enum.GetValues<MeasureStatus>();

        // Catalogue: 400 public measures of 2.0 with two milestones each, 30 of 1.0; 40 indicators with monthly values.
        for (var i = 0; i < 430; i++)
        {
            var start = Day();
            db.Measures.Add(new Measure
            {
                FieldOfActionId = Pick(fields), Title = $"Maßnahme {i}", Status = Pick(statuses), Progress = random.Next(101), IsPublic = i % 10 != 0, PlanEdition = i < 400 ? 2 : 1,
                ExternalNumber = i < 400 ? null : $"M {(i - 400) / 5 + 1}.{(i - 400) % 5 + 1}", StartDate = start, UpdatedAt = now, IsDemo = true,
                Milestones = [new Milestone { Title = "Start", DueDate = start.AddDays(60) }, new Milestone { Title = "Abschluss", DueDate = start.AddDays(400), DoneDate = random.Next(2) == 0 ? start.AddDays(380) : null }],
            });
        }

        for (var i = 0; i < 40; i++)
        {
            var values = new List<IndicatorValue>();
            for (var month = first; month <= today; month = month.AddMonths(1))
            {
                values.Add(new IndicatorValue { Date = month, Value = 100 - (month.DayNumber - first.DayNumber) / 60m + random.Next(10), RecordedAt = now });
            }

            db.Indicators.Add(new Indicator
            {
                FieldOfActionId = Pick(fields), Name = $"Kennzahl {i}", Unit = "Fälle", Direction = IndicatorDirection.LowerIsBetter, IsPublic = true, IsDemo = true,
                BaselineValue = 100, BaselineDate = first, TargetValue = 40, TargetDate = today.AddYears(2), UpdatedAt = now, Values = values,
            });
        }

        await SaveAsync();

        // Meetings: Vollversammlung four times a year, Sonderstab weekly, Lenkungskreis six times a year; recommendations with follow-ups.
        var plenary = await db.Organizations.FirstAsync(o => o.Kind == OrganizationKind.PlenaryAssembly);
        var steering = await db.Organizations.FirstAsync(o => o.Kind == OrganizationKind.SteeringCircle);
        var taskForce = await db.Organizations.FirstOrDefaultAsync(o => o.Kind == OrganizationKind.SpecialTaskForce) ?? steering;
        var meetings = 0;
        void Meet(Organization body, DateOnly day)
        {
            var start = At(day);
            db.Meetings.Add(new Meeting
            {
                OrganizationId = body.Id, Title = $"{body.Name} {day:dd.MM.yyyy}", Start = start, End = start.AddHours(2), IsPublic = body.Id != taskForce.Id,
                State = start < now ? MeetingState.Held : MeetingState.Scheduled, CalendarUid = $"bench-{body.Id}-{day:yyyyMMdd}-{meetings++}@bench", IsDemo = true,
            });
        }

        for (var day = first; day <= today; day = day.AddDays(7))
        {
            Meet(taskForce, day);
            if (day.Day <= 7 && day.Month % 3 == 0)
            {
                Meet(plenary, day.AddDays(1));
            }

            if (day.Day <= 7 && day.Month % 2 == 0)
            {
                Meet(steering, day.AddDays(2));
            }
        }

        await SaveAsync();
        var plenaryMeetings = await db.Meetings.Where(m => m.OrganizationId == plenary.Id).Select(m => new { m.Id, m.Start }).ToListAsync();
        foreach (var meeting in plenaryMeetings)
        {
            var adopted = DateOnly.FromDateTime(CityTime.Local(meeting.Start));
            for (var r = 0; r < 3; r++)
            {
                db.Recommendations.Add(new Recommendation
                {
                    MeetingId = meeting.Id, Title = $"Empfehlung {meeting.Id}-{r}", Text = "Text", IsPublic = true, AdoptedOn = adopted, Status = RecommendationStatus.InProgress,
                    Updates = [.. Enumerable.Range(1, 3).Select(u => new RecommendationUpdate { Date = adopted.AddDays(30 * u), Status = RecommendationStatus.InProgress, Note = $"Sachstand {u}", AuthorName = "GS", RecordedAt = now })],
                });
            }
        }

        await SaveAsync();

        // Labs four times a year with six recommendations each; calls with 200 contributions each.
        var labs = new List<NeighbourhoodLab>();
        for (var quarter = 0; quarter < years * 4; quarter++)
        {
            var held = first.AddMonths(3 * quarter + 1);
            if (held > today)
            {
                break;
            }

            labs.Add(new NeighbourhoodLab { Title = $"Quartierslabor {quarter}", District = districts[quarter % districts.Count].Name, Year = held.Year, Quarter = (held.Month - 1) / 3 + 1, HeldOn = held, CreatedAt = now });
        }

        db.Labs.AddRange(labs);
        await db.SaveChangesAsync();
        var outcomes = Enum.GetValues<RecommendationOutcome>();
        db.LabRecommendations.AddRange(labs.SelectMany(l => Enumerable.Range(0, 6).Select(r => new LabRecommendation { LabId = l.Id, Text = $"Empfehlung {r}", Outcome = Pick(outcomes) })));
        var calls = labs.Select(l => new InputCall
        {
            Title = $"Aufruf zu {l.Title}", Description = "D", Question = "Q", WhatHappens = "W", BelongsToKind = ParticipationModule.BelongsToLab, BelongsToId = l.Id,
            OpensAt = At(l.HeldOn!.Value.AddDays(-40)), ClosesAt = At(l.HeldOn!.Value.AddDays(-5)), UpdatedAt = now,
        }).ToList();
        db.InputCalls.AddRange(calls);
        await SaveAsync();
        string[] moderation = [ParticipationModule.Published, ParticipationModule.Published, ParticipationModule.Pending, ParticipationModule.Rejected];
        string[] contributionStatus = [ParticipationModule.Received, ParticipationModule.InReview, ParticipationModule.TakenUp, ParticipationModule.NotTakenUp, ParticipationModule.Done];
        var n = 0;
        foreach (var call in calls)
        {
            for (var c = 0; c < 200; c++)
            {
                db.Contributions.Add(new Contribution
                {
                    InputCallId = call.Id, ReceiptHash = $"bench-{n++}", Text = "Mehr Licht bitte.", SubmittedAt = call.OpensAt.AddHours(c), Moderation = Pick(moderation), Status = Pick(contributionStatus),
                });
            }

            await SaveAsync();
        }

        // Meldungen (5,000 a year), Schutzorte, confidential cases, stop receipts.
        var categories = await db.ServiceCategories.Select(c => c.Id).ToListAsync();
        string[] requestStatus = [ServiceRequestsModule.Open, ServiceRequestsModule.Acknowledged, ServiceRequestsModule.InProgress, ServiceRequestsModule.Fixed, ServiceRequestsModule.Closed];
        var requests = years * 5_000;
        for (var chunk = 0; chunk < requests; chunk += 5_000)
        {
            for (var i = chunk; i < Math.Min(requests, chunk + 5_000); i++)
            {
                db.ServiceRequests.Add(new ServiceRequest
                {
                    ReceiptHash = $"bench-sr-{i}", CategoryId = Pick(categories), Description = "Laterne defekt", Latitude = 51.45 + random.NextDouble() * 0.15, Longitude = 7.35 + random.NextDouble() * 0.25,
                    DistrictId = Pick(districts).Id, Status = Pick(requestStatus), IsDemo = true,
                });
            }

            await SaveAsync();
        }

        // Their creation dates spread over the years (the save stamps "now").
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlAsync($"UPDATE \"ServiceRequests\" SET \"Created\" = now() - (random() * {days} * interval '1 day')");
        }

        string[] kinds = [ProtectivePlacesModule.GuidesBase, ProtectivePlacesModule.Police, ProtectivePlacesModule.Counselling, ProtectivePlacesModule.Other];
        for (var i = 0; i < 300; i++)
        {
            db.ProtectivePlaces.Add(new ProtectivePlace { Name = $"Schutzort {i}", Kind = Pick(kinds), Help = "Hilfe", Latitude = 51.5, Longitude = 7.46, IsPublic = i % 7 != 0, IsDemo = true });
        }

        foreach (var unit in ConfidentialModule.Units)
        {
            for (var i = 0; i < years * 150; i++)
            {
                var received = Day();
                db.ConfidentialCases.Add(new ConfidentialCase
                {
                    Unit = unit, Number = $"B-{unit}-{i}", KeyId = "k1", WrappedKey = [1], Kind = Pick(ConfidentialModule.KindsOf(unit).ToList()), ReceivedOn = received,
                    AcknowledgeBy = received.AddDays(7), FeedbackBy = received.AddDays(90), DistrictId = random.Next(4) == 0 ? null : Pick(districts).Id,
                });
            }
        }

        await SaveAsync();
        var officer = new EnforcementOfficer { UserId = "bench-officer", ServiceNumber = "KOD-1", Name = "Einsatzkraft", Pseudonym = "Dienstkraft 1000", CreatedAt = now };
        db.EnforcementOfficers.Add(officer);
        await db.SaveChangesAsync();
        var receipts = years * 5_000;
        for (var chunk = 0; chunk < receipts; chunk += 5_000)
        {
            for (var i = chunk; i < Math.Min(receipts, chunk + 5_000); i++)
            {
                var at = At(Day());
                db.StopReceipts.Add(new StopReceipt
                {
                    CodeHash = $"bench-{i}", OfficerId = officer.Id, OccurredAt = at, DistrictId = Pick(districts).Id, Kind = Pick(EnforcementModule.Kinds),
                    LegalBasis = Pick(EnforcementModule.LegalBases), Outcome = Pick(EnforcementModule.Outcomes), CreatedAt = at,
                });
            }

            await SaveAsync();
        }

        // The report: the last full half-year.
        var (from, to) = today.Month > 6 ? (new DateOnly(today.Year, 1, 1), new DateOnly(today.Year, 6, 30)) : (new DateOnly(today.Year - 1, 7, 1), new DateOnly(today.Year - 1, 12, 31));
        var report = new HalfYearReport { From = from, To = to, Title = $"Halbjahresbericht {from:dd.MM.yyyy} bis {to:dd.MM.yyyy}", Introduction = "Bench.", CreatedAt = now, CreatedBy = "Bench" };
        db.HalfYearReports.Add(report);
        await db.SaveChangesAsync();
        var (measureCount, valueCount, meetingCount) = (await db.Measures.CountAsync(), await db.IndicatorValues.CountAsync(), await db.Meetings.CountAsync());
        var (recommendationCount, contributionCount) = (await db.Recommendations.CountAsync(), await db.Contributions.CountAsync());
        var counts = string.Create(Inv, $"{measureCount:N0} measures, {valueCount:N0} indicator values, {meetingCount:N0} meetings, "
                                        + $"{recommendationCount:N0} recommendations, {labs.Count} labs, {contributionCount:N0} contributions, "
                                        + $"{requests:N0} Meldungen, 300 Schutzorte, {years * 300:N0} confidential cases, {receipts:N0} stop receipts; report {from:yyyy-MM-dd}–{to:yyyy-MM-dd}");
        return (new Account(email, key), counts, report.Id);
    }
}
