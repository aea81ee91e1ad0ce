using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Geo;
using Masterplan.Web.Features.ServiceRequests;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using static Masterplan.Bench.Report;

// The Meldungen targets (issue "Meldungen", section Performance), on PostgreSQL with 1,000,000 reports and on SQLite with
// 100,000: the map query for a viewport (bounding box, at most 500 points) p95 ≤ 30 ms for a city-wide, a district-sized
// and a street-sized viewport; Open311 GET /open311/v2/requests.json with 1,000 results ≥ 200 requests/s; Open311 POST of
// new reports (api_key) ≥ 300/s, each acknowledged only after its commit, next to a bare INSERT loop in the same run.
//
// Starts the real app (Program.cs, Production environment, migrations and reference data at start) on Kestrel on a
// loopback port in this process, loads the reports past the app (Seed.cs: binary COPY on PostgreSQL), then measures. The
// map query has no HTTP address of its own yet (the public pages list reports; only the duplicate check and Open311 use
// the viewport query), so it is timed as the app runs it: ServiceRequestMap.InBoxAsync from the app's own services, one
// scope (one DbContext) per query. --mode kill9 runs the app as a separate process instead (Kill9.cs).
//
// Usage: dotnet run -c Release --project bench/ServiceRequests -- --engine sqlite|postgres [--postgres "Host=…"]
//        [--mode all|kill9] [--reports N] [--requests 300 (map queries per viewport)] [--warmup 50] [--workers 8]
//        [--seconds 5 (GET and POST series)] [--rounds 2 (POST and bare INSERT in turns)] [--kill-rounds 3]
//        [--kill-workers 32] [--app-dll PATH] [--out DIR] [--pg-pid PID]
namespace Masterplan.Bench.ServiceRequests;

/// <summary>Entry point (a class of its own: top-level statements would clash with the app's <c>Program</c>).</summary>
internal static class BenchMain
{
    private const double MapTargetMs = 30, GetTarget = 200, PostTarget = 300;

    public static async Task<int> Main(string[] args)
    {
        var (mode, reports, workers, seconds, rounds, kRounds, kWorkers) = ("all", -1, 8, 5, 2, 3, 32);
        string? appDll = null;
        var options = BenchOptions.Parse(args, requests: 300, (arg, next) =>
        {
            int Int() => int.Parse(next(), CultureInfo.InvariantCulture);
            switch (arg)
            {
                case "--mode": mode = next(); return true;
                case "--reports": reports = Int(); return true;
                case "--workers": workers = Int(); return true;
                case "--seconds": seconds = Int(); return true;
                case "--rounds": rounds = Int(); return true;
                case "--kill-rounds": kRounds = Int(); return true;
                case "--kill-workers": kWorkers = Int(); return true;
                case "--app-dll": appDll = next(); return true;
                default: return false;
            }
        });
        if (options is null || mode is not ("all" or "kill9"))
        {
            Console.Error.WriteLine("--mode all|kill9");
            return 2;
        }

        if (reports < 0)
        {
            reports = options.Engine == DatabaseProvider.Postgres ? 1_000_000 : 100_000;
        }

        if (BenchRun.Create(options, "servicerequests") is not { } created)
        {
            return 2;
        }

        await using var run = created;
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        var machine = new Machine(options.PostgresPid);
        var app = run.App;
        Say($"# Meldungen / Open311 benchmark, {options.Engine}, mode {mode}, {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC");
        Say(BenchRun.MachineLine());
        var (baseUrl, startLine) = await run.StartAsync();
        Say(startLine);

        if (mode == "kill9")
        {
            if (options.Engine != DatabaseProvider.Postgres)
            {
                Console.Error.WriteLine("--mode kill9 needs --engine postgres");
                return 2;
            }

            // The in-process app only created and migrated the database and holds the key; the process under test is another one.
            var keyed = await Seed.RunAsync(app.Services, options.Engine, run.ConnectionString, 0);
            await app.DisposeAsync();
            var ok = await Kill9.RunAsync(appDll ?? AppProcess.DefaultDll(), run.ConnectionString, keyed, kRounds, kWorkers, run.OutDir);
            Say("");
            Say($"load average at the end: {Machine.LoadAverage()}; outputs in {run.OutDir}");
            return ok ? 0 : 1;
        }

        var seeded = await Seed.RunAsync(app.Services, options.Engine, run.ConnectionString, reports);
        Say(string.Create(Inv, $"seeded {seeded.Reports:N0} reports in {seeded.Took.TotalSeconds:F1} s ({seeded.Reports / seeded.Took.TotalSeconds:N0} rows/s; {seeded.How}): " +
            $"{seeded.Codes.Length} categories ({string.Join(", ", seeded.Codes)}), {seeded.DistrictIds.Length} districts, {ServiceRequestsModule.Statuses.Length} statuses in turn, " +
            $"points uniform over {GeoArea.MinLatitude}–{GeoArea.MaxLatitude} N, {GeoArea.MinLongitude}–{GeoArea.MaxLongitude} E, created over the last 365 days"));

        var allMet = await MapAsync(app.Services, options, machine);
        allMet &= await GetAsync(baseUrl, workers, seconds, machine);
        allMet &= await PostAsync(run, baseUrl, seeded, workers, seconds, rounds, machine);
        Say("");
        Say($"load average at the end: {Machine.LoadAverage()}; outputs in {run.OutDir}");
        return allMet ? 0 : 1;
    }

    /// <summary>The three viewport sizes: a box of this many metres (north–south × west–east) at random places; 0 = the whole city.</summary>
    private static readonly (string Name, double Metres)[] Viewports = [("city-wide (Dortmund's bounding box)", 0), ("district-sized (4 km × 4 km)", 4000), ("street-sized (300 m × 300 m)", 300)];

    private static async Task<bool> MapAsync(IServiceProvider services, BenchOptions options, Machine machine)
    {
        Say("");
        Say($"## Map query for a viewport (at most 500 points), {options.Requests} queries per viewport after {options.Warmup} warm-up");
        Say("");
        Say("ServiceRequestMap.InBoxAsync (public reports, no filter, newest first, at most 500) from the app's services, one scope per query, one after the other; " +
            "times from the call until the list is there.");
        Say("");
        Say("| viewport | queries | points returned (mean) | p50 ms | p95 ms | max ms | target p95 ≤ 30 ms | others' CPU |");
        Say("|---|---|---|---|---|---|---|---|");
        var random = new Random(30);
        var met = true;
        foreach (var (name, metres) in Viewports)
        {
            BoundingBox Box()
            {
                if (metres == 0)
                {
                    return new BoundingBox(GeoArea.MinLatitude, GeoArea.MinLongitude, GeoArea.MaxLatitude, GeoArea.MaxLongitude);
                }

                var half = metres / 2 / BoundingBox.MetresPerDegree;
                var lat = GeoArea.MinLatitude + half + random.NextDouble() * (GeoArea.MaxLatitude - GeoArea.MinLatitude - 2 * half);
                var halfLon = half / Math.Cos(lat * Math.PI / 180);
                var lon = GeoArea.MinLongitude + halfLon + random.NextDouble() * (GeoArea.MaxLongitude - GeoArea.MinLongitude - 2 * halfLon);
                return new BoundingBox(lat - half, lon - halfLon, lat + half, lon + halfLon);
            }

            async Task<(double Ms, int Count)> OnceAsync()
            {
                var box = Box();
                await using var scope = services.CreateAsyncScope();
                var map = scope.ServiceProvider.GetRequiredService<ServiceRequestMap>();
                var start = Stopwatch.GetTimestamp();
                var points = await map.InBoxAsync(box, ServiceRequestFilter.None, 500, CancellationToken.None);
                return (Stopwatch.GetElapsedTime(start).TotalMilliseconds, points.Count);
            }

            for (var w = 0; w < options.Warmup; w++)
            {
                await OnceAsync();
            }

            var before = machine.Take();
            var times = new List<double>();
            var counts = new List<int>();
            for (var r = 0; r < options.Requests; r++)
            {
                var (ms, count) = await OnceAsync();
                times.Add(ms);
                counts.Add(count);
            }

            var after = machine.Take();
            var p95 = Percentile(times, 95);
            met &= p95 <= MapTargetMs;
            Say(string.Create(Inv, $"| {name} | {times.Count} | {counts.Average():F0} | {Percentile(times, 50):F2} | {p95:F2} | {times.Max():F2} | {(p95 <= MapTargetMs ? "met" : "**missed**")} | {Machine.OthersPercent(before, after):F0} % |"));
        }

        return met;
    }

    /// <summary>An HTTP client with up to <paramref name="connections"/> keep-alive connections, as an Open311 client has.</summary>
    private static HttpClient Client(string baseUrl, int connections) => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = connections, AllowAutoRedirect = false, UseCookies = false, PooledConnectionIdleTimeout = TimeSpan.FromMinutes(10),
    })
    { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>
    /// <paramref name="workers"/> loops, each sending <paramref name="send"/> one after the other for <paramref name="seconds"/>;
    /// the latencies of the answers <paramref name="send"/> counted as good, and the count of the others.
    /// </summary>
    private static async Task<(List<double> Times, int Bad, TimeSpan Took)> SeriesAsync(int workers, int seconds, Func<int, int, Task<bool>> send)
    {
        var times = new ConcurrentBag<double>();
        var bad = 0;
        var watch = Stopwatch.StartNew();
        var until = TimeSpan.FromSeconds(seconds);
        await Task.WhenAll(Enumerable.Range(0, workers).Select(w => Task.Run(async () =>
        {
            for (var n = 0; watch.Elapsed < until; n++)
            {
                var start = Stopwatch.GetTimestamp();
                if (await send(w, n))
                {
                    times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                }
                else
                {
                    Interlocked.Increment(ref bad);
                }
            }
        })));
        return ([.. times], bad, watch.Elapsed);
    }

    private static async Task<bool> GetAsync(string baseUrl, int workers, int seconds, Machine machine)
    {
        const string url = "/open311/v2/requests.json";
        using var client = Client(baseUrl, workers);
        var first = await client.GetStringAsync(url);
        var results = CountOccurrences(first, "\"service_request_id\"");
        Say("");
        Say($"## Open311 GET {url} ({results} results, {first.Length:N0} bytes), {workers} clients for {seconds} s after a 2 s warm-up");
        Say("");
        async Task<bool> Once(int w, int n)
        {
            using var response = await client.GetAsync(url);
            await response.Content.ReadAsByteArrayAsync();
            return response.StatusCode == HttpStatusCode.OK;
        }

        await SeriesAsync(workers, 2, Once);
        var before = machine.Take();
        var (times, bad, took) = await SeriesAsync(workers, seconds, Once);
        var after = machine.Take();
        var rate = times.Count / took.TotalSeconds;
        Say("| answers 200 | other | requests/s | p50 ms | p95 ms | max ms | target ≥ 200/s | others' CPU |");
        Say("|---|---|---|---|---|---|---|---|");
        Say(string.Create(Inv, $"| {times.Count} | {bad} | {rate:F0} | {Percentile(times, 50):F1} | {Percentile(times, 95):F1} | {times.DefaultIfEmpty().Max():F1} | {(rate >= GetTarget ? "met" : "**missed**")} | {Machine.OthersPercent(before, after):F0} % |"));
        return rate >= GetTarget && results == 1000;
    }

    private static readonly Regex IdInAnswer = new("\"service_request_id\":\\s*\"?(\\d+)", RegexOptions.Compiled);

    private static async Task<bool> PostAsync(BenchRun run, string baseUrl, Seeded seeded, int workers, int seconds, int rounds, Machine machine)
    {
        Say("");
        Say($"## Open311 POST /open311/v2/requests.json (api_key) next to a bare INSERT loop, {workers} workers, {seconds} s per series after a {seconds} s warm-up, {rounds} rounds in turns");
        Say("");
        Say("POST: form-encoded as the spec says (api_key, service_code, lat, long, attribute[district], description); an answer counts as acknowledged when it is 200 " +
            "with the report's service_request_id (the app answers only after its commit; afterwards every acknowledged id is looked up in the database). " +
            "Bare INSERT: the same row (same table, same indexes, triggers on SQLite) by one prepared INSERT per statement in autocommit (one commit each), one connection per worker. " +
            (run.Options.Engine == DatabaseProvider.Postgres ? "PostgreSQL: " + await SettingsAsync(run.ConnectionString) : "SQLite, as the app left the file: " + await SqliteSettingsAsync(run.ConnectionString)));
        Say("");
        Say("| round | series | done | refused / failed | per second | p50 ms | p95 ms | max ms | others' CPU |");
        Say("|---|---|---|---|---|---|---|---|---|");
        using var client = Client(baseUrl, workers);
        var random = new Random(300);
        var acknowledged = new ConcurrentBag<int>();
        var refusals = new ConcurrentDictionary<string, int>();
        async Task<bool> Post(int w, int n)
        {
            double lat, lon;
            lock (random)
            {
                (lat, lon) = (51.45 + random.NextDouble() * 0.1, 7.38 + random.NextDouble() * 0.18);
            }

            using var content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["api_key"] = seeded.ApiKey, ["service_code"] = seeded.Codes[n % seeded.Codes.Length], ["lat"] = lat.ToString("R", Inv), ["long"] = lon.ToString("R", Inv),
                ["attribute[district]"] = seeded.DistrictIds[(w + n) % seeded.DistrictIds.Length].ToString(Inv), ["description"] = $"Bench POST {w}-{n}: Mülltonne umgekippt.",
            });
            using var response = await client.PostAsync("/open311/v2/requests.json", content);
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode == HttpStatusCode.OK && IdInAnswer.Match(body) is { Success: true } m)
            {
                acknowledged.Add(int.Parse(m.Groups[1].Value, Inv));
                return true;
            }

            refusals.AddOrUpdate($"{(int)response.StatusCode} {body[..Math.Min(body.Length, 200)]}", 1, (_, c) => c + 1);
            return false;
        }

        // One unmeasured series as long as a measured one: the first seconds of writes run on code the JIT has not tiered
        // up yet and on a pool still growing (a 2 s warm-up left the first round at half the second's rate on both engines).
        await SeriesAsync(workers, seconds, Post);
        var postRates = new List<double>();
        var insertRates = new List<double>();
        var insertNumber = 0;
        for (var round = 1; round <= rounds; round++)
        {
            foreach (var series in new[] { "Open311 POST", "bare INSERT" })
            {
                var before = machine.Take();
                var (times, bad, took) = series == "Open311 POST"
                    ? await SeriesAsync(workers, seconds, Post)
                    : await Direct.InsertSeriesAsync(run.Options.Engine, run.ConnectionString, seeded, workers, seconds, () => Interlocked.Increment(ref insertNumber));
                var after = machine.Take();
                var rate = times.Count / took.TotalSeconds;
                (series == "Open311 POST" ? postRates : insertRates).Add(rate);
                Say(string.Create(Inv, $"| {round} | {series} | {times.Count} | {bad} | {rate:F0} | {Percentile(times, 50):F1} | {Percentile(times, 95):F1} | {times.DefaultIfEmpty().Max():F1} | {Machine.OthersPercent(before, after):F0} % |"));
            }
        }

        var ids = acknowledged.ToList();
        var present = await Direct.PresentAsync(run.Options.Engine, run.ConnectionString, ids);
        foreach (var (answer, count) in refusals)
        {
            Say($"- refused: {count} × {answer}");
        }

        var (post, insert) = (postRates.Average(), insertRates.Average());
        Say("");
        Say(string.Create(Inv, $"**POST {post:F0}/s (target ≥ 300/s: {(post >= PostTarget ? "met" : "missed")}), bare INSERT {insert:F0}/s, ratio POST/INSERT {post / insert:F2}; " +
            $"acknowledged {ids.Count} (warm-up included), present in the database {present}, lost {ids.Count - present}.**"));
        return post >= PostTarget && present == ids.Count;
    }

    /// <summary>The journal mode is stored in the file (the app sets the write-ahead log); synchronous is per connection.</summary>
    private static async Task<string> SqliteSettingsAsync(string connectionString)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        var parts = new List<string>();
        foreach (var name in new[] { "journal_mode", "synchronous", "busy_timeout" })
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"PRAGMA {name}";
            parts.Add($"{name}={await command.ExecuteScalarAsync()}");
        }

        return string.Join(", ", parts) + " (synchronous 2 = FULL).";
    }

    private static async Task<string> SettingsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var parts = new List<string>();
        foreach (var name in new[] { "server_version", "fsync", "synchronous_commit", "wal_sync_method", "max_connections" })
        {
            await using var command = new NpgsqlCommand($"SELECT current_setting('{name}')", connection);
            parts.Add($"{name}={await command.ExecuteScalarAsync()}");
        }

        return string.Join(", ", parts);
    }
}

/// <summary>The database past the app: the bare INSERT loop and the look-up of acknowledged ids.</summary>
internal static class Direct
{
    private const string Insert = """
        INSERT INTO "ServiceRequests" ("ReceiptHash", "CategoryId", "Description", "Latitude", "Longitude", "DistrictId", "Status", "SupportCount", "IsPublic", "IsDemo", "Created", "Modified")
        VALUES (@hash, @category, @description, @lat, @lon, @district, 'open', 0, TRUE, FALSE, @created, @created)
        """;

    public static async Task<(List<double> Times, int Bad, TimeSpan Took)> InsertSeriesAsync(
        DatabaseProvider engine, string connectionString, Seeded seeded, int workers, int seconds, Func<int> next)
    {
        var times = new ConcurrentBag<double>();
        var bad = 0;
        var watch = Stopwatch.StartNew();
        var until = TimeSpan.FromSeconds(seconds);
        await Task.WhenAll(Enumerable.Range(0, workers).Select(w => Task.Run(async () =>
        {
            System.Data.Common.DbConnection connection = engine == DatabaseProvider.Postgres
                ? new NpgsqlConnection(connectionString)
                : new SqliteConnection(connectionString + ";Default Timeout=30");
            await using var _ = connection;
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = engine == DatabaseProvider.Postgres ? Insert : Insert.Replace("TRUE", "1", StringComparison.Ordinal).Replace("FALSE", "0", StringComparison.Ordinal);
            var p = new[] { "hash", "category", "description", "lat", "lon", "district", "created" }.Select(n =>
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = n;
                command.Parameters.Add(parameter);
                return parameter;
            }).ToArray();
            var random = new Random(w);
            var created = new Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter();
            while (watch.Elapsed < until)
            {
                var n = next();
                var now = DateTimeOffset.UtcNow;
                (p[0].Value, p[1].Value, p[2].Value, p[3].Value, p[4].Value, p[5].Value) = (Masterplan.Web.Shared.HashedCodes.Hash($"bare-{n}"),
                    seeded.CategoryIds[n % seeded.CategoryIds.Length], $"Bench INSERT {n}: Mülltonne umgekippt.", 51.45 + random.NextDouble() * 0.1,
                    7.38 + random.NextDouble() * 0.18, seeded.DistrictIds[n % seeded.DistrictIds.Length]);
                p[6].Value = engine == DatabaseProvider.Postgres ? now : created.ConvertToProvider(now);
                var start = Stopwatch.GetTimestamp();
                try
                {
                    await command.ExecuteNonQueryAsync();
                    times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                }
                catch (Exception e) when (e is NpgsqlException or SqliteException)
                {
                    Interlocked.Increment(ref bad);
                }
            }
        })));
        return ([.. times], bad, watch.Elapsed);
    }

    /// <summary>How many of the ids are rows of ServiceRequests.</summary>
    public static async Task<long> PresentAsync(DatabaseProvider engine, string connectionString, List<int> ids)
    {
        if (ids.Count == 0)
        {
            return 0;
        }

        System.Data.Common.DbConnection connection = engine == DatabaseProvider.Postgres ? new NpgsqlConnection(connectionString) : new SqliteConnection(connectionString);
        await using var _ = connection;
        await connection.OpenAsync();
        long present = 0;
        foreach (var chunk in ids.Distinct().Chunk(500))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"""SELECT count(*) FROM "ServiceRequests" WHERE "Id" IN ({string.Join(',', chunk)})""";
            present += Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
        }

        return present;
    }
}
