using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using Masterplan.Documents;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Audit;
using Masterplan.Web.Features.Catalogue;
using Masterplan.Web.Features.Districts;
using Masterplan.Web.Features.Reports;
using Masterplan.Web.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Masterplan.Bench.Report;

// The catalogue targets (docs/domain.md#performance-targets): with 5,000 measures, 50,000 status updates and 200 indicators with 10 years of monthly values,
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
        int measureCount = 5000, pdfMeasures = 500;
        var fullPdf = true;
        bool Extra(string name, Func<string> next)
        {
            switch (name)
            {
                case "--measures": measureCount = int.Parse(next(), CultureInfo.InvariantCulture); return true;
                case "--pdf-measures": pdfMeasures = int.Parse(next(), CultureInfo.InvariantCulture); return true;
                case "--no-full-pdf": fullPdf = false; return true;
                default: return false;
            }
        }

        if (BenchOptions.Parse(args, requests: 500, Extra) is not { } options || BenchRun.Create(options, "catalogue") is not { } created)
        {
            return 2;
        }

        await using var run = created;
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        var inv = Report.Inv;
        var (requests, warmup, runs, outDir, eng) = (options.Requests, options.Warmup, options.Runs, run.OutDir, run.Eng);
        var machine = new Machine(options.PostgresPid);
        var app = run.App;

        Say($"# Catalogue benchmark, {options.Engine}, {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC");
        Say(BenchRun.MachineLine());

        using var efListener = Probe.ListenToEf();
        var (baseUrl, startLine) = await run.StartAsync();
        Say(startLine);

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

            var timing = await TimePageAsync(anonymous, url, warmup, requests, machine);
            await timing.WriteCsvAsync(Path.Combine(outDir, $"times-{eng}-{Slug(name)}.csv"));
            var (times, inApp, db, records) = (timing.Times, timing.InApp, timing.Db, timing.Records);
            var secondHalf = timing.SecondHalf;
            var p95 = Percentile(times, 95);
            results.Add((name, p95, target));
            var limit = TargetMs(target);
            var met = limit is null ? "–" : p95 <= limit ? "yes" : "**no**";
            Say(string.Create(inv, $"| `{url}` ({name}) | {timing.Bytes} | {entries} | {firstMs:F0} | {Percentile(times, 50):F2} | {p95:F2} | {Percentile(times, 99):F2} | {times.Max():F2} | {times.Average():F2} | " +
                $"{Percentile(inApp, 50):F2} / {Percentile(inApp, 95):F2} | {Percentile(secondHalf, 50):F2} / {Percentile(secondHalf, 95):F2} | {timing.Commands:F1} | {Percentile(db, 50):F2} | " +
                $"{Percentile(records.Select(x => (double)x.Rows).ToList(), 50):F0} | {records.Sum(x => x.Compilations)} | {timing.OthersPercent:F0} % | {target} | {met} |"));
        }

        // One request per page with the SQL kept: which commands, how long each took on the database.
        Say("");
        Say("## SQL per request (one request each, after the timing runs)");
        foreach (var (name, url, _) in cases)
        {
            var record = await SqlOfOneRequestAsync(anonymous, url);
            var file = Path.Combine(outDir, $"sql-{eng}-{Slug(name)}.txt");
            await File.WriteAllLinesAsync(file, record.Sql.Select((s, k) => $"-- #{k + 1}, {s.Duration.TotalMilliseconds:F3} ms, {s.Rows} rows read\n{s.Sql}\n"));
            Say(string.Create(inv, $"- `{url}`: {record.Sql.Count} commands, {record.DbTime.TotalMilliseconds:F2} ms on the database (as EF measured it: until the reader opened), {record.Rows} rows read, in-app {record.InApp.TotalMilliseconds:F2} ms; " +
                $"slowest: {string.Join(", ", record.Sql.OrderByDescending(s => s.Duration).Take(3).Select(s => $"{s.Duration.TotalMilliseconds:F2} ms / {s.Rows} rows `{FirstWords(s.Sql, 90)}`"))}; full list: {file}"));
        }

        // Where the in-app time goes, from MVC's diagnostic events (on only for these requests).
        Say("");
        Say("## Where the in-app time goes (medians of 100 requests per page, MVC diagnostic events on)");
        Say("");
        Say("| page | in-app ms | before the page action | page handler (OnGetAsync, all SQL and in-memory work) | views (page + layout + partials) | rest of the action | after the action |");
        Say("|---|---|---|---|---|---|---|");
        foreach (var (_, url, _) in cases)
        {
            Say(await PhasesRowAsync(anonymous, url, $"`{url}`", 100));
        }

        // The handlers' steps one by one, in-process with the app's own services (the same calls the page models make, in the
        // request's culture de-DE), to show where the handler time of the two heaviest pages goes.
        Say("");
        Say("## Handler steps of `/handlungsfelder` and `/massnahmen`, replayed in-process (the page models' calls, culture de-DE), medians of 100");
        Say("");
        Say("| step | median ms | p95 ms |");
        Say("|---|---|---|");
        await ProfileHandlersAsync(topField);

        // Cross-check from outside the process: wrk, one connection (sequential, like above), and 8 connections for throughput.
        if (await Wrk.CreateAsync(run, baseUrl, machine) is { } wrk)
        {
            Say("");
            Say($"## wrk cross-check ({options.WrkSeconds} s each after a 3 s warm-up, `wrk -t1 -cN --latency`, same server)");
            Say("");
            Say(Wrk.Header);
            foreach (var (url, connections) in new[] { (cases[0].Url, 1), (cases[1].Url, 1), (cases[0].Url, 8) })
            {
                Say(await wrk.RowAsync($"`{url}`", url, connections, options.WrkSeconds));
            }
        }

        // What the Office page would render today with the whole database (all measures): not a target figure (the target is for 500).
        if (fullPdf)
        {
            Say("");
            Say($"## Status overview with all {measureCount} measures (what /verwaltung/statusuebersicht renders on this database; not a target figure), one run after one warm-up");
            Say("");
            Say("| measures | period | pages | bytes | BuildAsync ms | ToDocument ms | Render ms | total ms | CPU ms | first run ms | SQL commands | target | met |");
            Say("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
            await TimePdfAsync(measureCount, "last 3 months (the page's default)", today.AddMonths(-3), today, 1, false);
        }

        Say("");
        Say($"as-of page: {asOfNodes} nodes listed; load average at the end: {Machine.LoadAverage()}; outputs in {outDir}");

        var pagesMet = results.All(r => TargetMs(r.Target) is not { } limit || r.P95 <= limit);
        return pagesMet && pdfResults.All(t => t <= 3000) ? 0 : 1;

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
                var data = await overview.BuildAsync(from, to, fieldId: null, CancellationToken.None);
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

        static string Slug(string name) => new(name.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray());
    }
}
