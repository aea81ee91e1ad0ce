using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Runtime;
using System.Text;
using Masterplan.Documents;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Meetings;
using Masterplan.Web.Shared;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

// Issue 5, "Performance": a meeting page with 40 agenda items, 60 attendees and 20 documents, server time p95 ≤ 50 ms on
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
        var engine = DatabaseProvider.Sqlite;
        var postgres = Environment.GetEnvironmentVariable("MASTERPLAN_BENCH_POSTGRES");
        int requests = 1000, warmup = 50, runs = 5, wrkSeconds = 10;
        int? pgPid = null;
        var useWrk = true;
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
                case "--wrk-seconds": wrkSeconds = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--no-wrk": useWrk = false; break;
                case "--out": outDir = args[++i]; break;
                case "--pg-pid": pgPid = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                default: Console.Error.WriteLine($"unknown argument {args[i]}"); return 2;
            }
        }

        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        var inv = CultureInfo.InvariantCulture;
        var machine = new Machine(pgPid);
        var work = Path.Combine(Path.GetTempPath(), $"masterplan-bench-meetings-{Environment.ProcessId}");
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

        Say($"# Meetings benchmark, {engine}, {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC");
        Say($"machine: {Machine.Cores} cores, {File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()}, " +
            $"load {Machine.LoadAverage()}; .NET {Environment.Version}; server GC {GCSettings.IsServerGC}; " +
            $"build {(typeof(BenchApp).Assembly.GetCustomAttributes(typeof(DebuggableAttribute), false).OfType<DebuggableAttribute>().Any(d => d.IsJITOptimizerDisabled) ? "Debug (!)" : "Release")}");

        using var efListener = Probe.ListenToEf();
        await using var app = new BenchApp(engine, connectionString);
        var started = Stopwatch.StartNew();
        var baseUrl = app.Start();
        Say($"app: {baseUrl}, started (migrations and reference data) in {started.Elapsed.TotalSeconds:F2} s; database: {(engine == DatabaseProvider.Postgres ? "PostgreSQL " + await ServerVersionAsync() : "SQLite " + SqliteVersion())}");

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

            for (var w = 0; w < warmup; w++)
            {
                await Expect200(client, url);
            }

            Probe.Drain();
            var before = machine.Take();
            var times = new List<double>(requests);
            var bytes = 0;
            for (var r = 0; r < requests; r++)
            {
                var (elapsed, status, length) = await client.TimeGetAsync(url);
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
            await File.WriteAllLinesAsync(Path.Combine(outDir, $"times-{engine.ToString().ToLowerInvariant()}-{Slug(name)}.csv"),
                times.Select((t, k) => string.Create(inv, $"{k + 1},{t:F3},{(k < records.Count ? records[k].InApp.TotalMilliseconds : double.NaN):F3},{(k < records.Count ? records[k].DbTime.TotalMilliseconds : double.NaN):F3}"))
                    .Prepend("request,client_ms,in_app_ms,db_ms"));
            var secondHalf = times.Skip(times.Count / 2).ToList();
            var p95 = Percentile(times, 95);
            results.Add((name, p95));
            var target = name.StartsWith("public", StringComparison.Ordinal) ? "≤ 50 ms" : "–";
            var met = target == "–" ? "–" : p95 <= 50 ? "yes" : "**no**";
            Say(string.Create(inv, $"| {name} | {bytes} | {tops} | {firstMs:F0} | {Percentile(times, 50):F2} | {p95:F2} | {Percentile(times, 99):F2} | {times.Max():F2} | {times.Average():F2} | " +
                $"{Percentile(inApp, 50):F2} / {Percentile(inApp, 95):F2} / {Percentile(inApp, 99):F2} | {Percentile(secondHalf, 50):F2} / {Percentile(secondHalf, 95):F2} | {commands:F1} | {Percentile(db, 50):F2} | {records.Sum(x => x.Compilations)} | {Machine.OthersPercent(before, after):F0} % | {target} | {met} |"));
        }

        // One request per page with the SQL kept: which commands, how long each took on the database.
        Say("");
        Say("## SQL per request (one request each, after the timing runs)");
        Probe.KeepSql = true;
        foreach (var (name, client, url, _) in cases)
        {
            Probe.Drain();
            await Expect200(client, url);
            var record = Probe.Drain().Single(x => x.Path == url);
            var file = Path.Combine(outDir, $"sql-{engine.ToString().ToLowerInvariant()}-{Slug(name)}.txt");
            await File.WriteAllLinesAsync(file, record.Sql.Select((s, k) => $"-- #{k + 1}, {s.Duration.TotalMilliseconds:F3} ms\n{s.Sql}\n"));
            Say(string.Create(inv, $"- {name}: {record.Sql.Count} commands, {record.DbTime.TotalMilliseconds:F2} ms on the database (as EF measured it), in-app {record.InApp.TotalMilliseconds:F2} ms; " +
                $"slowest: {string.Join(", ", record.Sql.OrderByDescending(s => s.Duration).Take(3).Select(s => $"{s.Duration.TotalMilliseconds:F2} ms `{FirstWords(s.Sql)}`"))}; full list: {file}"));
        }

        Probe.KeepSql = false;

        // Where the in-app time goes, from MVC's diagnostic events (on only for these requests).
        Say("");
        Say("## Where the in-app time goes (medians of 200 requests per page, MVC diagnostic events on)");
        Say("");
        Say("| page | in-app ms | before the page action (auth, session, routing …) | page handler (OnGetAsync, all SQL) | views (page + layout) | rest of the action | after the action |");
        Say("|---|---|---|---|---|---|---|");
        Probe.Phases = true;
        foreach (var (name, client, url, _) in cases)
        {
            Probe.Drain();
            for (var r = 0; r < 200; r++)
            {
                await Expect200(client, url);
            }

            var records = Probe.Drain().Where(x => x.Path == url && x.ActionStart > 0 && x.ViewEnd > 0).ToList();
            double Ms(Func<RequestRecord, long> from, Func<RequestRecord, long> to) =>
                Percentile(records.Select(x => (to(x) - from(x)) * 1000.0 / Stopwatch.Frequency).ToList(), 50);
            var end = (Func<RequestRecord, long>)(x => x.Started + (long)(x.InApp.TotalSeconds * Stopwatch.Frequency));
            Say(string.Create(inv, $"| {name} | {Percentile(records.Select(x => x.InApp.TotalMilliseconds).ToList(), 50):F2} | {Ms(x => x.Started, x => x.ActionStart):F2} | " +
                $"{Ms(x => x.HandlerStart, x => x.HandlerEnd):F2} | {Ms(x => x.ViewStart, x => x.ViewEnd):F2} | " +
                $"{Ms(x => x.ActionStart, x => x.ActionEnd) - Ms(x => x.HandlerStart, x => x.HandlerEnd) - Ms(x => x.ViewStart, x => x.ViewEnd):F2} | {Ms(x => x.ActionEnd, end):F2} |"));
        }

        Probe.Phases = false;

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
            foreach (var (name, client, url, connections) in new[] { (cases[0].Name, cases[0].Client, cases[0].Url, 1), (cases[1].Name, cases[1].Client, cases[1].Url, 1), (cases[0].Name, cases[0].Client, cases[0].Url, 8) })
            {
                await RunWrkAsync(client, url, connections, 3, script);
                var before = machine.Take();
                var line = await RunWrkAsync(client, url, connections, wrkSeconds, script);
                var after = machine.Take();
                var f = line.Split(' ');
                var n = int.Parse(f[1], inv);
                Say(string.Create(inv, $"| {name} | {connections} | {n} | {n / (double)wrkSeconds:F0} | {f[3]} | {f[4]} | {f[5]} | {f[6]} | {f[2]} | {Machine.OthersPercent(before, after):F0} % |"));
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

            await File.WriteAllBytesAsync(Path.Combine(outDir, $"minutes-{engine.ToString().ToLowerInvariant()}-{(publicEdition ? "public" : "full")}.{format}"), output);
            var median = Percentile(total, 50);
            var target = label == "full, PDF" ? "≤ 2 s" : "–";
            var met = target == "–" ? "–" : median <= 2000 ? "yes" : "**no**";
            Say(string.Create(inv, $"| {label} | {(format == "pdf" ? CountPages(output).ToString(inv) : "–")} | {output.Length} | {Percentile(build, 50):F0} | {Percentile(render, 50):F0} | " +
                $"{median:F0} ms ({total.Min():F0}–{total.Max():F0}) | {Percentile(cpu, 50):F0} ms | {first:F0} ms | {target} | {met} |"));
        }

        Say("");
        Say($"load average at the end: {Machine.LoadAverage()}; outputs in {outDir}");

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

        return results.Where(r => r.Name.StartsWith("public", StringComparison.Ordinal)).All(r => r.P95 <= 50) ? 0 : 1;

        void Say(string line) => Console.WriteLine(line);

        async Task Expect200(Browser client, string url)
        {
            var (_, status, _) = await client.TimeGetAsync(url);
            if (status != HttpStatusCode.OK)
            {
                throw new InvalidOperationException($"{url} answered {(int)status}");
            }
        }

        async Task<string> RunWrkAsync(Browser client, string url, int connections, int seconds, string script)
        {
            var start = new ProcessStartInfo("/usr/bin/wrk") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in new[] { "-t1", $"-c{connections}", $"-d{seconds}s", "--latency", "-s", script, "-H", "Accept: text/html", "-H", "Accept-Language: de-DE,de;q=0.9" })
            {
                start.ArgumentList.Add(a);
            }

            if (client.CookieHeader.Length > 0)
            {
                start.ArgumentList.Add("-H");
                start.ArgumentList.Add("Cookie: " + client.CookieHeader);
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

        static string Slug(string name) => name.Contains("anonymous", StringComparison.Ordinal) ? "public-anonymous" : name.Contains("member", StringComparison.Ordinal) ? "public-member" : "conduct-office";

        static string FirstWords(string sql)
        {
            var flat = string.Join(' ', sql.Split((char[])['\n', '\r', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries));
            var from = flat.IndexOf(" FROM ", StringComparison.Ordinal);
            var head = flat.StartsWith("SELECT", StringComparison.Ordinal) && from > 0 ? "SELECT … " + flat[(from + 1)..] : flat;
            return head.Length > 70 ? head[..70] + "…" : head;
        }
    }
}
