using System.Diagnostics;
using System.Globalization;
using System.Net;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Accounts;
using Masterplan.Web.Features.Labs;
using Masterplan.Web.Features.Labs.Manage;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Masterplan.Bench.Report;

// Targets: the register import ≥ 50,000 rows/s into the database, and the 600,000-row extract in ≤ 15 s end to end through
// the web (upload to stored), on SQLite and on PostgreSQL.
//
// Starts the real app (Program.cs, Production environment) on Kestrel in this process, signs in as the Office (password and
// second factor) and, per run, makes a new lab with an approved concept and uploads the extract to its draw page
// (multipart POST ?handler=Import, as the browser sends it) until the redirect says it is stored. Then, per run, the same
// file through RegisterImport.ImportAsync in the process, whose progress marks the end of reading and checking the file: the
// rest (delete of an earlier extract, bulk insert, audit entry, commit) is the database write, reported as rows/s. Each run's
// rows are deleted afterwards (not timed), so every run writes into the same table size.
//
// Usage: dotnet run -c Release --project bench/Labs -- --engine sqlite|postgres [--postgres "Host=…"] [--pg-pid PID]
//        --file /tmp/masterplan-register-600000.csv [--runs 3]
namespace Masterplan.Bench.Labs;

internal static class BenchMain
{
    private const string Password = "korrekt pferd batterie heftklammer";
    private const double WriteTarget = 50_000, EndToEndTarget = 15;

    public static async Task<int> Main(string[] args)
    {
        string? file = null;
        var options = BenchOptions.Parse(args, requests: 0, (arg, next) =>
        {
            if (arg == "--file")
            {
                file = next();
                return true;
            }

            return false;
        });
        if (options is null || file is null || !File.Exists(file) || BenchRun.Create(options, "labs") is not { } created)
        {
            Console.Error.WriteLine("usage: --engine sqlite|postgres [--postgres …] --file EXTRACT.csv [--runs N]");
            return 2;
        }

        await using var run = created;
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        var machine = new Machine(options.PostgresPid);
        var bytes = await File.ReadAllBytesAsync(file);
        var rows = File.ReadLines(file).Count() - 1;
        Say($"# Register import benchmark, {options.Engine}, {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC");
        Say(BenchRun.MachineLine());
        var (baseUrl, startLine) = await run.StartAsync();
        Say(startLine);
        Say(string.Create(Inv, $"extract: {file}, {rows:N0} rows, {bytes.Length / 1e6:F1} MB"));

        var (email, key) = await OfficeAsync(run.App.Services);
        using var browser = new Browser(baseUrl);
        await browser.SignInAsync(email, Password, key);
        var met = true;

        Say("");
        Say($"## Through the web: upload to stored, {options.Runs} runs, each into a new lab");
        Say("");
        Say("| run | seconds | rows/s end to end | target | others' CPU |");
        Say("|---|---|---|---|---|");
        var webTimes = new List<double>();
        var quarter = 0;
        for (var r = 1; r <= options.Runs; r++)
        {
            var lab = await LabAsync(run.App.Services, quarter++);
            var draw = $"/verwaltung/quartierslabore/{lab}/losverfahren";
            var token = await TokenAsync(browser, draw);
            using var content = new MultipartFormDataContent
            {
                { new StringContent(token), "__RequestVerificationToken" },
                { new StringContent("2026-11-23"), "referenceDate" },
            };
            var upload = new ByteArrayContent(bytes);
            upload.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
            content.Add(upload, "file", "auszug.csv");
            var before = machine.Take();
            var start = Stopwatch.GetTimestamp();
            var (status, location, _) = await browser.SendAsync(HttpMethod.Post, $"{draw}?handler=Import", content);
            // The import runs as a background task: the upload answers 303 to its progress page, whose status is read every
            // 50 ms (the page's script asks about once a second) until the task is done.
            var state = "";
            while (status == HttpStatusCode.SeeOther && location is not null && state is not ("done" or "failed" or "cancelled"))
            {
                await Task.Delay(50);
                var (_, _, body) = await browser.SendAsync(HttpMethod.Get, $"{location}?handler=Status");
                using var json = System.Text.Json.JsonDocument.Parse(body);
                state = json.RootElement.GetProperty("state").GetString() ?? "";
            }

            var seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
            var others = Machine.OthersPercent(before, machine.Take());
            var stored = await CountAsync(run.App.Services, lab);
            if (state != "done" || stored != rows)
            {
                throw new InvalidOperationException($"the import answered {(int)status} ({location}), its task ended {state}; {stored} of {rows} rows stored");
            }

            webTimes.Add(seconds);
            Say(string.Create(Inv, $"| {r} | {seconds:F2} | {rows / seconds:N0} | ≤ {EndToEndTarget} s: {(seconds <= EndToEndTarget ? "met" : "**missed**")} | {others:F0} % |"));
            await DeleteAsync(run.App.Services, lab);
        }

        Say("");
        Say($"## In the process: RegisterImport.ImportAsync, {options.Runs} runs, each into a new lab");
        Say("");
        Say("| run | read and check s | database write s (incl. commit) | rows/s written | total s | target | others' CPU |");
        Say("|---|---|---|---|---|---|---|");
        var writeRates = new List<double>();
        for (var r = 1; r <= options.Runs; r++)
        {
            var lab = await LabAsync(run.App.Services, quarter++);
            await using var scope = run.App.Services.CreateAsyncScope();
            var import = scope.ServiceProvider.GetRequiredService<RegisterImport>();
            var readEnd = 0L;
            var progress = new SyncProgress(f =>
            {
                if (f <= 0.3 + 1e-9)
                {
                    readEnd = Stopwatch.GetTimestamp();
                }
            });
            await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            var before = machine.Take();
            var start = Stopwatch.GetTimestamp();
            var outcome = await import.ImportAsync(lab, stream, "auszug.csv", new DateOnly(2026, 11, 23), CancellationToken.None, progress);
            var end = Stopwatch.GetTimestamp();
            var others = Machine.OthersPercent(before, machine.Take());
            if (!outcome.Succeeded || await CountAsync(run.App.Services, lab) != rows)
            {
                throw new InvalidOperationException("the import failed");
            }

            var read = Stopwatch.GetElapsedTime(start, readEnd).TotalSeconds;
            var write = Stopwatch.GetElapsedTime(readEnd, end).TotalSeconds;
            writeRates.Add(rows / write);
            Say(string.Create(Inv, $"| {r} | {read:F2} | {write:F2} | {rows / write:N0} | {Stopwatch.GetElapsedTime(start, end).TotalSeconds:F2} | ≥ {WriteTarget:N0} rows/s: {(rows / write >= WriteTarget ? "met" : "**missed**")} | {others:F0} % |"));
            await DeleteAsync(run.App.Services, lab);
        }

        var webMedian = Percentile(webTimes, 50);
        var rateMedian = Percentile(writeRates, 50);
        met &= webMedian <= EndToEndTarget && rateMedian >= WriteTarget;
        Say("");
        Say(string.Create(Inv, $"median: end to end {webMedian:F2} s (≤ {EndToEndTarget} s), database write {rateMedian:N0} rows/s (≥ {WriteTarget:N0}); {(met ? "both met" : "**not met**")}"));
        Say($"load average at the end: {Machine.LoadAverage()}");
        return 0;
    }

    /// <summary>Progress reported on the caller's thread (Progress&lt;T&gt; would post to the thread pool and arrive late).</summary>
    private sealed class SyncProgress(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
    }

    private static async Task<string> TokenAsync(Browser browser, string page)
    {
        var html = System.Text.Encoding.UTF8.GetString((await browser.SendAsync(HttpMethod.Get, page)).Body);
        const string marker = "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"";
        var at = html.IndexOf(marker, StringComparison.Ordinal);
        return at < 0 ? throw new InvalidOperationException($"no form on {page}") : html[(at + marker.Length)..html.IndexOf('"', at + marker.Length)];
    }

    private static async Task<(string Email, string Key)> OfficeAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        const string email = "office.bench@stadtdo.de";
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Geschäftsstelle Bench", CreatedAt = DateTimeOffset.UtcNow };
        if (await users.CreateAsync(user, Password) is { Succeeded: false } refused)
        {
            throw new InvalidOperationException(string.Join("; ", refused.Errors.Select(e => e.Description)));
        }

        await users.AddToRoleAsync(user, Roles.Office);
        await users.ResetAuthenticatorKeyAsync(user);
        await users.SetTwoFactorEnabledAsync(user, true);
        return (email, (await users.GetAuthenticatorKeyAsync(user))!);
    }

    /// <summary>A lab with its concept approved, in a quarter of its own far ahead (one lab per quarter).</summary>
    private static async Task<int> LabAsync(IServiceProvider services, int n)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var lab = new NeighbourhoodLab
        {
            Title = $"Quartierslabor Bench {n}", District = "Innenstadt-Nord", Year = 2040 + (n / 4), Quarter = 1 + (n % 4), State = LabState.ConceptApproved,
            PlanBasis = "Festlegung: Bench", OverrideReason = "Benchmark",
            ConceptPolitics = "Bench", ConceptDigitalInput = "Bench", ConceptParticipation = "Bench",
            ConceptApprovedOn = new DateOnly(2026, 11, 1), ConceptApprovedBy = "Bezirksvertretung Innenstadt-Nord",
            Categories = "", CreatedAt = DateTimeOffset.UtcNow,
        };
        db.Labs.Add(lab);
        await db.SaveChangesAsync();
        return lab.Id;
    }

    private static async Task<int> CountAsync(IServiceProvider services, int lab)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().RegisterEntries.CountAsync(r => r.LabId == lab);
    }

    private static async Task DeleteAsync(IServiceProvider services, int lab)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AppDbContext>().RegisterEntries.Where(r => r.LabId == lab).ExecuteDeleteAsync();
    }
}
