using System.Diagnostics;
using System.Globalization;
using System.Text;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Confidential;
using Masterplan.Web.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Masterplan.Bench.Report;

// The confidential units' targets: opening a mailbox with number and secret ≤ 500 ms (PBKDF2 with the configured 600,000
// rounds included), and the unit's case list with 10,000 encrypted cases p95 ≤ 150 ms on PostgreSQL (decryption included).
//
// Starts the real app (Program.cs, Production environment) in this process, adds the cases through the app's own
// AppDbContext and FieldEncryption (each case its own data key, every text field encrypted, one mailbox message each; all
// with one secret hash computed once, since 10,000 slow hashes would take an hour), then times from the app's services, one
// scope per call:
//   1. CaseDesk.OpenMailboxAsync with the right secret (a case's row, the slow hash, the reset of its failure count);
//   2. CaseDesk.MailboxAsync (the messages decrypted), i.e. what the mailbox page reads after opening;
//   3. CaseDesk.ListAsync for the unit, first page (50 rows with their excerpts decrypted, the read audited) and a later page.
// The unit's pages need a two-factor sign-in, so the service is timed, not the HTTP page.
//
// Usage: dotnet run -c Release --project bench/Confidential -- --engine sqlite|postgres [--postgres "Host=…"]
//        [--cases 10000] [--requests 200] [--warmup 20]
namespace Masterplan.Bench.Confidential;

internal static class BenchMain
{
    private const double MailboxTargetMs = 500, ListTargetMs = 150;
    private const string Secret = "bafeki-lomatu-rusena-dikopa-tebuni";

    public static async Task<int> Main(string[] args)
    {
        var cases = 10_000;
        var options = BenchOptions.Parse(args, requests: 200, (arg, next) =>
        {
            if (arg == "--cases")
            {
                cases = int.Parse(next(), CultureInfo.InvariantCulture);
                return true;
            }

            return false;
        });
        if (options is null || BenchRun.Create(options, "confidential") is not { } created)
        {
            return 2;
        }

        // The key file in the run's folder, not in the source tree.
        Environment.SetEnvironmentVariable("FieldEncryption__KeyFile", Path.Combine(created.Work, "field-encryption.keys"));
        await using var run = created;
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        var machine = new Machine(options.PostgresPid);
        Say($"# Confidential benchmark, {options.Engine}, {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC");
        Say(BenchRun.MachineLine());
        var (_, startLine) = await run.StartAsync();
        Say(startLine);
        var seeded = Stopwatch.StartNew();
        var numbers = await SeedAsync(run.App.Services, cases);
        Say(string.Create(Inv, $"seeded {cases:N0} encrypted complaints (9 encrypted fields, one message each) in {seeded.Elapsed.TotalSeconds:F1} s"));
        var met = true;
        var random = new Random(7);

        async Task<double> TimeAsync(Func<CaseDesk, Task> work)
        {
            await using var scope = run.App.Services.CreateAsyncScope();
            var desk = scope.ServiceProvider.GetRequiredService<CaseDesk>();
            var start = Stopwatch.GetTimestamp();
            await work(desk);
            return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        Say("");
        Say($"## Mailbox and case list, {options.Requests} calls each after {options.Warmup} warm-up");
        Say("");
        Say("| what | calls | p50 ms | p95 ms | max ms | target | others' CPU |");
        Say("|---|---|---|---|---|---|---|");
        var iterations = 0;
        await using (var scope = run.App.Services.CreateAsyncScope())
        {
            iterations = scope.ServiceProvider.GetRequiredService<CaseDesk>().Options.SecretIterations;
        }

        var measurements = new (string Label, Func<CaseDesk, Task> Work, double? Target, int Requests)[]
        {
            ($"OpenMailboxAsync, right secret (PBKDF2-SHA256, {iterations:N0} rounds)", async d =>
            {
                if (await d.OpenMailboxAsync(numbers[random.Next(numbers.Count)], Secret, "bench", CancellationToken.None) is null)
                {
                    throw new InvalidOperationException("the mailbox did not open");
                }
            }, MailboxTargetMs, Math.Min(options.Requests, 50)),
            ("MailboxAsync (messages decrypted)", async d => await d.MailboxAsync(random.Next(1, cases), CancellationToken.None), null, options.Requests),
            ("ListAsync, first page of 50 (excerpts decrypted, read audited)", async d => await d.ListAsync(ConfidentialModule.Complaints, false, 1, 50, CancellationToken.None), ListTargetMs, options.Requests),
            ("ListAsync, page 100 of 200", async d => await d.ListAsync(ConfidentialModule.Complaints, false, 100, 50, CancellationToken.None), ListTargetMs, options.Requests),
        };
        foreach (var (label, work, target, requests) in measurements)
        {
            for (var w = 0; w < Math.Min(options.Warmup, requests); w++)
            {
                await TimeAsync(work);
            }

            var before = machine.Take();
            var times = new List<double>();
            for (var r = 0; r < requests; r++)
            {
                times.Add(await TimeAsync(work));
            }

            var after = machine.Take();
            var p95 = Percentile(times, 95);
            var ok = target is not { } t || p95 <= t;
            met &= ok || (target == ListTargetMs && options.Engine != DatabaseProvider.Postgres); // the list target is for PostgreSQL
            Say(string.Create(Inv, $"| {label} | {times.Count} | {Percentile(times, 50):F2} | {p95:F2} | {times.Max():F2} | {(target is { } x ? $"p95 ≤ {x} ms: {(ok ? "met" : "**missed**")}" : "–")} | {Machine.OthersPercent(before, after):F0} % |"));
        }

        Say("");
        Say($"load average at the end: {Machine.LoadAverage()}");
        return met ? 0 : 1;
    }

    private static async Task<List<string>> SeedAsync(IServiceProvider services, int count)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var encryption = scope.ServiceProvider.GetRequiredService<FieldEncryption>();
        var iterations = scope.ServiceProvider.GetRequiredService<CaseDesk>().Options.SecretIterations;
        var hash = MailboxSecret.Hash(Secret, iterations);
        var numbers = new List<string>(count);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var random = new Random(10_000);
        for (var batch = 0; batch < count; batch += 1000)
        {
            for (var i = batch; i < Math.Min(count, batch + 1000); i++)
            {
                var number = $"B-{Masterplan.Algorithms.Invitations.InvitationCode.Create()}";
                var (cipher, keyId, wrapped) = encryption.NewDataKey(number);
                var received = today.AddDays(-random.Next(700));
                var c = new ConfidentialCase
                {
                    Unit = ConfidentialModule.Complaints, Number = number, SecretHash = hash, KeyId = keyId, WrappedKey = wrapped, Kind = ConfidentialModule.Authorities[i % 3],
                    ReceivedOn = received, AcknowledgeBy = received.AddDays(7), FeedbackBy = received.AddMonths(3),
                    What = cipher.Encrypt($"Bei einer Kontrolle im Bezirk wurde ich unfreundlich behandelt und ohne Erklärung durchsucht. Fall {i}. " + new string('x', 400), "what"),
                    When = cipher.Encrypt("abends gegen 21 Uhr", "when"), Where = cipher.Encrypt("Kampstraße 10, 44137 Dortmund", "where"),
                    Details = cipher.Encrypt("Zwei Personen in Uniform.", "details"), Contact = cipher.Encrypt("Name: Erika Beispiel", "contact"),
                    Advice = cipher.Encrypt("Beraten zur Dienstaufsichtsbeschwerde.", "advice"), OutcomeText = cipher.Encrypt("Gespräch geführt.", "outcome"),
                    Injuries = cipher.Encrypt("keine", "injuries"), Reporter = cipher.Encrypt("niemand", "reporter"),
                };
                c.Messages.Add(new ConfidentialMessage { FromUnit = true, On = received.AddDays(2), Body = cipher.Encrypt("Ihre Nachricht ist bei uns angekommen.", "message")! });
                db.ConfidentialCases.Add(c);
                numbers.Add(number);
            }

            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }

        return numbers;
    }
}
