using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Runtime;
using System.Text;
using Masterplan.Documents;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Audit;
using Masterplan.Web.Features.Catalogue;
using Masterplan.Web.Features.Districts;
using Masterplan.Web.Features.Reports;
using Masterplan.Web.Shared;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

// Issue 6, "Performance": with 5,000 measures, 50,000 status updates and 200 indicators with 10 years of monthly values,
// the public catalogue page's server time p95 ≤ 100 ms, the catalogue as of a date ≤ 300 ms, the status overview PDF for
// 500 measures ≤ 3 s; on SQLite and PostgreSQL.
//
// Starts the real app (Program.cs, Production environment, migrations and reference data at start) on Kestrel on a
// loopback port in this process, writes the catalogue's history through CatalogueEditor (with a set clock), seeds 500
// measures and the indicators through the app's AppDbContext, times StatusOverview.BuildAsync + ToDocument +
// PdfRenderer.Render for those 500 measures, seeds the other 4,500 measures, then times the public catalogue pages
// sequentially over HTTP, profiles the SQL of one request per page and cross-checks the catalogue page with wrk.
//
// Usage: dotnet run -c Release --project bench/Catalogue -- --engine sqlite|postgres [--postgres "Host=…;Username=…"]
//        [--requests 500] [--warmup 50] [--runs 5] [--measures 5000] [--pdf-measures 500] [--wrk-seconds 10 | --no-wrk]
//        [--out DIR] [--pg-pid PID] [--no-full-pdf]
// --postgres (or MASTERPLAN_BENCH_POSTGRES) is a connection string to a server where the user may create databases;
// the bench creates a fresh database masterplan_bench_<pid> there and drops it at the end.
namespace Masterplan.Bench.Catalogue;

/// <summary>Entry point (a class of its own: top-level statements would clash with the app's <c>Program</c>).</summary>
internal static class BenchMain
{
    public static async Task<int> Main(string[] args)
    {
        var engine = DatabaseProvider.Sqlite;
        var postgres = Environment.GetEnvironmentVariable("MASTERPLAN_BENCH_POSTGRES");
        int requests = 500, warmup = 50, runs = 5, wrkSeconds = 10, measureCount = 5000, pdfMeasures = 500;
        int? pgPid = null;
        bool useWrk = true, fullPdf = true;
        string? outDir = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--engine": engine = args[++i].StartsWith("p", StringComparison.OrdinalIgnoreCase) ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite; break;
                case "--postgres": postgres = args[++i]; break;
                case "--requests": requests = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--warmup": warmup = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--runs": runs = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--measures": measureCount = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--pdf-measures": pdfMeasures = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--wrk-seconds": wrkSeconds = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--no-wrk": useWrk = false; break;
                case "--no-full-pdf": fullPdf = false; break;
                case "--out": outDir = args[++i]; break;
                case "--pg-pid": pgPid = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                default: Console.Error.WriteLine($"unknown argument {args[i]}"); return 2;
            }
        }

        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        var inv = CultureInfo.InvariantCulture;
        var eng = engine.ToString().ToLowerInvariant();
        var machine = new Machine(pgPid);
        var work = Path.Combine(Path.GetTempPath(), $"masterplan-bench-catalogue-{Environment.ProcessId}");
        Directory.CreateDirectory(work);
        outDir ??= work;
        Directory.CreateDirectory(outDir);

        string connectionString;
        string? dropDatabase = null;
        if (engine == DatabaseProvider.Postgres)
        {
            if (string.IsNullOrWhiteSpace(postgres))
            {
                Console.Error.WriteLine("PostgreSQL needs --postgres \"Host=127.0.0.1;Port=…;Username=postgres;Database=postgres\" or MASTERPLAN_BENCH_POSTGRES");
                return 2;
            }

            dropDatabase = $"masterplan_bench_{Environment.ProcessId}";
            connectionString = new NpgsqlConnectionStringBuilder(postgres) { Database = dropDatabase }.ConnectionString;
        }
        else
        {
            connectionString = $"Data Source={Path.Combine(work, "bench.db")}";
        }

        Say($"# Catalogue benchmark, {engine}, {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC");
        Say($"machine: {Machine.Cores} cores, {File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()}, " +
            $"load {Machine.LoadAverage()}; .NET {Environment.Version}; server GC {GCSettings.IsServerGC}; " +
            $"build {(typeof(BenchApp).Assembly.GetCustomAttributes(typeof(DebuggableAttribute), false).OfType<DebuggableAttribute>().Any(d => d.IsJITOptimizerDisabled) ? "Debug (!)" : "Release")}");

        using var efListener = Probe.ListenToEf();
        await using var app = new BenchApp(engine, connectionString);
        var started = Stopwatch.StartNew();
        var baseUrl = app.Start();
        Say($"app: {baseUrl}, started (migrations and reference data) in {started.Elapsed.TotalSeconds:F2} s; database: {(engine == DatabaseProvider.Postgres ? "PostgreSQL " + await ServerVersionAsync() : "SQLite " + SqliteVersion())}");

        // ---- seed, part 1: the catalogue's history, the first 500 measures and the indicators ---------------------------
        var historyFirst = new DateOnly(2023, 1, 16);
        var historyLast = Seed.Today.AddDays(-30);
        var history = await Seed.HistoryAsync(app.Services, add: 200, renames: 50, moves: 50, historyFirst, historyLast);
        Say(string.Create(inv, $"history in {history.Elapsed.TotalSeconds:F1} s: {history.NodesBefore} seeded nodes, then {history.Added} added, {history.Renamed} renamed, {history.Moved} moved " +
            $"through CatalogueEditor between {history.First:yyyy-MM-dd} and {history.Last:yyyy-MM-dd} (clock set per change); {history.Versions} versions; {history.ActiveNodes} nodes today"));
        var part1 = await Seed.MeasuresAsync(app.Services, 0, pdfMeasures);
        Say(string.Create(inv, $"measures 1–{pdfMeasures} in {part1.Elapsed.TotalSeconds:F1} s: {part1.Updates} status updates, {part1.Milestones} milestones ({part1.Overdue} overdue), {part1.Districts} district and {part1.Units} unit links"));
        var indicators = await Seed.IndicatorsAsync(app.Services, 200);
        Say(string.Create(inv, $"indicators in {indicators.Elapsed.TotalSeconds:F1} s: {indicators.Indicators} with {indicators.Values} monthly values"));

        // ---- the status overview PDF for 500 measures (what the Office page's PDF handler does, in-process) ----------------
        PdfRenderer.UseAgplLicense();
        var today = Seed.Today;
        Say("");
        Say($"## Status overview, {pdfMeasures} measures: StatusOverview.BuildAsync + ToDocument + PdfRenderer.Render, median of {runs} after one warm-up, each run in a fresh scope (DbContext)");
        Say("");
        Say("| measures | period | pages | bytes | BuildAsync ms | ToDocument ms | Render ms | total median (min–max) ms | CPU per run ms | first run ms | SQL commands | target | met |");
        Say("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        var pdfResults = new List<double>();
        foreach (var (label, from) in new[] { ("last 3 months (the page's default)", today.AddMonths(-3)), ("last 12 months", today.AddMonths(-12)) })
        {
            var total = await TimePdfAsync(pdfMeasures, label, from, today, runs, true);
            pdfResults.Add(total);
        }

        // ---- seed, part 2: the other 4,500 measures ------------------------------------------------------------------------
        var part2 = await Seed.MeasuresAsync(app.Services, pdfMeasures, measureCount);
        Say("");
        Say(string.Create(inv, $"measures {pdfMeasures + 1}–{measureCount} in {part2.Elapsed.TotalSeconds:F1} s: {part2.Updates} status updates, {part2.Milestones} milestones ({part2.Overdue} overdue), {part2.Districts} district and {part2.Units} unit links"));
        int topField, asOfNodes;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var counts = new[]
            {
                await db.Measures.CountAsync(), await db.Measures.CountAsync(m => m.IsPublic), await db.MeasureStatusUpdates.CountAsync(), await db.Milestones.CountAsync(),
                await db.Indicators.CountAsync(), await db.IndicatorValues.CountAsync(), await db.FieldsOfAction.CountAsync(f => !f.IsRetired),
                await db.FieldOfActionVersions.CountAsync(), await db.AuditEntries.CountAsync(),
            };
            Say(string.Create(inv, $"database now: {counts[0]} measures ({counts[1]} public), {counts[2]} status updates, {counts[3]} milestones, {counts[4]} indicators, " +
                $"{counts[5]} indicator values, {counts[6]} nodes, {counts[7]} node versions, {counts[8]} audit entries"));

            // The top-level field with the most measures below it (the heaviest filter).
            var tree = await scope.ServiceProvider.GetRequiredService<Masterplan.Web.Features.Catalogue.CatalogueTree>().LoadAsync();
            var perNode = await db.Measures.GroupBy(m => m.FieldOfActionId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
            topField = tree.OrderByDescending(f => f.SelfAndDescendants().Sum(n => perNode.GetValueOrDefault(n.Id))).First().Id;
            Say(string.Create(inv, $"filter field: {topField} ({tree.Single(f => f.Id == topField).Number} {tree.Single(f => f.Id == topField).Title}) with {tree.Single(f => f.Id == topField).SelfAndDescendants().Sum(n => perNode.GetValueOrDefault(n.Id))} measures in its subtree"));
            asOfNodes = 0;
        }

        // The middle of the history, and a diff over its middle two years.
        var middle = DateOnly.FromDayNumber((historyFirst.DayNumber + historyLast.DayNumber) / 2);
        var diffFrom = middle.AddYears(-1);
        var diffTo = middle.AddYears(1);
        using var anonymous = new Browser(baseUrl);
        var cases = new List<(string Name, string Url, string Target)>
        {
            ("public catalogue with progress roll-up", "/handlungsfelder", "≤ 100 ms"),
            ("catalogue as of a date (middle of the history)", $"/handlungsfelder?stand={middle:yyyy-MM-dd}", "≤ 300 ms"),
            ("changes between two dates (diff)", $"/handlungsfelder/aenderungen?von={diffFrom:yyyy-MM-dd}&bis={diffTo:yyyy-MM-dd}", "–"),
            ("changes since the catalogue began (page default)", "/handlungsfelder/aenderungen", "–"),
            ("public measure list, first page of 50", "/massnahmen", "–"),
            ("measure list filtered by a top-level field", $"/massnahmen?feld={topField}", "–"),
        };

        // Indicator pages, when the committed source has them.
        var kpi = await anonymous.SendAsync(HttpMethod.Get, "/kennzahlen");
        if (kpi.Status == HttpStatusCode.OK)
        {
            cases.Add(("indicator list", "/kennzahlen", "–"));
            await using var scope = app.Services.CreateAsyncScope();
            var id = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Indicators.OrderBy(i => i.Id).Select(i => i.Id).FirstAsync();
            cases.Add(("indicator page (120 values, chart)", $"/kennzahlen/{id}", "–"));
        }
        else
        {
            Say($"indicator pages: GET /kennzahlen answered {(int)kpi.Status}: no indicator pages at this commit, not measured");
        }

        Say("");
        Say($"## Server time: {requests} sequential GETs per page after {warmup} warm-up requests, one keep-alive connection, anonymous, client in the same process");
        Say("Server time = from SendAsync until the last body byte is read (HttpClient, ResponseContentRead) on loopback. In-app = first middleware until the pipeline returned.");
        Say("");
        Say("| page | bytes | nodes / table rows on page | first request ms | p50 ms | p95 ms | p99 ms | max ms | mean ms | in-app p50 / p95 ms | 2nd half p50 / p95 ms | SQL per request | DB time p50 ms | rows read p50 | EF query compilations | others' CPU | target p95 | met |");
        Say("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        var results = new List<(string Name, double P95, string Target)>();
        foreach (var (name, url, target) in cases)
        {
            var firstWatch = Stopwatch.StartNew();
            var check = await anonymous.SendAsync(HttpMethod.Get, url);
            var firstMs = firstWatch.Elapsed.TotalMilliseconds;
            var html = Encoding.UTF8.GetString(check.Body);
            if (check.Status != HttpStatusCode.OK)
            {
                throw new InvalidOperationException($"{name}: {url} answered {(int)check.Status}");
            }

            await File.WriteAllTextAsync(Path.Combine(outDir, $"page-{eng}-{Slug(name)}.html"), html);
            var entries = url.StartsWith("/handlungsfelder?", StringComparison.Ordinal) || url == "/handlungsfelder" ? CountOccurrences(html, "<span class=\"number\">") : Math.Max(0, CountOccurrences(html, "<tr>") - 1);
            if (url.StartsWith("/handlungsfelder?", StringComparison.Ordinal))
            {
                asOfNodes = entries;
            }

            for (var w = 0; w < warmup; w++)
            {
                await Expect200(url);
            }

            Probe.Drain();
            var before = machine.Take();
            var times = new List<double>(requests);
            var bytes = 0;
            for (var r = 0; r < requests; r++)
            {
                var (elapsed, status, length) = await anonymous.TimeGetAsync(url);
                if (status != HttpStatusCode.OK)
                {
                    throw new InvalidOperationException($"{name}: request {r} answered {(int)status}");
                }

                times.Add(elapsed.TotalMilliseconds);
                bytes = length;
            }

            var after = machine.Take();
            var records = Probe.Drain().Where(x => x.Path == url).ToList();
            var inApp = records.Select(x => x.InApp.TotalMilliseconds).ToList();
            var db = records.Select(x => x.DbTime.TotalMilliseconds).ToList();
            var commands = records.Count == 0 ? 0 : records.Average(x => x.Commands);
            await File.WriteAllLinesAsync(Path.Combine(outDir, $"times-{eng}-{Slug(name)}.csv"),
                times.Select((t, k) => string.Create(inv, $"{k + 1},{t:F3},{(k < records.Count ? records[k].InApp.TotalMilliseconds : double.NaN):F3},{(k < records.Count ? records[k].DbTime.TotalMilliseconds : double.NaN):F3}"))
                    .Prepend("request,client_ms,in_app_ms,db_ms"));
            var secondHalf = times.Skip(times.Count / 2).ToList();
            var p95 = Percentile(times, 95);
            results.Add((name, p95, target));
            var limit = TargetMs(target);
            var met = limit is null ? "–" : p95 <= limit ? "yes" : "**no**";
            Say(string.Create(inv, $"| `{url}` ({name}) | {bytes} | {entries} | {firstMs:F0} | {Percentile(times, 50):F2} | {p95:F2} | {Percentile(times, 99):F2} | {times.Max():F2} | {times.Average():F2} | " +
                $"{Percentile(inApp, 50):F2} / {Percentile(inApp, 95):F2} | {Percentile(secondHalf, 50):F2} / {Percentile(secondHalf, 95):F2} | {commands:F1} | {Percentile(db, 50):F2} | " +
                $"{Percentile(records.Select(x => (double)x.Rows).ToList(), 50):F0} | {records.Sum(x => x.Compilations)} | {Machine.OthersPercent(before, after):F0} % | {target} | {met} |"));
        }

        // One request per page with the SQL kept: which commands, how long each took on the database.
        Say("");
        Say("## SQL per request (one request each, after the timing runs)");
        Probe.KeepSql = true;
        foreach (var (name, url, _) in cases)
        {
            Probe.Drain();
            await Expect200(url);
            var record = Probe.Drain().Single(x => x.Path == url);
            var file = Path.Combine(outDir, $"sql-{eng}-{Slug(name)}.txt");
            await File.WriteAllLinesAsync(file, record.Sql.Select((s, k) => $"-- #{k + 1}, {s.Duration.TotalMilliseconds:F3} ms, {s.Rows} rows read\n{s.Sql}\n"));
            Say(string.Create(inv, $"- `{url}`: {record.Sql.Count} commands, {record.DbTime.TotalMilliseconds:F2} ms on the database (as EF measured it: until the reader opened), {record.Rows} rows read, in-app {record.InApp.TotalMilliseconds:F2} ms; " +
                $"slowest: {string.Join(", ", record.Sql.OrderByDescending(s => s.Duration).Take(3).Select(s => $"{s.Duration.TotalMilliseconds:F2} ms / {s.Rows} rows `{FirstWords(s.Sql)}`"))}; full list: {file}"));
        }

        Probe.KeepSql = false;

        // Where the in-app time goes, from MVC's diagnostic events (on only for these requests).
        Say("");
        Say("## Where the in-app time goes (medians of 100 requests per page, MVC diagnostic events on)");
        Say("");
        Say("| page | in-app ms | before the page action | page handler (OnGetAsync, all SQL and in-memory work) | views (page + layout + partials) | rest of the action | after the action |");
        Say("|---|---|---|---|---|---|---|");
        Probe.Phases = true;
        foreach (var (name, url, _) in cases)
        {
            Probe.Drain();
            for (var r = 0; r < 100; r++)
            {
                await Expect200(url);
            }

            var records = Probe.Drain().Where(x => x.Path == url && x.ActionStart > 0 && x.ViewEnd > 0).ToList();
            double Ms(Func<RequestRecord, long> from, Func<RequestRecord, long> to) =>
                Percentile(records.Select(x => (to(x) - from(x)) * 1000.0 / Stopwatch.Frequency).ToList(), 50);
            var end = (Func<RequestRecord, long>)(x => x.Started + (long)(x.InApp.TotalSeconds * Stopwatch.Frequency));
            Say(string.Create(inv, $"| `{url}` | {Percentile(records.Select(x => x.InApp.TotalMilliseconds).ToList(), 50):F2} | {Ms(x => x.Started, x => x.ActionStart):F2} | " +
                $"{Ms(x => x.HandlerStart, x => x.HandlerEnd):F2} | {Ms(x => x.ViewStart, x => x.ViewEnd):F2} | " +
                $"{Ms(x => x.ActionStart, x => x.ActionEnd) - Ms(x => x.HandlerStart, x => x.HandlerEnd) - Ms(x => x.ViewStart, x => x.ViewEnd):F2} | {Ms(x => x.ActionEnd, end):F2} |"));
        }

        Probe.Phases = false;

        // The handlers' steps one by one, in-process with the app's own services (the same calls the page models make, in the
        // request's culture de-DE), to show where the handler time of the two heaviest pages goes.
        Say("");
        Say("## Handler steps of `/handlungsfelder` and `/massnahmen`, replayed in-process (the page models' calls, culture de-DE), medians of 100");
        Say("");
        Say("| step | median ms | p95 ms |");
        Say("|---|---|---|");
        await ProfileHandlersAsync(topField);

        // Cross-check from outside the process: wrk, one connection (sequential, like above), and 8 connections for throughput.
        if (useWrk && File.Exists("/usr/bin/wrk"))
        {
            var script = Path.Combine(work, "percentiles.lua");
            await File.WriteAllTextAsync(script, """
                done = function(summary, latency, requests)
                  io.write(string.format("WRK %d %d %.3f %.3f %.3f %.3f\n", summary.requests, summary.errors.status,
                    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
                end
                """);
            Say("");
            Say($"## wrk cross-check ({wrkSeconds} s each after a 3 s warm-up, `wrk -t1 -cN --latency`, same server)");
            Say("");
            Say("| page | connections | requests | req/s | p50 ms | p95 ms | p99 ms | max ms | non-2xx | others' CPU |");
            Say("|---|---|---|---|---|---|---|---|---|---|");
            foreach (var (url, connections) in new[] { (cases[0].Url, 1), (cases[1].Url, 1), (cases[0].Url, 8) })
            {
                await RunWrkAsync(url, connections, 3, script);
                var before = machine.Take();
                var line = await RunWrkAsync(url, connections, wrkSeconds, script);
                var after = machine.Take();
                var f = line.Split(' ');
                var n = int.Parse(f[1], inv);
                Say(string.Create(inv, $"| `{url}` | {connections} | {n} | {n / (double)wrkSeconds:F0} | {f[3]} | {f[4]} | {f[5]} | {f[6]} | {f[2]} | {Machine.OthersPercent(before, after):F0} % |"));
            }
        }

        // What the Office page would render today with the whole database (all measures): not the issue's figure.
        if (fullPdf)
        {
            Say("");
            Say($"## Status overview with all {measureCount} measures (what /verwaltung/statusuebersicht renders on this database; not the issue's figure), one run after one warm-up");
            Say("");
            Say("| measures | period | pages | bytes | BuildAsync ms | ToDocument ms | Render ms | total ms | CPU ms | first run ms | SQL commands | target | met |");
            Say("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
            await TimePdfAsync(measureCount, "last 3 months (the page's default)", today.AddMonths(-3), today, 1, false);
        }

        Say("");
        Say($"as-of page: {asOfNodes} nodes listed; load average at the end: {Machine.LoadAverage()}; outputs in {outDir}");

        await app.DisposeAsync();
        if (engine == DatabaseProvider.Postgres)
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(postgres);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{dropDatabase}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }
        else
        {
            SqliteConnection.ClearAllPools();
        }

        if (outDir != work)
        {
            Directory.Delete(work, recursive: true);
        }

        var pagesMet = results.All(r => TargetMs(r.Target) is not { } limit || r.P95 <= limit);
        return pagesMet && pdfResults.All(t => t <= 3000) ? 0 : 1;

        void Say(string line) => Console.WriteLine(line);

        static double? TargetMs(string target) => target.StartsWith("≤ ", StringComparison.Ordinal)
            ? double.Parse(target[2..].Replace(" ms", "", StringComparison.Ordinal), CultureInfo.InvariantCulture) : null;

        async Task<double> TimePdfAsync(int measures, string label, DateOnly from, DateOnly to, int count, bool target)
        {
            var build = new List<double>();
            var document = new List<double>();
            var render = new List<double>();
            var total = new List<double>();
            var cpu = new List<double>();
            var sql = new List<int>();
            byte[] output = [];
            double first = 0;
            for (var r = 0; r <= count; r++)
            {
                await using var scope = app.Services.CreateAsyncScope();
                var overview = scope.ServiceProvider.GetRequiredService<StatusOverview>();
                var record = new RequestRecord("pdf");
                Probe.Track(record);
                var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
                var watch = Stopwatch.StartNew();
                var data = await overview.BuildAsync(from, to, null, CancellationToken.None);
                var built = watch.Elapsed.TotalMilliseconds;
                var doc = StatusOverview.ToDocument(data, null);
                var documented = watch.Elapsed.TotalMilliseconds;
                output = PdfRenderer.Render(doc);
                var elapsed = watch.Elapsed.TotalMilliseconds;
                Probe.Track(null);
                if (data.Fields.Sum(f => f.Measures.Count) != measures)
                {
                    throw new InvalidOperationException($"the overview lists {data.Fields.Sum(f => f.Measures.Count)} measures, expected {measures}");
                }

                if (r == 0)
                {
                    first = elapsed;
                    continue;
                }

                build.Add(built);
                document.Add(documented - built);
                render.Add(elapsed - documented);
                total.Add(elapsed);
                sql.Add(record.Commands);
                cpu.Add((Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds);
            }

            await File.WriteAllBytesAsync(Path.Combine(outDir, $"overview-{eng}-{measures}-{Slug(label)}.pdf"), output);
            var median = Percentile(total, 50);
            var met = !target ? "–" : median <= 3000 && total.Max() <= 3000 ? "yes" : median <= 3000 ? "median yes, max no" : "**no**";
            Say(string.Create(inv, $"| {measures} | {label}: {from:yyyy-MM-dd} to {to:yyyy-MM-dd} | {CountPages(output)} | {output.Length} | {Percentile(build, 50):F0} | {Percentile(document, 50):F0} | {Percentile(render, 50):F0} | " +
                $"{median:F0} ({total.Min():F0}–{total.Max():F0}) | {Percentile(cpu, 50):F0} | {first:F0} | {sql.Max()} | {(target ? "≤ 3 s" : "–")} | {met} |"));
            return total.Max();
        }

        async Task ProfileHandlersAsync(int field)
        {
            var steps = new Dictionary<string, List<double>>();
            void Add(string step, double ms) => (steps.TryGetValue(step, out var l) ? l : steps[step] = []).Add(ms);
            var culture = CultureInfo.CurrentCulture;
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            try
            {
                for (var r = 0; r < 120; r++)
                {
                    await using var scope = app.Services.CreateAsyncScope();
                    var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                    var tree = scope.ServiceProvider.GetRequiredService<Masterplan.Web.Features.Catalogue.CatalogueTree>();
                    var measures = scope.ServiceProvider.GetRequiredService<Masterplan.Web.Features.Catalogue.Measures>();
                    var w = Stopwatch.StartNew();
                    var fields = await tree.LoadAsync();
                    var t1 = w.Elapsed.TotalMilliseconds;
                    await measures.RollUpAsync(fields, publicOnly: true, CancellationToken.None);
                    var t2 = w.Elapsed.TotalMilliseconds;

                    // IndexModel.RollUp's query alone, and the roll-up's in-memory part (per node: its subtree's measures).
                    var rows = await db.Measures.AsNoTracking().Where(m => m.Status != Masterplan.Web.Features.Catalogue.MeasureStatus.Discarded && m.IsPublic)
                        .Select(m => new { m.FieldOfActionId, m.Progress, m.Weight }).ToListAsync();
                    var t3 = w.Elapsed.TotalMilliseconds;

                    // MeasureListModel.OnGetAsync: tree, districts, the keys of all matching measures, the sort by number and title, one page.
                    var nodes = (await tree.LoadAsync()).SelectMany(n => n.SelfAndDescendants()).ToList();
                    await db.Districts.AsNoTracking().OrderBy(d => d.Position).ToListAsync();
                    var t4 = w.Elapsed.TotalMilliseconds;
                    var query = await measures.FilterAsync(true, null, null, null, CancellationToken.None);
                    var keys = await query.Select(m => new { m.Id, m.FieldOfActionId, m.Title }).ToListAsync();
                    var t5 = w.Elapsed.TotalMilliseconds;
                    var byId = nodes.ToDictionary(n => n.Id);
                    string NumberOf(int node) => byId.TryGetValue(node, out var n) ? n.Number : "–";
                    var sorted = keys.OrderBy(k => NumberOf(k.FieldOfActionId), Masterplan.Web.Features.Catalogue.NumberComparer.Instance)
                        .ThenBy(k => k.Title, StringComparer.CurrentCulture).ThenBy(k => k.Id).ToList();
                    var t6 = w.Elapsed.TotalMilliseconds;
                    var ids = sorted.Take(50).Select(k => k.Id).ToList();
                    await db.Measures.AsNoTracking().Where(m => ids.Contains(m.Id)).ToDictionaryAsync(m => m.Id);
                    var t7 = w.Elapsed.TotalMilliseconds;

                    // The same sort with an ordinal title comparison, and with the numbers compared as precomputed keys.
                    var ordinal = keys.OrderBy(k => NumberOf(k.FieldOfActionId), Masterplan.Web.Features.Catalogue.NumberComparer.Instance).ThenBy(k => k.Title, StringComparer.Ordinal).ThenBy(k => k.Id).ToList();
                    var t8 = w.Elapsed.TotalMilliseconds;
                    var rank = nodes.Select(n => n.Number).Order(Masterplan.Web.Features.Catalogue.NumberComparer.Instance).Select((n, i) => (n, i)).ToDictionary(x => x.n, x => x.i);
                    var ranked = keys.OrderBy(k => byId.TryGetValue(k.FieldOfActionId, out var n) ? rank[n.Number] : int.MaxValue).ThenBy(k => k.Title, StringComparer.CurrentCulture).ThenBy(k => k.Id).ToList();
                    var t9 = w.Elapsed.TotalMilliseconds;

                    // The measure list filtered by a field: FilterAsync loads the tree once more for the subtree.
                    var filtered = await measures.FilterAsync(true, field, null, null, CancellationToken.None);
                    var t10 = w.Elapsed.TotalMilliseconds;
                    if (r < 20 || rows.Count == 0 || ids.Count == 0 || filtered is null || ordinal.Count != ranked.Count)
                    {
                        continue; // warm-up
                    }

                    Add("/handlungsfelder: CatalogueTree.LoadAsync (256 nodes, numbered tree)", t1);
                    Add("/handlungsfelder: Measures.RollUpAsync (query + per-node subtree sums)", t2 - t1);
                    Add("(for comparison) the roll-up's query alone, run once more (FieldOfActionId, Progress, Weight of the public measures, materialised)", t3 - t2);
                    Add("/massnahmen: CatalogueTree.LoadAsync + districts", t4 - t3);
                    Add("/massnahmen: keys (Id, FieldOfActionId, Title) of all public measures, materialised", t5 - t4);
                    Add("/massnahmen: sort of all keys by catalogue number (NumberComparer) and title (de-DE)", t6 - t5);
                    Add("/massnahmen: load the page's 50 measures", t7 - t6);
                    Add("(alternative) same sort, titles compared ordinally", t8 - t7);
                    Add("(alternative) same sort, node rank precomputed once per node instead of NumberComparer per comparison", t9 - t8);
                    Add("/massnahmen?feld=: Measures.FilterAsync (loads the tree again for the subtree)", t10 - t9);
                }
            }
            finally
            {
                CultureInfo.CurrentCulture = culture;
            }

            foreach (var (step, values) in steps)
            {
                Say(string.Create(inv, $"| {step} | {Percentile(values, 50):F2} | {Percentile(values, 95):F2} |"));
            }
        }

        async Task Expect200(string url)
        {
            var (_, status, _) = await anonymous.TimeGetAsync(url);
            if (status != HttpStatusCode.OK)
            {
                throw new InvalidOperationException($"{url} answered {(int)status}");
            }
        }

        async Task<string> RunWrkAsync(string url, int connections, int seconds, string script)
        {
            var start = new ProcessStartInfo("/usr/bin/wrk") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in new[] { "-t1", $"-c{connections}", $"-d{seconds}s", "--latency", "-s", script, "-H", "Accept: text/html", "-H", "Accept-Language: de-DE,de;q=0.9" })
            {
                start.ArgumentList.Add(a);
            }

            start.ArgumentList.Add(baseUrl + url);
            using var wrk = Process.Start(start)!;
            var stdout = await wrk.StandardOutput.ReadToEndAsync();
            await wrk.WaitForExitAsync();
            return stdout.Split('\n').Single(l => l.StartsWith("WRK ", StringComparison.Ordinal));
        }

        async Task<string> ServerVersionAsync()
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            return await db.Database.SqlQueryRaw<string>("SELECT current_setting('server_version') AS \"Value\"").SingleAsync();
        }

        static string SqliteVersion()
        {
            using var connection = new SqliteConnection("Data Source=:memory:");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT sqlite_version()";
            return (string)command.ExecuteScalar()!;
        }

        static double Percentile(List<double> values, double p)
        {
            if (values.Count == 0)
            {
                return double.NaN;
            }

            // Nearest rank: the smallest value with at least p % of the values at or below it.
            var sorted = values.Order().ToList();
            return sorted[Math.Max(0, (int)Math.Ceiling(p / 100 * sorted.Count) - 1)];
        }

        static int CountOccurrences(string text, string word)
        {
            var count = 0;
            for (var at = text.IndexOf(word, StringComparison.Ordinal); at >= 0; at = text.IndexOf(word, at + word.Length, StringComparison.Ordinal))
            {
                count++;
            }

            return count;
        }

        static int CountPages(byte[] pdf) =>
            System.Text.RegularExpressions.Regex.Count(Encoding.Latin1.GetString(pdf), @"/Type\s*/Page(?![s\w])");

        static string Slug(string name) => new(name.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray());

        static string FirstWords(string sql)
        {
            var flat = string.Join(' ', sql.Split((char[])['\n', '\r', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries));
            var from = flat.IndexOf(" FROM ", StringComparison.Ordinal);
            var head = flat.StartsWith("SELECT", StringComparison.Ordinal) && from > 0 ? "SELECT … " + flat[(from + 1)..] : flat;
            return head.Length > 90 ? head[..90] + "…" : head;
        }
    }
}
