using System.Diagnostics;
using System.Globalization;
using Masterplan.Documents;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Accounts;
using Masterplan.Web.Features.Grants;
using Masterplan.Web.Features.Meetings;
using Masterplan.Web.Features.Organizations;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Masterplan.Bench.Report;

// The Förderprogramm targets: a call with 500 applications — the reviewer's list and the ranking p95 ≤ 100 ms — and the
// decision letters of 100 funded projects ≤ 10 s.
//
// Starts the real app on Kestrel in this process, adds through its AppDbContext one call with four weighted criteria, 500
// complete applications of 500 associations with three budget lines each, five reviewers who scored every application (one
// declared a conflict on every tenth), then times from the app's services, one scope per query:
//   1. GrantDesk.ReviewListAsync for a reviewer (the applications left after their conflicts, with their own scores);
//   2. GrantDesk.RankingAsync (weighted mean per application, running sum against the call's budget);
//   3. 100 applications decided (approved at an agenda item), then their letters: GrantDesk.LetterAsync + PdfRenderer.Render.
//
// Usage: dotnet run -c Release --project bench/Grants -- --engine sqlite|postgres [--postgres "Host=…"]
//        [--applications 500] [--requests 200] [--warmup 20]
namespace Masterplan.Bench.Grants;

internal static class BenchMain
{
    private const double TargetMs = 100, LettersSeconds = 10;

    public static async Task<int> Main(string[] args)
    {
        var applications = 500;
        var options = BenchOptions.Parse(args, requests: 200, (arg, next) =>
        {
            if (arg == "--applications")
            {
                applications = int.Parse(next(), CultureInfo.InvariantCulture);
                return true;
            }

            return false;
        });
        if (options is null || BenchRun.Create(options, "grants") is not { } created)
        {
            return 2;
        }

        await using var run = created;
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        PdfRenderer.UseAgplLicense();
        var machine = new Machine(options.PostgresPid);
        Say($"# Förderprogramm benchmark, {options.Engine}, {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC");
        Say(BenchRun.MachineLine());
        var (_, startLine) = await run.StartAsync();
        Say(startLine);
        var seeded = Stopwatch.StartNew();
        var (call, reviewers, item) = await SeedAsync(run.App.Services, applications);
        Say(string.Create(Inv, $"seeded 1 call, {applications:N0} complete applications with 3 budget lines, {reviewers.Count} reviewers who scored all (one with a conflict on every tenth) in {seeded.Elapsed.TotalSeconds:F1} s"));
        var met = true;

        async Task<List<double>> TimeAsync(Func<GrantDesk, Task> query)
        {
            async Task<double> OnceAsync()
            {
                await using var scope = run.App.Services.CreateAsyncScope();
                var desk = scope.ServiceProvider.GetRequiredService<GrantDesk>();
                var start = Stopwatch.GetTimestamp();
                await query(desk);
                return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            }

            for (var w = 0; w < options.Warmup; w++)
            {
                await OnceAsync();
            }

            var times = new List<double>();
            for (var r = 0; r < options.Requests; r++)
            {
                times.Add(await OnceAsync());
            }

            return times;
        }

        Say("");
        Say($"## A call with {applications:N0} applications, {options.Requests} queries after {options.Warmup} warm-up");
        Say("");
        Say("| what | rows | p50 ms | p95 ms | max ms | target p95 ≤ 100 ms | others' CPU |");
        Say("|---|---|---|---|---|---|---|");
        var count = 0;
        foreach (var (label, query) in new (string, Func<GrantDesk, Task>)[]
        {
            ("GrantDesk.ReviewListAsync (reviewer with conflicts)", async d => count = (await d.ReviewListAsync(call, reviewers[0], CancellationToken.None)).Count),
            ("GrantDesk.RankingAsync", async d => count = (await d.RankingAsync(call, CancellationToken.None)).Count),
        })
        {
            var before = machine.Take();
            var times = await TimeAsync(query);
            var after = machine.Take();
            var p95 = Percentile(times, 95);
            met &= p95 <= TargetMs;
            Say(string.Create(Inv, $"| {label} | {count} | {Percentile(times, 50):F2} | {p95:F2} | {times.Max():F2} | {(p95 <= TargetMs ? "met" : "**missed**")} | {Machine.OthersPercent(before, after):F0} % |"));
        }

        // 3. 100 funded projects and their letters.
        int[] funded;
        await using (var scope = run.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            funded = await db.GrantApplications.Where(a => a.CallId == call).OrderBy(a => a.Id).Select(a => a.Id).Take(100).ToArrayAsync();
            await db.GrantApplications.Where(a => funded.Contains(a.Id)).ExecuteUpdateAsync(s => s
                .SetProperty(a => a.Status, GrantStatus.Approved).SetProperty(a => a.GrantedCents, 10_000).SetProperty(a => a.DecisionAgendaItemId, item)
                .SetProperty(a => a.DecidedAt, DateTimeOffset.UtcNow).SetProperty(a => a.ProofDueOn, DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(9)));
        }

        var letters = Stopwatch.StartNew();
        long bytes = 0;
        var beforeLetters = machine.Take();
        await using (var scope = run.App.Services.CreateAsyncScope())
        {
            var desk = scope.ServiceProvider.GetRequiredService<GrantDesk>();
            foreach (var id in funded)
            {
                bytes += PdfRenderer.Render((await desk.LetterAsync(id, CancellationToken.None))!).Length;
            }
        }

        var seconds = letters.Elapsed.TotalSeconds;
        met &= seconds <= LettersSeconds;
        Say("");
        Say("| decision letters | letters | seconds | per letter ms | bytes (mean) | target ≤ 10 s | others' CPU |");
        Say("|---|---|---|---|---|---|---|");
        Say(string.Create(Inv, $"| GrantDesk.LetterAsync + PdfRenderer.Render (tagged PDF) | {funded.Length} | {seconds:F2} | {seconds * 1000 / funded.Length:F0} | {bytes / funded.Length:N0} | {(seconds <= LettersSeconds ? "met" : "**missed**")} | {Machine.OthersPercent(beforeLetters, machine.Take()):F0} % |"));
        Say("");
        Say($"load average at the end: {Machine.LoadAverage()}");
        return met ? 0 : 1;
    }

    private static async Task<(int Call, List<string> Reviewers, int Item)> SeedAsync(IServiceProvider services, int applications)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var reviewers = new List<string>();
        for (var r = 0; r < 5; r++)
        {
            var user = new AppUser { UserName = $"reviewer{r}@bench.example", Email = $"reviewer{r}@bench.example", DisplayName = $"Reviewer {r}", CreatedAt = DateTimeOffset.UtcNow };
            await users.CreateAsync(user);
            reviewers.Add(user.Id);
        }

        var call = new GrantCall
        {
            Title = "Bench-Aufruf", Purpose = "Prävention", Eligibility = "Vereine", Year = DateTime.UtcNow.Year, BudgetCents = 2_000_000_000, MaxPerProjectCents = 1_000_000,
            Deadline = DateTimeOffset.UtcNow.AddDays(-1), PublishedAt = DateTimeOffset.UtcNow.AddDays(-30), CreatedAt = DateTimeOffset.UtcNow.AddDays(-30),
            Criteria = [.. new[] { ("Wirkung", 40), ("Zielgruppe", 30), ("Innovation", 20), ("Kosten", 10) }.Select((c, i) => new GrantCriterion { Position = i + 1, Name = c.Item1, Weight = c.Item2 })],
        };
        db.GrantCalls.Add(call);
        await db.SaveChangesAsync();
        var random = new Random(24);
        for (var chunk = 0; chunk < applications; chunk += 100)
        {
            var batch = new List<GrantApplication>();
            for (var i = chunk; i < Math.Min(applications, chunk + 100); i++)
            {
                var association = new Association { Name = $"Verein {i}", Address = "Dortmund", RegisteredAt = DateTimeOffset.UtcNow };
                db.Associations.Add(association);
                batch.Add(new GrantApplication
                {
                    CallId = call.Id, Status = GrantStatus.InReview, ProjectTitle = $"Projekt {i}", Description = "Workshops", TargetGroup = "Jugendliche", DistrictIds = [1 + (i % 12)],
                    RequestedCents = 500_000 + (random.Next(0, 500) * 1000), ReceiptNumber = $"F-B-{i:0000}", SubmittedAt = DateTimeOffset.UtcNow.AddDays(-2), CreatedAt = DateTimeOffset.UtcNow.AddDays(-3),
                    Lines = [new() { Position = 1, Label = "Honorare", AmountCents = 300_000 }, new() { Position = 2, Label = "Material", AmountCents = 100_000 }, new() { Position = 3, Label = "Raum", AmountCents = 100_000 }],
                });
            }

            await db.SaveChangesAsync();
            var associations = await db.Associations.OrderByDescending(a => a.Id).Take(batch.Count).OrderBy(a => a.Id).Select(a => a.Id).ToListAsync();
            for (var k = 0; k < batch.Count; k++)
            {
                batch[k].AssociationId = associations[k];
            }

            db.GrantApplications.AddRange(batch);
            await db.SaveChangesAsync();
            foreach (var application in batch)
            {
                for (var r = 0; r < reviewers.Count; r++)
                {
                    var conflict = r == 0 && application.Id % 10 == 0;
                    db.GrantReviews.Add(new GrantReview
                    {
                        ApplicationId = application.Id, ReviewerId = reviewers[r], Conflict = conflict, At = DateTimeOffset.UtcNow,
                        Scores = conflict ? [] : [.. call.Criteria.Select(c => new GrantScore { CriterionId = c.Id, Value = random.Next(0, 11) })],
                    });
                }
            }

            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }

        var body = await db.Organizations.Select(o => o.Id).FirstAsync();
        var meeting = new Meeting
        {
            OrganizationId = body, Title = "Lenkungskreis", Start = DateTimeOffset.UtcNow.AddDays(-1), End = DateTimeOffset.UtcNow.AddDays(-1).AddHours(2), IsPublic = true,
            State = MeetingState.Held, CalendarUid = $"{Guid.NewGuid():N}@bench",
            AgendaItems = [new AgendaItem { Number = "3", SortKey = AgendaNumber.SortKey("3"), Title = "Förderprogramm" }],
        };
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync();
        return (call.Id, reviewers, meeting.AgendaItems[0].Id);
    }
}
