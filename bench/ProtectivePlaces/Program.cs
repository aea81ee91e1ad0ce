using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text.RegularExpressions;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Districts;
using Masterplan.Web.Features.Geo;
using Masterplan.Web.Features.ProtectivePlaces;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Masterplan.Bench.Report;

// The Schutzorte targets: "open now near an address" with 2,000 places, p95 ≤ 30 ms server time on both engines, and the
// public page's transfer size without map tiles.
//
// Starts the real app (Program.cs, Production environment) on Kestrel on a loopback port in this process, adds 2,000
// public places spread over Dortmund through the app's own AppDbContext (a mix of kinds; weekly rules of one to three
// intervals, a third with nights across midnight; exceptions on some), then times
//   1. PlaceFinder.FindAsync (open now first, nearest first) from the app's services, one scope per query, random points;
//   2. GET /schutzorte?Ort.Latitude=…&Ort.Longitude=… (the whole page, typed coordinates, as the form sends them): the
//      app's own time per request (Probe) and the client's;
//   3. the bytes of /schutzorte and everything it loads (stylesheets, scripts) with the map (the default: Leaflet,
//      the GeoJSON of the listed places) and without it, raw, gzip-compressed (as a compressing proxy would send them) and as
//      the app sends them (stylesheets and scripts compressed), tiles excluded.
//
// Usage: dotnet run -c Release --project bench/ProtectivePlaces -- --engine sqlite|postgres [--postgres "Host=…"]
//        [--places 2000] [--requests 300] [--warmup 50]
namespace Masterplan.Bench.ProtectivePlaces;

internal static class BenchMain
{
    private const double TargetMs = 30, PageLimitKb = 100;

    public static async Task<int> Main(string[] args)
    {
        var places = 2000;
        var options = BenchOptions.Parse(args, requests: 300, (arg, next) =>
        {
            if (arg == "--places")
            {
                places = int.Parse(next(), CultureInfo.InvariantCulture);
                return true;
            }

            return false;
        });
        if (options is null || BenchRun.Create(options, "protectiveplaces") is not { } created)
        {
            return 2;
        }

        await using var run = created;
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        var machine = new Machine(options.PostgresPid);
        Say($"# Schutzorte benchmark, {options.Engine}, {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC");
        Say(BenchRun.MachineLine());
        var (baseUrl, startLine) = await run.StartAsync();
        Say(startLine);
        var seeded = Stopwatch.StartNew();
        var rules = await SeedAsync(run.App.Services, places);
        Say(string.Create(Inv, $"seeded {places:N0} public places with {rules:N0} weekly rules in {seeded.Elapsed.TotalSeconds:F1} s, uniform over {GeoArea.MinLatitude}–{GeoArea.MaxLatitude} N, {GeoArea.MinLongitude}–{GeoArea.MaxLongitude} E"));

        var random = new Random(19);
        (double Lat, double Lon) Point() => (GeoArea.MinLatitude + 0.03 + (random.NextDouble() * 0.13), GeoArea.MinLongitude + 0.05 + (random.NextDouble() * 0.24));
        var met = true;

        // 1. The query as the page runs it.
        async Task<(double Ms, int Open)> OnceAsync()
        {
            var (lat, lon) = Point();
            await using var scope = run.App.Services.CreateAsyncScope();
            var finder = scope.ServiceProvider.GetRequiredService<PlaceFinder>();
            var start = Stopwatch.GetTimestamp();
            var list = await finder.FindAsync(new PlaceQuery(Latitude: lat, Longitude: lon), CancellationToken.None, Masterplan.Web.Features.ProtectivePlaces.IndexModel.Shown);
            return (Stopwatch.GetElapsedTime(start).TotalMilliseconds, list.Count(l => l.Status.Open));
        }

        for (var w = 0; w < options.Warmup; w++)
        {
            await OnceAsync();
        }

        var before = machine.Take();
        var times = new List<double>();
        var open = new List<int>();
        for (var r = 0; r < options.Requests; r++)
        {
            var (ms, count) = await OnceAsync();
            times.Add(ms);
            open.Add(count);
        }

        var after = machine.Take();
        Say("");
        Say($"## Open now near a point, {options.Requests} queries after {options.Warmup} warm-up");
        Say("");
        Say("| what | queries | open places among those shown (mean) | p50 ms | p95 ms | max ms | target p95 ≤ 30 ms | others' CPU |");
        Say("|---|---|---|---|---|---|---|---|");
        var p95 = Percentile(times, 95);
        met &= p95 <= TargetMs;
        Say(string.Create(Inv, $"| PlaceFinder.FindAsync (all {places:N0} ranked, first {Masterplan.Web.Features.ProtectivePlaces.IndexModel.Shown} read in full) | {times.Count} | {open.Average():F0} | {Percentile(times, 50):F2} | {p95:F2} | {times.Max():F2} | {(p95 <= TargetMs ? "met" : "**missed**")} | {Machine.OthersPercent(before, after):F0} % |"));

        // 2. The whole page over HTTP, with the app's own time per request.
        using var client = new Browser(baseUrl);
        var (plat, plon) = Point();
        var url = string.Create(Inv, $"/schutzorte?Ort.Latitude={plat:F5}&Ort.Longitude={plon:F5}");
        var timing = await TimePageAsync(client, url, options.Warmup, options.Requests, machine);
        var inApp = timing.InApp;
        var appP95 = Percentile(inApp, 95);
        met &= appP95 <= TargetMs;
        Say(string.Create(Inv, $"| GET {url} (server time, page rendered) | {inApp.Count} | – | {Percentile(inApp, 50):F2} | {appP95:F2} | {inApp.Max():F2} | {(appP95 <= TargetMs ? "met" : "**missed**")} | {timing.OthersPercent:F0} % |"));
        Say(string.Create(Inv, $"| same, client time on loopback | {timing.Times.Count} | – | {Percentile(timing.Times, 50):F2} | {Percentile(timing.Times, 95):F2} | {timing.Times.Max():F2} | – | – |"));

        // 3. Transfer size of the page and what it loads, tiles excluded.
        Say("");
        Say("## Transfer size of /schutzorte (tiles excluded)");
        Say("");
        Say("| page | HTML bytes | with stylesheets and scripts | as the app sends them (br/gzip for stylesheets and scripts, pages plain) | all gzip (a compressing proxy) | under 100 KB as sent |");
        Say("|---|---|---|---|---|---|");
        using var wire = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = System.Net.DecompressionMethods.None }) { BaseAddress = new Uri(baseUrl) };
        wire.DefaultRequestHeaders.AcceptEncoding.ParseAdd("br, gzip");
        foreach (var (label, page) in new[] { ("list with the map (default)", url), ("list without the map (karte=false)", url + "&karte=false") })
        {
            var (raw, gz, html, sent) = await WeighAsync(client, wire, page);
            var ok = sent / 1024.0 <= PageLimitKb;
            Say(string.Create(Inv, $"| {label} | {html:N0} | {raw:N0} | {sent:N0} | {gz.All:N0} | {(ok ? "yes" : "**no**")} |"));
            met &= ok;
        }

        Say("");
        Say($"load average at the end: {Machine.LoadAverage()}");
        return met ? 0 : 1;
    }

    /// <summary>
    /// The page, its stylesheets and scripts, and (with the map) the GeoJSON it reads: raw bytes, gzip bytes, and the bytes
    /// the app itself sends to a browser that accepts br and gzip.
    /// </summary>
    private static async Task<(long Raw, (long Html, long All) Gz, long Html, long Sent)> WeighAsync(Browser client, HttpClient wire, string url)
    {
        var (_, _, body) = await client.SendAsync(HttpMethod.Get, url);
        var html = System.Text.Encoding.UTF8.GetString(body);
        // What a browser loads: stylesheets, scripts and the map's GeoJSON (not the open-data links the page only names).
        var assets = Regex.Matches(html, "<link[^>]+href=\"(/[^\"]+\\.css)\"|<script[^>]+src=\"(/[^\"]+)\"|data-geojson=\"(/[^\"]+)\"")
            .Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Success ? m.Groups[2].Value : m.Groups[3].Value)).Distinct().ToList();
        long raw = body.Length, gz = Gzip(body), sent = (await wire.GetByteArrayAsync(url)).Length;
        foreach (var asset in assets)
        {
            var (status, _, bytes) = await client.SendAsync(HttpMethod.Get, asset);
            if ((int)status == 200)
            {
                raw += bytes.Length;
                gz += Gzip(bytes);
                sent += (await wire.GetByteArrayAsync(asset)).Length;
            }
        }

        return (raw, (Gzip(body), gz), body.Length, sent);
    }

    private static long Gzip(byte[] bytes)
    {
        using var memory = new MemoryStream();
        using (var zip = new GZipStream(memory, CompressionLevel.Optimal, leaveOpen: true))
        {
            zip.Write(bytes);
        }

        return memory.Length;
    }

    private static async Task<int> SeedAsync(IServiceProvider services, int count)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var districts = await db.Districts.Select(d => d.Id).ToListAsync();
        var random = new Random(2000);
        var kinds = ProtectivePlacesModule.Kinds.Where(k => k != ProtectivePlacesModule.EventHelpPoint).ToArray();
        var rules = 0;
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        for (var batch = 0; batch < count; batch += 500)
        {
            for (var i = batch; i < Math.Min(count, batch + 500); i++)
            {
                var place = new ProtectivePlace
                {
                    Name = $"Schutzort {i + 1}", Kind = kinds[i % kinds.Length], Help = "Hilfe, ein ruhiger Ort und ein Telefon.",
                    Latitude = GeoArea.MinLatitude + (random.NextDouble() * (GeoArea.MaxLatitude - GeoArea.MinLatitude)),
                    Longitude = GeoArea.MinLongitude + (random.NextDouble() * (GeoArea.MaxLongitude - GeoArea.MinLongitude)),
                    DistrictId = districts[i % districts.Count], Phone = "0231 50-0", IsPublic = true,
                };
                foreach (var day in OpeningHours.Week)
                {
                    if (random.Next(7) == 0)
                    {
                        continue;
                    }

                    if (i % 3 == 0)
                    {
                        place.Rules.Add(new OpeningRule { Day = day, Opens = new TimeOnly(20, 0), Closes = new TimeOnly(4, 0), NextDay = true });
                    }
                    else
                    {
                        place.Rules.Add(new OpeningRule { Day = day, Opens = new TimeOnly(9, 0), Closes = new TimeOnly(13, 0) });
                        place.Rules.Add(new OpeningRule { Day = day, Opens = new TimeOnly(14, 0), Closes = new TimeOnly(18, 0) });
                    }
                }

                if (i % 10 == 0)
                {
                    place.Exceptions.Add(new OpeningException { Date = today.AddDays(i % 5), Closed = true, Note = "Feiertag" });
                }

                rules += place.Rules.Count;
                db.ProtectivePlaces.Add(place);
            }

            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }

        return rules;
    }
}
