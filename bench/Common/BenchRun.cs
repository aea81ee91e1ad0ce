using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Text;
using Masterplan.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Masterplan.Bench;

/// <summary>
/// The command line every HTTP benchmark takes: engine, PostgreSQL server, request counts, wrk, output folder. A harness
/// passes the arguments of its own to <c>extra</c> (which returns how many values it consumed, or -1 when it does not know
/// the argument).
/// </summary>
internal sealed class BenchOptions
{
    public DatabaseProvider Engine { get; private set; } = DatabaseProvider.Sqlite;

    public string? Postgres { get; private set; } = Environment.GetEnvironmentVariable("MASTERPLAN_BENCH_POSTGRES");

    public int Requests { get; private set; }

    public int Warmup { get; private set; } = 50;

    public int Runs { get; private set; } = 5;

    public int WrkSeconds { get; private set; } = 10;

    public bool UseWrk { get; private set; } = true;

    public string? OutDir { get; private set; }

    public int? PostgresPid { get; private set; }

    public static BenchOptions? Parse(string[] args, int requests, Func<string, Func<string>, bool>? extra = null)
    {
        var o = new BenchOptions { Requests = requests };
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => args[++i];
            int NextInt() => int.Parse(Next(), CultureInfo.InvariantCulture);
            switch (args[i])
            {
                case "--engine": o.Engine = Next().StartsWith("p", StringComparison.OrdinalIgnoreCase) ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite; break;
                case "--postgres": o.Postgres = Next(); break;
                case "--requests": o.Requests = NextInt(); break;
                case "--warmup": o.Warmup = NextInt(); break;
                case "--runs": o.Runs = NextInt(); break;
                case "--wrk-seconds": o.WrkSeconds = NextInt(); break;
                case "--no-wrk": o.UseWrk = false; break;
                case "--out": o.OutDir = Next(); break;
                case "--pg-pid": o.PostgresPid = NextInt(); break;
                default:
                    if (extra?.Invoke(args[i], Next) != true)
                    {
                        Console.Error.WriteLine($"unknown argument {args[i]}");
                        return null;
                    }

                    break;
            }
        }

        return o;
    }
}

/// <summary>
/// One benchmark process: its temporary folder, the output folder, the fresh database (a SQLite file, or a database
/// masterplan_bench_&lt;pid&gt; on the given PostgreSQL server, dropped at the end) and the app on it.
/// </summary>
internal sealed class BenchRun : IAsyncDisposable
{
    private readonly string? _dropDatabase;

    private BenchRun(BenchOptions options, string name)
    {
        Options = options;
        Work = Path.Combine(Path.GetTempPath(), $"masterplan-bench-{name}-{Environment.ProcessId}");
        Directory.CreateDirectory(Work);
        OutDir = options.OutDir ?? Work;
        Directory.CreateDirectory(OutDir);
        if (options.Engine == DatabaseProvider.Postgres)
        {
            _dropDatabase = $"masterplan_bench_{Environment.ProcessId}";
            ConnectionString = new NpgsqlConnectionStringBuilder(options.Postgres) { Database = _dropDatabase }.ConnectionString;
        }
        else
        {
            ConnectionString = $"Data Source={Path.Combine(Work, "bench.db")}";
        }

        App = new BenchApp(options.Engine, ConnectionString);
    }

    public BenchOptions Options { get; }

    public string Work { get; }

    public string OutDir { get; }

    public string ConnectionString { get; }

    public BenchApp App { get; }

    /// <summary>The engine's name in file names (sqlite, postgres).</summary>
    public string Eng => Options.Engine.ToString().ToLowerInvariant();

    /// <summary>Null (after a message on stderr) when PostgreSQL is asked for without a server to use.</summary>
    public static BenchRun? Create(BenchOptions options, string name)
    {
        if (options.Engine == DatabaseProvider.Postgres && string.IsNullOrWhiteSpace(options.Postgres))
        {
            Console.Error.WriteLine("PostgreSQL needs --postgres \"Host=127.0.0.1;Port=…;Username=postgres;Database=postgres\" or MASTERPLAN_BENCH_POSTGRES");
            return null;
        }

        return new BenchRun(options, name);
    }

    /// <summary>The report's machine line: cores, CPU, load, runtime, GC and whether this is a Release build.</summary>
    public static string MachineLine() =>
        $"machine: {Machine.Cores} cores, {File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()}, " +
        $"load {Machine.LoadAverage()}; .NET {Environment.Version}; server GC {GCSettings.IsServerGC}; " +
        $"build {(typeof(BenchApp).Assembly.GetCustomAttributes(typeof(DebuggableAttribute), false).OfType<DebuggableAttribute>().Any(d => d.IsJITOptimizerDisabled) ? "Debug (!)" : "Release")}";

    /// <summary>Starts the app and returns its base URL and the report line about the start.</summary>
    public async Task<(string BaseUrl, string Line)> StartAsync()
    {
        if (_dropDatabase is not null)
        {
            // Since instances take turns migrating through an advisory lock in the database (DatabaseSetup.StartupLock), the
            // app no longer creates a missing PostgreSQL database on its first start; as in production, it must exist.
            await using var admin = new NpgsqlConnection(Options.Postgres);
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{_dropDatabase}\"", admin);
            await create.ExecuteNonQueryAsync();
        }

        var started = Stopwatch.StartNew();
        var baseUrl = App.Start();
        var elapsed = started.Elapsed;
        return (baseUrl, $"app: {baseUrl}, started (migrations and reference data) in {elapsed.TotalSeconds:F2} s; database: {await DatabaseVersionAsync()}");
    }

    private async Task<string> DatabaseVersionAsync()
    {
        if (Options.Engine == DatabaseProvider.Postgres)
        {
            await using var scope = App.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            return "PostgreSQL " + await db.Database.SqlQueryRaw<string>("SELECT current_setting('server_version') AS \"Value\"").SingleAsync();
        }

        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT sqlite_version()";
        return "SQLite " + (string)command.ExecuteScalar()!;
    }

    /// <summary>Stops the app, drops the PostgreSQL database and removes the temporary folder (unless it holds the outputs).</summary>
    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        if (_dropDatabase is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(Options.Postgres);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_dropDatabase}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }
        else
        {
            SqliteConnection.ClearAllPools();
        }

        if (OutDir != Work && Directory.Exists(Work))
        {
            Directory.Delete(Work, recursive: true);
        }
    }
}

/// <summary>Figures and text for the reports.</summary>
internal static class Report
{
    public static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static void Say(string line) => Console.WriteLine(line);

    /// <summary>Nearest rank: the smallest value with at least p % of the values at or below it (NaN for none).</summary>
    public static double Percentile(List<double> values, double p)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToList();
        return sorted[Math.Max(0, (int)Math.Ceiling(p / 100 * sorted.Count) - 1)];
    }

    public static int CountOccurrences(string text, string word)
    {
        var count = 0;
        for (var at = text.IndexOf(word, StringComparison.Ordinal); at >= 0; at = text.IndexOf(word, at + word.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    public static int CountPages(byte[] pdf) =>
        System.Text.RegularExpressions.Regex.Count(Encoding.Latin1.GetString(pdf), @"/Type\s*/Page(?![s\w])");

    /// <summary>A SQL command on one line, its select list cut to "SELECT …", at most <paramref name="max"/> characters.</summary>
    public static string FirstWords(string sql, int max)
    {
        var flat = string.Join(' ', sql.Split((char[])['\n', '\r', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries));
        var from = flat.IndexOf(" FROM ", StringComparison.Ordinal);
        var head = flat.StartsWith("SELECT", StringComparison.Ordinal) && from > 0 ? "SELECT … " + flat[(from + 1)..] : flat;
        return head.Length > max ? head[..max] + "…" : head;
    }

    /// <summary>GET, and stop the benchmark when the answer is not 200.</summary>
    public static async Task Expect200(Browser client, string url)
    {
        var (_, status, _) = await client.TimeGetAsync(url);
        if (status != System.Net.HttpStatusCode.OK)
        {
            var (again, location, _) = await client.SendAsync(HttpMethod.Get, url);
            throw new InvalidOperationException($"{url} answered {(int)status} (once more: {(int)again} {location})");
        }
    }

    /// <summary>
    /// <paramref name="warmup"/> GETs, then <paramref name="requests"/> timed sequential GETs of one page on the client's
    /// keep-alive connection, with what the app booked for each (<see cref="Probe"/>) and the other processes' CPU share.
    /// </summary>
    public static async Task<PageTiming> TimePageAsync(Browser client, string url, int warmup, int requests, Machine machine)
    {
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
            if (status != System.Net.HttpStatusCode.OK)
            {
                throw new InvalidOperationException($"{url}: request {r} answered {(int)status}");
            }

            times.Add(elapsed.TotalMilliseconds);
            bytes = length;
        }

        var after = machine.Take();
        return new PageTiming(times, Probe.Drain().Where(x => x.Path == url).ToList(), bytes, Machine.OthersPercent(before, after));
    }

    /// <summary>One request with the SQL kept (<see cref="Probe.KeepSql"/>): the record of the commands EF ran for it.</summary>
    public static async Task<RequestRecord> SqlOfOneRequestAsync(Browser client, string url)
    {
        Probe.KeepSql = true;
        Probe.Drain();
        await Expect200(client, url);
        Probe.KeepSql = false;
        return Probe.Drain().Single(x => x.Path == url);
    }

    /// <summary>
    /// The table row of "where the in-app time goes" for one page: <paramref name="count"/> requests with MVC's diagnostic
    /// events on, medians of in-app time, time before the page action, page handler, views, rest of the action, after it.
    /// </summary>
    public static async Task<string> PhasesRowAsync(Browser client, string url, string label, int count)
    {
        Probe.Phases = true;
        Probe.Drain();
        for (var r = 0; r < count; r++)
        {
            await Expect200(client, url);
        }

        Probe.Phases = false;
        var records = Probe.Drain().Where(x => x.Path == url && x.ActionStart > 0 && x.ViewEnd > 0).ToList();
        double Ms(Func<RequestRecord, long> from, Func<RequestRecord, long> to) =>
            Percentile(records.Select(x => (to(x) - from(x)) * 1000.0 / Stopwatch.Frequency).ToList(), 50);
        var end = (Func<RequestRecord, long>)(x => x.Started + (long)(x.InApp.TotalSeconds * Stopwatch.Frequency));
        return string.Create(Inv, $"| {label} | {Percentile(records.Select(x => x.InApp.TotalMilliseconds).ToList(), 50):F2} | {Ms(x => x.Started, x => x.ActionStart):F2} | " +
            $"{Ms(x => x.HandlerStart, x => x.HandlerEnd):F2} | {Ms(x => x.ViewStart, x => x.ViewEnd):F2} | " +
            $"{Ms(x => x.ActionStart, x => x.ActionEnd) - Ms(x => x.HandlerStart, x => x.HandlerEnd) - Ms(x => x.ViewStart, x => x.ViewEnd):F2} | {Ms(x => x.ActionEnd, end):F2} |");
    }
}

/// <summary>Client times of one page's timed requests and what the app booked for them.</summary>
internal sealed record PageTiming(List<double> Times, List<RequestRecord> Records, int Bytes, double OthersPercent)
{
    public List<double> InApp => Records.Select(x => x.InApp.TotalMilliseconds).ToList();

    public List<double> Db => Records.Select(x => x.DbTime.TotalMilliseconds).ToList();

    public double Commands => Records.Count == 0 ? 0 : Records.Average(x => x.Commands);

    /// <summary>The second half of the requests (is the first half still warming up?).</summary>
    public List<double> SecondHalf => Times.Skip(Times.Count / 2).ToList();

    /// <summary>One line per request: client, in-app and database time in ms.</summary>
    public Task WriteCsvAsync(string file) => File.WriteAllLinesAsync(file,
        Times.Select((t, k) => string.Create(Report.Inv, $"{k + 1},{t:F3},{(k < Records.Count ? Records[k].InApp.TotalMilliseconds : double.NaN):F3},{(k < Records.Count ? Records[k].DbTime.TotalMilliseconds : double.NaN):F3}"))
            .Prepend("request,client_ms,in_app_ms,db_ms"));
}

/// <summary>
/// The cross-check from outside the process: wrk (when /usr/bin/wrk exists) against the same server, with a Lua script
/// that prints one line of percentiles; the report gives the other processes' CPU share meanwhile.
/// </summary>
internal sealed class Wrk(string baseUrl, string script, Machine machine)
{
    public static async Task<Wrk?> CreateAsync(BenchRun run, string baseUrl, Machine machine)
    {
        if (!run.Options.UseWrk || !File.Exists("/usr/bin/wrk"))
        {
            return null;
        }

        var script = Path.Combine(run.Work, "percentiles.lua");
        await File.WriteAllTextAsync(script, """
            done = function(summary, latency, requests)
              io.write(string.format("WRK %d %d %.3f %.3f %.3f %.3f\n", summary.requests, summary.errors.status,
                latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
            end
            """);
        return new Wrk(baseUrl, script, machine);
    }

    public const string Header = "| page | connections | requests | req/s | p50 ms | p95 ms | p99 ms | max ms | non-2xx | others' CPU |\n|---|---|---|---|---|---|---|---|---|---|";

    /// <summary>A 3 s warm-up, then <paramref name="seconds"/> measured; the table row (see <see cref="Header"/>).</summary>
    public async Task<string> RowAsync(string label, string url, int connections, int seconds, string cookieHeader = "")
    {
        await RunAsync(url, connections, 3, cookieHeader);
        var before = machine.Take();
        var line = await RunAsync(url, connections, seconds, cookieHeader);
        var after = machine.Take();
        var f = line.Split(' ');
        var n = int.Parse(f[1], Report.Inv);
        return string.Create(Report.Inv, $"| {label} | {connections} | {n} | {n / (double)seconds:F0} | {f[3]} | {f[4]} | {f[5]} | {f[6]} | {f[2]} | {Machine.OthersPercent(before, after):F0} % |");
    }

    private async Task<string> RunAsync(string url, int connections, int seconds, string cookieHeader)
    {
        var start = new ProcessStartInfo("/usr/bin/wrk") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "-t1", $"-c{connections}", $"-d{seconds}s", "--latency", "-s", script, "-H", "Accept: text/html", "-H", "Accept-Language: de-DE,de;q=0.9" })
        {
            start.ArgumentList.Add(a);
        }

        if (cookieHeader.Length > 0)
        {
            start.ArgumentList.Add("-H");
            start.ArgumentList.Add("Cookie: " + cookieHeader);
        }

        start.ArgumentList.Add(baseUrl + url);
        using var wrk = Process.Start(start)!;
        var stdout = await wrk.StandardOutput.ReadToEndAsync();
        await wrk.WaitForExitAsync();
        return stdout.Split('\n').Single(l => l.StartsWith("WRK ", StringComparison.Ordinal));
    }
}
