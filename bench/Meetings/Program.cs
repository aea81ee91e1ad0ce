using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using Masterplan.Documents;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Meetings;
using Masterplan.Web.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using static Masterplan.Bench.Report;

// The meetings targets (docs/domain.md#performance-targets): a meeting page with 40 agenda items, 60 attendees and 20 documents, server time p95 ≤ 50 ms on
// SQLite and on PostgreSQL; the minutes PDF of such a meeting ≤ 2 s.
//
// Starts the real app (Program.cs, Production environment, migrations and reference data at start) on Kestrel on a
// loopback port in this process, seeds the meeting through the app's AppDbContext, then times GET /sitzungen/{id}
// sequentially over HTTP (anonymous, as a member of the body, and the Office's conduct page), profiles the SQL of one
// request per page, cross-checks with wrk when installed, and times MinutesExport.BuildAsync + PdfRenderer/DocxRenderer.
//
// Usage: dotnet run -c Release --project bench/Meetings -- --engine sqlite|postgres [--postgres "Host=…;Username=…"]
//        [--requests 1000] [--warmup 50] [--runs 5] [--wrk-seconds 10 | --no-wrk] [--out DIR] [--pg-pid PID]
// --postgres (or MASTERPLAN_BENCH_POSTGRES) is a connection string to a server where the user may create databases;
// the bench creates a fresh database masterplan_bench_<pid> there and drops it at the end.
namespace Masterplan.Bench.Meetings;

/// <summary>Entry point (a class of its own: top-level statements would clash with the app's <c>Program</c>).</summary>
internal static class BenchMain
{
    public static async Task<int> Main(string[] args)
    {
        if (BenchOptions.Parse(args, requests: 1000) is not { } options || BenchRun.Create(options, "meetings") is not { } created)
        {
            return 2;
        }

        await using var run = created;
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        var inv = Report.Inv;
        var (requests, warmup, runs, outDir) = (options.Requests, options.Warmup, options.Runs, run.OutDir);
        var machine = new Machine(options.PostgresPid);
        var app = run.App;

        Say($"# Meetings benchmark, {options.Engine}, {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC");
        Say(BenchRun.MachineLine());

        using var efListener = Probe.ListenToEf();
        var (baseUrl, startLine) = await run.StartAsync();
        Say(startLine);

        var seedWatch = Stopwatch.StartNew();
        var seeded = await Seed.RunAsync(app.Services);
        Say($"seeded in {seedWatch.Elapsed.TotalSeconds:F2} s: meeting {seeded.MeetingId}; {seeded.Items} agenda items ({seeded.PublicItems} public), {seeded.Links} links; " +
            $"{seeded.Documents} documents ({seeded.PublicDocuments} public, {seeded.DocumentBytes / 1024} KiB of PDF); {seeded.Memberships} memberships, {seeded.Attendees} attendees; " +
            $"{seeded.Votes} votes; {seeded.Recommendations} recommendations; minutes circulated (version 2, a note on every item)");

        var page = $"/sitzungen/{seeded.MeetingId}";
        var conduct = $"/verwaltung/sitzungen/{seeded.MeetingId}/ablauf";
        using var anonymous = new Browser(baseUrl);
        using var member = new Browser(baseUrl);
        using var office = new Browser(baseUrl);
        await member.SignInAsync(seeded.MemberEmail, Seed.Password, null);
        await office.SignInAsync(seeded.OfficeEmail, Seed.Password, seeded.OfficeKey);

        var cases = new (string Name, Browser Client, string Url, int ExpectedTops)[]
        {
            ("public page, anonymous", anonymous, page, seeded.PublicItems),
            ("public page, member of the body", member, page, seeded.Items * 2), // agenda + circulated draft with a note per item
            ("conduct page, Office (2FA)", office, conduct, seeded.Items),
        };
        Say("");
        Say($"## Server time: {requests} sequential GETs after {warmup} warm-up requests, one keep-alive connection, client in the same process");
        Say("Client time = from SendAsync until the last body byte is read (HttpClient, ResponseContentRead). In-app = first middleware until the pipeline returned.");
        Say("");
        Say("| page | bytes | “TOP” on page | first request ms | p50 ms | p95 ms | p99 ms | max ms | mean ms | in-app p50 / p95 / p99 ms | 2nd half p50 / p95 ms | SQL per request | DB time p50 ms | EF query compilations | others' CPU | target p95 | met |");
        Say("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        var results = new List<(string Name, double P95)>();
        foreach (var (name, client, url, expectedTops) in cases)
        {
            var firstWatch = Stopwatch.StartNew();
            var check = await client.SendAsync(HttpMethod.Get, url);
            var firstMs = firstWatch.Elapsed.TotalMilliseconds;
            var html = Encoding.UTF8.GetString(check.Body);
            var tops = CountOccurrences(html, "TOP ");
            if (check.Status != HttpStatusCode.OK || tops < expectedTops)
            {
                throw new InvalidOperationException($"{name}: {url} answered {(int)check.Status} with {tops} × \"TOP \" (expected ≥ {expectedTops})");
            }

            var timing = await TimePageAsync(client, url, warmup, requests, machine);
            await timing.WriteCsvAsync(Path.Combine(outDir, $"times-{run.Eng}-{Slug(name)}.csv"));
            var (times, inApp, secondHalf) = (timing.Times, timing.InApp, timing.SecondHalf);
            var p95 = Percentile(times, 95);
            results.Add((name, p95));
            var target = name.StartsWith("public", StringComparison.Ordinal) ? "≤ 50 ms" : "–";
            var met = target == "–" ? "–" : p95 <= 50 ? "yes" : "**no**";
            Say(string.Create(inv, $"| {name} | {timing.Bytes} | {tops} | {firstMs:F0} | {Percentile(times, 50):F2} | {p95:F2} | {Percentile(times, 99):F2} | {times.Max():F2} | {times.Average():F2} | " +
                $"{Percentile(inApp, 50):F2} / {Percentile(inApp, 95):F2} / {Percentile(inApp, 99):F2} | {Percentile(secondHalf, 50):F2} / {Percentile(secondHalf, 95):F2} | {timing.Commands:F1} | {Percentile(timing.Db, 50):F2} | {timing.Records.Sum(x => x.Compilations)} | {timing.OthersPercent:F0} % | {target} | {met} |"));
        }

        // One request per page with the SQL kept: which commands, how long each took on the database.
        Say("");
        Say("## SQL per request (one request each, after the timing runs)");
        foreach (var (name, client, url, _) in cases)
        {
            var record = await SqlOfOneRequestAsync(client, url);
            var file = Path.Combine(outDir, $"sql-{run.Eng}-{Slug(name)}.txt");
            await File.WriteAllLinesAsync(file, record.Sql.Select((s, k) => $"-- #{k + 1}, {s.Duration.TotalMilliseconds:F3} ms\n{s.Sql}\n"));
            Say(string.Create(inv, $"- {name}: {record.Sql.Count} commands, {record.DbTime.TotalMilliseconds:F2} ms on the database (as EF measured it), in-app {record.InApp.TotalMilliseconds:F2} ms; " +
                $"slowest: {string.Join(", ", record.Sql.OrderByDescending(s => s.Duration).Take(3).Select(s => $"{s.Duration.TotalMilliseconds:F2} ms `{FirstWords(s.Sql, 70)}`"))}; full list: {file}"));
        }

        // Where the in-app time goes, from MVC's diagnostic events (on only for these requests).
        Say("");
        Say("## Where the in-app time goes (medians of 200 requests per page, MVC diagnostic events on)");
        Say("");
        Say("| page | in-app ms | before the page action (auth, session, routing …) | page handler (OnGetAsync, all SQL) | views (page + layout) | rest of the action | after the action |");
        Say("|---|---|---|---|---|---|---|");
        foreach (var (name, client, url, _) in cases)
        {
            Say(await PhasesRowAsync(client, url, name, 200));
        }

        // Cross-check from outside the process: wrk, one connection (sequential, like above), and 8 connections for throughput.
        if (await Wrk.CreateAsync(run, baseUrl, machine) is { } wrk)
        {
            Say("");
            Say($"## wrk cross-check ({options.WrkSeconds} s each after a 3 s warm-up, `wrk -t1 -cN --latency`, same server)");
            Say("");
            Say(Wrk.Header);
            foreach (var (c, connections) in new[] { (cases[0], 1), (cases[1], 1), (cases[0], 8) })
            {
                Say(await wrk.RowAsync(c.Name, c.Url, connections, options.WrkSeconds, c.Client.CookieHeader));
            }
        }

        // The minutes: what the Office's "approve" does (Manage/Minutes.cshtml.cs), timed step by step.
        DocumentLicensing.ChoosePdfLicense(app.Services.GetRequiredService<IConfiguration>());
        Say("");
        Say($"## Minutes of this meeting: MinutesExport.BuildAsync + render, median of {runs} after one warm-up, each run in a fresh scope (DbContext)");
        Say("");
        Say("| edition, format | pages | bytes | build ms (median) | render ms (median) | build + render, median (min–max) | CPU per run (median) | first run | target | met |");
        Say("|---|---|---|---|---|---|---|---|---|---|");
        var approval = "genehmigt in der Sitzung vom 02.12.2026, TOP 1";
        foreach (var (label, publicEdition, format) in new[] { ("full, PDF", false, "pdf"), ("full, DOCX", false, "docx"), ("public, PDF", true, "pdf"), ("public, DOCX", true, "docx") })
        {
            var build = new List<double>();
            var render = new List<double>();
            var total = new List<double>();
            var cpu = new List<double>();
            byte[] output = [];
            double first = 0;
            for (var r = 0; r <= runs; r++)
            {
                await using var scope = app.Services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                var export = scope.ServiceProvider.GetRequiredService<MinutesExport>();
                var minutes = await db.Minutes.AsNoTracking().SingleAsync(m => m.MeetingId == seeded.MeetingId);
                var version = await db.MinutesVersions.AsNoTracking().Where(v => v.MinutesId == minutes.Id).OrderByDescending(v => v.Number).FirstAsync();
                var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
                var watch = Stopwatch.StartNew();
                var document = await export.BuildAsync(seeded.MeetingId, version, publicEdition, approval, CancellationToken.None);
                var built = watch.Elapsed.TotalMilliseconds;
                output = format == "pdf" ? PdfRenderer.Render(document) : DocxRenderer.Render(document);
                var elapsed = watch.Elapsed.TotalMilliseconds;
                if (r == 0)
                {
                    first = elapsed;
                    continue;
                }

                build.Add(built);
                render.Add(elapsed - built);
                total.Add(elapsed);
                cpu.Add((Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds);
            }

            await File.WriteAllBytesAsync(Path.Combine(outDir, $"minutes-{run.Eng}-{(publicEdition ? "public" : "full")}.{format}"), output);
            var median = Percentile(total, 50);
            var target = label == "full, PDF" ? "≤ 2 s" : "–";
            var met = target == "–" ? "–" : median <= 2000 ? "yes" : "**no**";
            Say(string.Create(inv, $"| {label} | {(format == "pdf" ? CountPages(output).ToString(inv) : "–")} | {output.Length} | {Percentile(build, 50):F0} | {Percentile(render, 50):F0} | " +
                $"{median:F0} ms ({total.Min():F0}–{total.Max():F0}) | {Percentile(cpu, 50):F0} ms | {first:F0} ms | {target} | {met} |"));
        }

        Say("");
        Say($"load average at the end: {Machine.LoadAverage()}; outputs in {outDir}");

        return results.Where(r => r.Name.StartsWith("public", StringComparison.Ordinal)).All(r => r.P95 <= 50) ? 0 : 1;

        static string Slug(string name) => name.Contains("anonymous", StringComparison.Ordinal) ? "public-anonymous" : name.Contains("member", StringComparison.Ordinal) ? "public-member" : "conduct-office";
    }
}
