using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Masterplan.Web.Data;
using Masterplan.Web.Features.OParl;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Masterplan.Bench.Report;

// The OParl targets (docs/domain.md#performance-targets): with ten years of data on PostgreSQL (2,000 meetings, 20,000
// agenda items, 5,000 papers, 10,000 files) a full crawl of the API from the System object ≤ 60 s; list pages (first and
// middle page of the body's meeting, paper, agendaItem, file, person and organization lists, default limit) p95 ≤ 30 ms;
// an incremental crawl with modified_since = one week ago ≤ 2 s.
//
// Starts the real app (Program.cs, Production environment, migrations and reference data at start) on Kestrel on a
// loopback port in this process, writes the ten years with COPY (Seed.cs), then crawls and times over HTTP.
//
// Usage: dotnet run -c Release --project bench/OParl -- --engine postgres --postgres "Host=…;Username=…"
//        [--meetings 2000] [--papers 5000] [--workers 4] [--crawl-runs 1] [--requests 200] [--warmup 50] [--out DIR] [--pg-pid PID]
// --crawl-runs strict full crawls are made, then one lean one; bench/OParl/run.sh passes the settings of its header.
namespace Masterplan.Bench.OParl;

/// <summary>Entry point (a class of its own: top-level statements would clash with the app's <c>Program</c>).</summary>
internal static class BenchMain
{
    private const double CrawlTargetSeconds = 60;
    private const double ListTargetMs = 30;
    private const double UpdateTargetSeconds = 2;

    public static async Task<int> Main(string[] args)
    {
        var (meetings, papers, workers, crawlRuns, cold) = (2000, 5000, 4, 1, 20);
        var options = BenchOptions.Parse(args, requests: 200, (arg, next) =>
        {
            int Int() => int.Parse(next(), CultureInfo.InvariantCulture);
            switch (arg)
            {
                case "--meetings": meetings = Int(); return true;
                case "--papers": papers = Int(); return true;
                case "--workers": workers = Int(); return true;
                case "--crawl-runs": crawlRuns = Int(); return true;
                case "--cold": cold = Int(); return true;
                default: return false;
            }
        });
        if (options is null || options.Engine != DatabaseProvider.Postgres)
        {
            Console.Error.WriteLine("the OParl bench runs on PostgreSQL: --engine postgres --postgres \"Host=…\"");
            return 2;
        }

        if (BenchRun.Create(options, "oparl") is not { } created)
        {
            return 2;
        }

        await using var run = created;
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        var machine = new Machine(options.PostgresPid);
        Say($"# OParl benchmark, {options.Engine}, {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC");
        Say(BenchRun.MachineLine());
        using var efListener = Probe.ListenToEf();
        var (baseUrl, startLine) = await run.StartAsync();
        Say(startLine);

        var now = DateTimeOffset.UtcNow;
        var seedWatch = Stopwatch.StartNew();
        var s = await Seed.RunAsync(run.App.Services, run.ConnectionString, now, meetings: meetings, papers: papers);
        Say($"seeded in {seedWatch.Elapsed.TotalSeconds:F1} s (COPY, then VACUUM ANALYZE): {s.Meetings} meetings ({s.PublicMeetings} public), {s.Items} agenda items, " +
            $"{s.Links} agenda links to papers, {s.Papers} papers, {s.Consultations} consultations ({s.ScheduledConsultations} scheduled on an item), " +
            $"{s.Files} files ({s.PdfBytes / 1024 / 1024} MiB of PDF), {s.Persons} persons ({s.ConsentingPersons} consented), {s.Memberships} memberships, " +
            $"{s.Tombstones} tombstones; {s.RecentRows} rows changed in the last week");

        // What a crawl must find: every public object once (the module's own sets, counted in the database).
        var expected = await ExpectedAsync(run.App.Services, null);
        Say($"public objects in the database: {string.Join(", ", expected.Select(e => $"{e.Key} {e.Value}"))}; total {expected.Values.Sum()}");
        var ok = true;

        // --- full crawl ------------------------------------------------------------------------------------------------
        Say("");
        Say($"## Full crawl from the System object ({workers} requests in flight; every list page through links.next)");
        Say("strict: every object URL once, embedded objects and objects from lists too; lean: objects taken from lists and embedded as they are, only URLs without an object fetched. " +
            "\"client reading\" is the crawler's own parsing, summed over its workers; \"on idle cores\" is the CPU the bench process (app and client) and PostgreSQL took, divided by the cores: what the crawl needs with nothing else running.");
        Say("");
        Say("| run | time s | requests | list pages | req/s | MiB | objects | deleted | failures | in-app p50 / p95 ms | SQL per request | client reading s | others' CPU | bench process CPU s | PostgreSQL CPU s | CPU per request ms | on idle cores s | target | met |");
        Say("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        Crawler? last = null;
        foreach (var (r, strict) in Enumerable.Range(1, crawlRuns).Select(r => ($"{r}, strict", true)).Append(("lean", false)))
        {
            Probe.Drain();
            var before = machine.Take();
            var crawler = new Crawler(baseUrl, workers, strict);
            var elapsed = await crawler.RunAsync();
            var after = machine.Take();
            var records = Probe.Drain();
            var inApp = records.Select(x => x.InApp.TotalMilliseconds).ToList();
            // The CPU the crawl itself took (app, client and PostgreSQL): spread over idle cores, the time it would need on a quiet machine.
            var cpu = Machine.OwnSeconds(before, after) + Machine.PostgresSeconds(before, after);
            var met = elapsed.TotalSeconds <= CrawlTargetSeconds && crawler.Failures.Count == 0;
            ok &= met;
            Say(string.Create(Inv, $"| {r} | **{elapsed.TotalSeconds:F1}** | {crawler.Requests} | {crawler.ListPages} | {crawler.Requests / elapsed.TotalSeconds:F0} | {crawler.Bytes / 1048576.0:F0} | " +
                $"{crawler.Objects.Count} | {crawler.Objects.Values.Count(v => v == "deleted")} | {crawler.Failures.Count} | {Percentile(inApp, 50):F2} / {Percentile(inApp, 95):F2} | " +
                $"{(records.Count == 0 ? 0 : records.Average(x => x.Commands)):F1} | {crawler.ParseTime.TotalSeconds:F1} | {Machine.OthersPercent(before, after):F0} % | " +
                $"{Machine.OwnSeconds(before, after):F1} | {Machine.PostgresSeconds(before, after):F1} | {cpu * 1000 / Math.Max(1, crawler.Requests):F2} | {cpu / Machine.Cores:F1} | ≤ {CrawlTargetSeconds} s | {(met ? "yes" : "**no**")} |"));
            last = strict ? crawler : last ?? crawler;
        }

        foreach (var failure in last!.Failures.Take(5))
        {
            Say($"- failure: {failure}");
        }

        var found = last.Objects.Values.Where(v => v != "deleted").GroupBy(v => v).ToDictionary(g => g.Key, g => g.Count());
        var mismatch = expected.Where(e => found.GetValueOrDefault(e.Key) != e.Value).Select(e => $"{e.Key}: found {found.GetValueOrDefault(e.Key)}, expected {e.Value}").ToList();
        Say(mismatch.Count == 0
            ? $"The crawl found every public object exactly once ({found.Values.Sum()}; by type: {string.Join(", ", found.OrderBy(f => f.Key).Select(f => $"{f.Key} {f.Value}"))})."
            : $"**Crawl and database disagree**: {string.Join("; ", mismatch)}");
        ok &= mismatch.Count == 0;

        // --- list pages ------------------------------------------------------------------------------------------------
        using var browser = new Browser(baseUrl);
        var bodyList = JsonNode.Parse((await browser.SendAsync(HttpMethod.Get, "/oparl/v1/body")).Body)!;
        var bodyPath = new Uri((string)bodyList["data"]![0]!["id"]!).AbsolutePath;
        Say("");
        Say($"## List pages: {options.Requests} sequential GETs each after {options.Warmup} warm-up requests, one keep-alive connection, default limit (100)");
        Say($"The app keeps written answers until the next change of what the API shows; \"after a write\" is {cold} GETs each right after such a change " +
            "(the OParl data version moved in the database, as every save of a shown entity does), so the page is written anew each time.");
        Say("");
        Say("| list | page | objects | bytes | first request ms | p50 ms | p95 ms | p99 ms | max ms | in-app p50 / p95 ms | SQL per request | DB time p50 ms | after a write p50 / p95 ms | others' CPU | target p95 | met |");
        Say("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        var pages = new List<(string Name, string Url)>();
        foreach (var list in new[] { "meeting", "paper", "agendaItem", "file", "person", "organization" })
        {
            var url = $"{bodyPath}/{list}";
            // The pages' URLs as the list names them (links.next: page numbers or keyset cursors, whichever the server writes).
            var pageUrls = new List<string> { url };
            var node = JsonNode.Parse((await browser.SendAsync(HttpMethod.Get, url)).Body)!;
            while (node["links"]?["next"] is JsonValue nextLink)
            {
                pageUrls.Add(new Uri((string)nextLink!).PathAndQuery);
                node = JsonNode.Parse((await browser.SendAsync(HttpMethod.Get, pageUrls[^1])).Body)!;
            }

            var total = pageUrls.Count;
            foreach (var (label, page) in new[] { ("first", 1), ("middle", Math.Max(1, (total + 1) / 2)) })
            {
                var pageUrl = pageUrls[page - 1];
                pages.Add(($"{list} {label}", pageUrl));
                var watch = Stopwatch.StartNew();
                var check = await browser.SendAsync(HttpMethod.Get, pageUrl);
                var firstMs = watch.Elapsed.TotalMilliseconds;
                if (check.Status != HttpStatusCode.OK)
                {
                    throw new InvalidOperationException($"{pageUrl} answered {(int)check.Status}");
                }

                var count = JsonNode.Parse(check.Body)!["data"]!.AsArray().Count;
                var timing = await TimePageAsync(browser, pageUrl, options.Warmup, options.Requests, machine);
                await timing.WriteCsvAsync(Path.Combine(run.OutDir, $"times-{list}-{label}.csv"));
                var p95 = Percentile(timing.Times, 95);
                ok &= p95 <= ListTargetMs;
                var written = await AfterWritesAsync(browser, run.ConnectionString, pageUrl, cold);
                Say(string.Create(Inv, $"| {list} | {label} ({page} of {total}) | {count} | {timing.Bytes} | {firstMs:F0} | {Percentile(timing.Times, 50):F2} | **{p95:F2}** | " +
                    $"{Percentile(timing.Times, 99):F2} | {timing.Times.Max():F2} | {Percentile(timing.InApp, 50):F2} / {Percentile(timing.InApp, 95):F2} | {timing.Commands:F1} | " +
                    $"{Percentile(timing.Db, 50):F2} | {Percentile(written, 50):F2} / {Percentile(written, 95):F2} | {timing.OthersPercent:F0} % | ≤ {ListTargetMs} ms | {(p95 <= ListTargetMs ? "yes" : "**no**")} |"));
            }
        }

        Say("");
        Say("## SQL per request (one request each, right after a change: written anew)");
        foreach (var (name, url) in pages.Where(p => p.Name.EndsWith("middle", StringComparison.Ordinal)))
        {
            // As written anew (after a change), not as kept.
            await MoveVersionAsync(run.ConnectionString);
            var record = await SqlOfAsync(browser, url);
            var file = Path.Combine(run.OutDir, $"sql-{name.Replace(' ', '-')}.txt");
            var explained = new List<string>();
            foreach (var q in record.Sql)
            {
                explained.Add($"-- #{explained.Count + 1}, {q.Duration.TotalMilliseconds:F3} ms, {q.Rows} rows\n{q.Sql}\n{await ExplainAsync(run.ConnectionString, q)}\n");
            }

            await File.WriteAllLinesAsync(file, explained);
            Say(string.Create(Inv, $"- {name}: {record.Sql.Count} commands, {record.Rows} rows read, {record.DbTime.TotalMilliseconds:F2} ms on the database, in-app {record.InApp.TotalMilliseconds:F2} ms; " +
                $"slowest: {string.Join(", ", record.Sql.OrderByDescending(q => q.Duration).Take(2).Select(q => $"{q.Duration.TotalMilliseconds:F2} ms `{FirstWords(q.Sql, 100)}`"))}"));
        }

        // --- incremental crawl -----------------------------------------------------------------------------------------
        var since = now.AddDays(-7);
        var query = "?modified_since=" + Uri.EscapeDataString(since.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture));
        var changed = await ExpectedAsync(run.App.Services, since.ToUniversalTime());
        Say("");
        Say($"## Incremental crawl: the body's lists and each organization's lists with `{query}` ({workers} requests in flight)");
        Say($"changed public objects in the database: {string.Join(", ", changed.Select(e => $"{e.Key} {e.Value}"))}");
        Say("");
        Say("| run | time s | requests | objects | deleted | failures | others' CPU | target | met |");
        Say("|---|---|---|---|---|---|---|---|---|");
        var slowest = new List<RequestRecord>();
        for (var r = 1; r <= 3; r++)
        {
            Probe.Drain();
            var before = machine.Take();
            var crawler = new Crawler(baseUrl, workers);
            var elapsed = await crawler.RunAsync(query);
            var after = machine.Take();
            var met = elapsed.TotalSeconds <= UpdateTargetSeconds && crawler.Failures.Count == 0;
            ok &= met;
            Say(string.Create(Inv, $"| {r} | **{elapsed.TotalSeconds:F2}** | {crawler.Requests} | {crawler.Objects.Count} | {crawler.Objects.Values.Count(v => v == "deleted")} | {crawler.Failures.Count} | " +
                $"{Machine.OthersPercent(before, after):F0} % | ≤ {UpdateTargetSeconds} s | {(met ? "yes" : "**no**")} |"));
            slowest = Probe.Drain();
        }

        Say("");
        Say(string.Create(Inv, $"Last run: {slowest.Count} requests, in-app sum {slowest.Sum(x => x.InApp.TotalMilliseconds):F0} ms, database {slowest.Sum(x => x.DbTime.TotalMilliseconds):F0} ms; slowest: ") +
            string.Join(", ", slowest.OrderByDescending(x => x.InApp).Take(6).Select(x => string.Create(Inv, $"{x.Path.Split('?')[0]} {x.InApp.TotalMilliseconds:F1} ms ({x.Commands} SQL, {x.DbTime.TotalMilliseconds:F1} ms)"))));

        Say("");
        Say($"load average at the end: {Machine.LoadAverage()}; outputs in {run.OutDir}");
        return ok ? 0 : 1;
    }

    /// <summary>
    /// One request with the SQL kept. The probe books a request when the pipeline has returned, which can be a moment after
    /// the client has read the last byte, so this waits for the record.
    /// </summary>
    private static async Task<RequestRecord> SqlOfAsync(Browser client, string url)
    {
        Probe.KeepSql = true;
        Probe.Drain();
        await Expect200(client, url);
        var records = new List<RequestRecord>();
        for (var wait = 0; wait < 100 && records.Count == 0; wait++)
        {
            await Task.Delay(wait == 0 ? 0 : 10);
            records.AddRange(Probe.Drain().Where(x => x.Path == url));
        }

        Probe.KeepSql = false;
        return records.Single();
    }

    /// <summary>
    /// The page's time when nothing of it is kept: each GET right after the OParl data version moved in the database, as the app
    /// moves it with every save of an entity the API shows (creating the row on a build that has none changes nothing there).
    /// </summary>
    private static async Task<List<double>> AfterWritesAsync(Browser client, string connectionString, string url, int requests)
    {
        var times = new List<double>();
        for (var i = 0; i < requests; i++)
        {
            await MoveVersionAsync(connectionString);
            var watch = Stopwatch.StartNew();
            await Expect200(client, url);
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        return times;
    }

    private static async Task MoveVersionAsync(string connectionString)
    {
        await using var connection = new Npgsql.NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var move = new Npgsql.NpgsqlCommand(
            "INSERT INTO \"ReferenceDataVersions\" (\"Name\", \"Version\", \"AppliedAt\") VALUES ('oparl', 1, now()) " +
            "ON CONFLICT (\"Name\") DO UPDATE SET \"Version\" = \"ReferenceDataVersions\".\"Version\" + 1", connection);
        await move.ExecuteNonQueryAsync();
    }

    /// <summary>EXPLAIN (ANALYZE, BUFFERS) of a command as EF sent it, with the same parameter values.</summary>
    private static async Task<string> ExplainAsync(string connectionString, SqlRecord sql)
    {
        await using var connection = new Npgsql.NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("EXPLAIN (ANALYZE, BUFFERS) " + sql.Sql, connection);
        foreach (var (name, value) in sql.Parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add("--   " + reader.GetString(0));
        }

        return string.Join('\n', lines);
    }

    /// <summary>The public objects per OParl type (changed since <paramref name="since"/>, when given), from the API's own sets.</summary>
    private static async Task<SortedDictionary<string, int>> ExpectedAsync(IServiceProvider services, DateTimeOffset? since)
    {
        await using var scope = services.CreateAsyncScope();
        var o = scope.ServiceProvider.GetRequiredService<OParlObjects>();
        async Task<int> Count<T>(IQueryable<T> set)
            where T : class, Masterplan.Web.Shared.ITimestamped =>
            since is { } s ? await set.CountAsync(x => x.Modified >= s) : await set.CountAsync();
        return new SortedDictionary<string, int>(StringComparer.Ordinal)
        {
            ["Body"] = await Count(o.Bodies), ["Organization"] = await Count(o.Organizations), ["Person"] = await Count(o.Persons),
            ["Membership"] = await Count(o.Memberships), ["Meeting"] = await Count(o.Meetings), ["AgendaItem"] = await Count(o.AgendaItems),
            ["File"] = await Count(o.Files) + await Count(o.PaperFiles), ["Paper"] = await Count(o.Papers), ["Consultation"] = await Count(o.Consultations), ["Location"] = await Count(o.Locations),
        };
    }
}
