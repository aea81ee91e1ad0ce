using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Participation;
using Microsoft.Extensions.DependencyInjection;
using static Masterplan.Bench.Report;

// The participation targets (issue "Beteiligung", section Performance): an input call with 5,000 published contributions,
// its public page (first page of 50, filters by district and theme) p95 ≤ 100 ms on SQLite and PostgreSQL; 200 concurrent
// submissions on PostgreSQL all acknowledged after commit and all present afterwards; submissions per second on
// PostgreSQL with fsync on next to a bare INSERT loop in the same run; and kill -9 during a burst loses nothing acknowledged.
//
// Starts the real app (Program.cs, Production environment, migrations and reference data at start) on Kestrel on a
// loopback port in this process, seeds the call through the app's AppDbContext, times GET /beteiligung/{id} over HTTP,
// then (PostgreSQL) sends the form as browsers do. --mode kill9 runs the app as a separate process instead (Kill9.cs).
//
// Usage: dotnet run -c Release --project bench/Participation -- --engine sqlite|postgres [--postgres "Host=…;Username=…"]
//        [--mode all|page|submit|kill9] [--contributions 5000] [--requests 300] [--warmup 50] [--concurrent 200]
//        [--workers 1,8] [--throughput-seconds 6] [--throughput-rounds 2] [--kill-rounds 3] [--kill-workers 32]
//        [--app-dll PATH] [--wrk-seconds 5 | --no-wrk] [--out DIR] [--pg-pid PID]
// Submissions, throughput and kill9 need PostgreSQL. The bench raises the per-address rate limit of the public forms
// (Accounts:FormPostsPerMinute, environment Accounts__FormPostsPerMinute) to 1,000,000: every request comes from 127.0.0.1.
// The minimum fill time (Accounts:MinimumFillSeconds, 3 s) stays as it is: every browser waits it once after opening the form.
namespace Masterplan.Bench.Participation;

/// <summary>Entry point (a class of its own: top-level statements would clash with the app's <c>Program</c>).</summary>
internal static class BenchMain
{
    private const double TargetMs = 100;

    public static async Task<int> Main(string[] args)
    {
        var (mode, contributions, concurrent, kRounds, kWorkers, tSeconds, tRounds) = ("all", 5000, 200, 3, 32, 6, 2);
        var workers = new[] { 1, 8 };
        string? appDll = null;
        var options = BenchOptions.Parse(args, requests: 300, (arg, next) =>
        {
            int Int() => int.Parse(next(), CultureInfo.InvariantCulture);
            switch (arg)
            {
                case "--mode": mode = next(); return true;
                case "--contributions": contributions = Int(); return true;
                case "--concurrent": concurrent = Int(); return true;
                case "--kill-rounds": kRounds = Int(); return true;
                case "--kill-workers": kWorkers = Int(); return true;
                case "--throughput-seconds": tSeconds = Int(); return true;
                case "--throughput-rounds": tRounds = Int(); return true;
                case "--workers": workers = next().Split(',').Select(w => int.Parse(w, CultureInfo.InvariantCulture)).ToArray(); return true;
                case "--app-dll": appDll = next(); return true;
                default: return false;
            }
        });
        if (options is null || mode is not ("all" or "page" or "submit" or "kill9"))
        {
            Console.Error.WriteLine("--mode all|page|submit|kill9");
            return 2;
        }

        if (mode is "submit" or "kill9" && options.Engine != DatabaseProvider.Postgres)
        {
            Console.Error.WriteLine($"--mode {mode} needs --engine postgres");
            return 2;
        }

        // Every request of the bench comes from 127.0.0.1: one address, so the per-address limit of the public forms is raised.
        Environment.SetEnvironmentVariable("Accounts__FormPostsPerMinute", "1000000");
        if (BenchRun.Create(options, "participation") is not { } created)
        {
            return 2;
        }

        await using var run = created;
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        var machine = new Machine(options.PostgresPid);
        var app = run.App;

        Say($"# Participation benchmark, {options.Engine}, mode {mode}, {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC");
        Say(BenchRun.MachineLine());

        using var efListener = Probe.ListenToEf();
        var (baseUrl, startLine) = await run.StartAsync();
        Say(startLine);

        var ok = true;
        if (mode == "kill9")
        {
            // The in-process app only created and migrated the database and holds the call; the process under test is another one.
            int callId;
            await using (var scope = app.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                var call = Seed.NewCall("kill -9 (Bench)", DateTimeOffset.UtcNow);
                db.InputCalls.Add(call);
                await db.SaveChangesAsync();
                callId = call.Id;
            }

            await app.DisposeAsync();
            ok = await Kill9.RunAsync(appDll ?? AppProcess.DefaultDll(), run.ConnectionString, callId, kRounds, kWorkers, run.OutDir);
            Say("");
            Say($"load average at the end: {Machine.LoadAverage()}; outputs in {run.OutDir}");
            return ok ? 0 : 1;
        }

        var seedWatch = Stopwatch.StartNew();
        var seeded = await Seed.RunAsync(app.Services, contributions);
        Say($"seeded in {seedWatch.Elapsed.TotalSeconds:F2} s: call {seeded.CallId} with {seeded.Published} published, {seeded.Pending} pending and {seeded.Rejected} rejected contributions; " +
            $"a second call with {seeded.OtherCall}; district filter \"{seeded.District}\" ({seeded.InDistrict}), theme filter \"{seeded.Theme}\" ({seeded.InTheme}), both ({seeded.InBoth})");

        if (options.Engine == DatabaseProvider.Postgres)
        {
            // What autovacuum does soon after a bulk load (and long before 5,000 contributions have come in one by one over
            // weeks): statistics for the planner and the visibility map. Without it the first series measures the bulk load.
            var vacuum = Stopwatch.StartNew();
            await using var connection = new Npgsql.NpgsqlConnection(run.ConnectionString);
            await connection.OpenAsync();
            await using var command = new Npgsql.NpgsqlCommand("""VACUUM ANALYZE "Contributions", "InputCalls" """, connection);
            await command.ExecuteNonQueryAsync();
            Say($"VACUUM ANALYZE of the contributions after the bulk load: {vacuum.Elapsed.TotalSeconds:F2} s");
        }

        if (mode is "all" or "page")
        {
            ok &= await PagesAsync(run, baseUrl, seeded, machine);
        }

        if (options.Engine == DatabaseProvider.Postgres && mode is "all" or "submit")
        {
            for (var burst = 1; burst <= 2; burst++)
            {
                await Submissions.ConcurrentAsync(baseUrl, run.ConnectionString, seeded.CallId, concurrent, burst, machine);
            }

            await Submissions.ThroughputAsync(baseUrl, run.ConnectionString, seeded.CallId, workers, TimeSpan.FromSeconds(tSeconds), tRounds, machine);
        }

        Say("");
        Say($"load average at the end: {Machine.LoadAverage()}; outputs in {run.OutDir}");
        return ok ? 0 : 1;
    }

    /// <summary>The public page of the call: first page, filters, last page; timed, profiled, cross-checked with wrk.</summary>
    private static async Task<bool> PagesAsync(BenchRun run, string baseUrl, SeedCounts seeded, Machine machine)
    {
        var options = run.Options;
        var page = $"/beteiligung/{seeded.CallId}";
        var district = "bezirk=" + Uri.EscapeDataString(seeded.District);
        var theme = "thema=" + Uri.EscapeDataString(seeded.Theme);
        var lastPage = (seeded.Published + 49) / 50;
        var cases = new (string Name, string Url, int Expected, bool Target)[]
        {
            ("first page of 50", page, 50, true),
            ($"district filter ({seeded.InDistrict} match)", $"{page}?{district}", Math.Min(50, seeded.InDistrict), true),
            ($"theme filter ({seeded.InTheme} match)", $"{page}?{theme}", Math.Min(50, seeded.InTheme), true),
            ($"district and theme ({seeded.InBoth} match)", $"{page}?{district}&{theme}", Math.Min(50, seeded.InBoth), true),
            ($"last page (page {lastPage})", $"{page}?seite={lastPage}", seeded.Published - (lastPage - 1) * 50, false),
        };
        using var anonymous = new Browser(baseUrl);
        Say("");
        Say($"## Server time: {options.Requests} sequential GETs after {options.Warmup} warm-up requests, one keep-alive connection, anonymous, client in the same process");
        Say("Client time = from SendAsync until the last body byte is read (HttpClient, ResponseContentRead). In-app = first middleware until the pipeline returned.");
        Say("");
        Say("| page | bytes | contributions on the page | first request ms | p50 ms | p95 ms | p99 ms | max ms | in-app p50 / p95 ms | 2nd half p50 / p95 ms | SQL per request | DB time p50 ms | EF query compilations | others' CPU | target p95 | met |");
        Say("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        var ok = true;
        foreach (var (name, url, expected, target) in cases)
        {
            var firstWatch = Stopwatch.StartNew();
            var check = await anonymous.SendAsync(HttpMethod.Get, url);
            var firstMs = firstWatch.Elapsed.TotalMilliseconds;
            var html = Encoding.UTF8.GetString(check.Body);
            var items = CountOccurrences(html, "<li id=\"beitrag-");
            if (check.Status != HttpStatusCode.OK || items != expected)
            {
                throw new InvalidOperationException($"{name}: {url} answered {(int)check.Status} with {items} contributions (expected {expected})");
            }

            await File.WriteAllTextAsync(Path.Combine(run.OutDir, $"page-{run.Eng}-{Slug(name)}.html"), html);
            var timing = await TimePageAsync(anonymous, url, options.Warmup, options.Requests, machine);
            await timing.WriteCsvAsync(Path.Combine(run.OutDir, $"times-{run.Eng}-{Slug(name)}.csv"));
            var (times, inApp, second) = (timing.Times, timing.InApp, timing.SecondHalf);
            var p95 = Percentile(times, 95);
            var met = !target ? "–" : p95 <= TargetMs ? "yes" : "**no**";
            ok &= !target || p95 <= TargetMs;
            Say(string.Create(Inv, $"| {name} | {timing.Bytes} | {items} | {firstMs:F0} | {Percentile(times, 50):F2} | **{p95:F2}** | {Percentile(times, 99):F2} | {times.Max():F2} | " +
                $"{Percentile(inApp, 50):F2} / {Percentile(inApp, 95):F2} | {Percentile(second, 50):F2} / {Percentile(second, 95):F2} | {timing.Commands:F1} | {Percentile(timing.Db, 50):F2} | " +
                $"{timing.Records.Sum(x => x.Compilations)} | {timing.OthersPercent:F0} % | {(target ? "≤ 100 ms" : "–")} | {met} |"));
        }

        Say("");
        Say("## SQL per request (one request each, after the timing runs)");
        foreach (var (name, url, _, _) in cases)
        {
            var record = await SqlOfOneRequestAsync(anonymous, url);
            var file = Path.Combine(run.OutDir, $"sql-{run.Eng}-{Slug(name)}.txt");
            await File.WriteAllLinesAsync(file, record.Sql.Select((s, k) => $"-- #{k + 1}, {s.Duration.TotalMilliseconds:F3} ms, {s.Rows} rows\n{s.Sql}\n"));
            Say(string.Create(Inv, $"- {name}: {record.Sql.Count} commands, {record.Rows} rows read, {record.DbTime.TotalMilliseconds:F2} ms on the database (as EF measured it), in-app {record.InApp.TotalMilliseconds:F2} ms; " +
                $"slowest: {string.Join(", ", record.Sql.OrderByDescending(s => s.Duration).Take(3).Select(s => $"{s.Duration.TotalMilliseconds:F2} ms `{FirstWords(s.Sql, 90)}`"))}; full list: {file}"));
        }

        Say("");
        Say("## Where the in-app time goes (medians of 50 requests per page, MVC diagnostic events on)");
        Say("");
        Say("| page | in-app ms | before the page action | page handler (OnGetAsync, all SQL) | views (page + layout) | rest of the action | after the action |");
        Say("|---|---|---|---|---|---|---|");
        foreach (var (name, url, _, _) in cases)
        {
            Say(await PhasesRowAsync(anonymous, url, name, 50));
        }

        if (await Wrk.CreateAsync(run, baseUrl, machine) is { } wrk)
        {
            Say("");
            Say($"## wrk cross-check ({options.WrkSeconds} s each after a 3 s warm-up, `wrk -t1 -cN --latency`, same server)");
            Say("");
            Say(Wrk.Header);
            Say(await wrk.RowAsync(cases[0].Name, cases[0].Url, 1, options.WrkSeconds));
            Say(await wrk.RowAsync(cases[0].Name, cases[0].Url, 8, options.WrkSeconds));
        }

        return ok;

        static string Slug(string name) => new string(name.TakeWhile(c => c != '(').Select(c => char.IsLetterOrDigit(c) ? c : '-').ToArray()).Trim('-');
    }
}
