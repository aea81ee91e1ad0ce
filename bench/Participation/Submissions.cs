using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Masterplan.Web.Shared;
using Npgsql;
using static Masterplan.Bench.Report;

namespace Masterplan.Bench.Participation;

/// <summary>
/// One resident's browser on the contribution form: it GETs the form as a browser does (antiforgery cookie and token, the
/// signed time stamp of <see cref="FormGuard"/>, the empty honeypot), and POSTs it like the form's button. The stamp only
/// says when the form was shown, so the bench waits the minimum fill time once after opening the form and may then send
/// the same form again (as a person who writes a second contribution after the first without reloading would).
/// </summary>
internal sealed partial class FormClient(Browser browser, int callId, string token, string stamp) : IDisposable
{
    public static readonly TimeSpan MinimumFill = TimeSpan.FromSeconds(3); // PublicFormOptions.MinimumFillSeconds, left at its default

    public DateTimeOffset OpenedAt { get; } = DateTimeOffset.UtcNow;

    public static async Task<FormClient> OpenAsync(string baseUrl, int callId)
    {
        var browser = new Browser(baseUrl);
        var page = await browser.SendAsync(HttpMethod.Get, $"/beteiligung/{callId}/beitrag");
        var html = System.Text.Encoding.UTF8.GetString(page.Body);
        if (page.Status != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"form of call {callId} answered {(int)page.Status}");
        }

        return new FormClient(browser, callId, Hidden(html, "__RequestVerificationToken"), Hidden(html, FormGuard.StampField));
    }

    private static string Hidden(string html, string name) =>
        Regex.Match(html, $"<input[^>]*name=\"{Regex.Escape(name)}\"[^>]*value=\"([^\"]*)\"") is { Success: true } m
            ? WebUtility.HtmlDecode(m.Groups[1].Value)
            : throw new InvalidOperationException($"the form has no field {name}");

    /// <summary>Waits until the form has been open for the minimum fill time.</summary>
    public Task ReadyAsync() => Task.Delay(Max(TimeSpan.Zero, OpenedAt + MinimumFill + TimeSpan.FromMilliseconds(200) - DateTimeOffset.UtcNow));

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    /// <summary>Sends the form; the receipt number when the app answered with the redirect to the receipt, otherwise null and what it said.</summary>
    public async Task<(string? Receipt, string Answer)> SubmitAsync(string text, string? district, string? theme)
    {
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Text"] = text, ["District"] = district ?? "", ["Theme"] = theme ?? "", ["AuthorName"] = "Bench", ["Email"] = "",
            [FormGuard.HoneypotField] = "", [FormGuard.StampField] = stamp, ["__RequestVerificationToken"] = token,
        });
        var (status, location, body) = await browser.SendAsync(HttpMethod.Post, $"/beteiligung/{callId}/beitrag", content);
        if (status == HttpStatusCode.Redirect && location is not null && ReceiptOf(location) is { } receipt)
        {
            return (receipt, "302");
        }

        var html = System.Text.Encoding.UTF8.GetString(body);
        var error = ErrorSummary().Match(html);
        var message = error.Success ? WebUtility.HtmlDecode(Regex.Replace(error.Groups[1].Value, "<[^>]*>", "")).Trim() : "";
        return (null, $"{(int)status} {location} {message}");
    }

    /// <summary>Follows the redirect as a browser would: the receipt page answers 200 only for a stored contribution.</summary>
    public async Task<HttpStatusCode> ReceiptPageAsync(string receipt) =>
        (await browser.SendAsync(HttpMethod.Get, "/beteiligung/eingegangen?nr=" + Uri.EscapeDataString(receipt))).Status;

    public static string? ReceiptOf(string location)
    {
        var at = location.IndexOf("nr=", StringComparison.Ordinal);
        return location.StartsWith("/beteiligung/eingegangen", StringComparison.Ordinal) && at > 0 ? Uri.UnescapeDataString(location[(at + 3)..]) : null;
    }

    public void Dispose() => browser.Dispose();

    [GeneratedRegex("class=\"error-summary\"[\\s\\S]{0,2000}?<li>([\\s\\S]{0,600}?)</li>")]
    private static partial Regex ErrorSummary();
}

/// <summary>Direct reads and writes on the PostgreSQL database, past the app: the checks and the bare INSERT loop.</summary>
internal static class Direct
{
    /// <summary>Which of the receipts are stored (by their hash, as the app stores them).</summary>
    public static async Task<HashSet<string>> PresentAsync(string connectionString, IEnumerable<string> receipts)
    {
        var hashes = receipts.Select(r => HashedCodes.HashOfTyped(r) ?? throw new InvalidOperationException($"not a receipt number: {r}")).ToArray();
        var present = new HashSet<string>(StringComparer.Ordinal);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""SELECT "ReceiptHash" FROM "Contributions" WHERE "ReceiptHash" = ANY(@h)""", connection);
        command.Parameters.AddWithValue("h", hashes);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            present.Add(reader.GetString(0));
        }

        return receipts.Where(r => present.Contains(HashedCodes.HashOfTyped(r)!)).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Rows whose text starts with <paramref name="prefix"/>.</summary>
    public static async Task<long> CountAsync(string connectionString, string prefix)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""SELECT count(*) FROM "Contributions" WHERE "Text" LIKE @p""", connection);
        command.Parameters.AddWithValue("p", prefix.Replace("%", "", StringComparison.Ordinal) + "%");
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public static async Task<string> SettingsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var parts = new List<string>();
        foreach (var name in new[] { "server_version", "fsync", "synchronous_commit", "wal_sync_method", "full_page_writes", "commit_delay", "max_connections", "data_directory" })
        {
            await using var command = new NpgsqlCommand($"SELECT current_setting('{name}')", connection);
            parts.Add($"{name}={await command.ExecuteScalarAsync()}");
        }

        return string.Join(", ", parts);
    }

    /// <summary>
    /// The bare loop: one INSERT of the same row the form writes (same table, same indexes) per statement, each statement
    /// its own transaction (autocommit: INSERT + commit, one WAL flush each), prepared, on one connection per worker.
    /// </summary>
    public static async Task<List<double>> InsertLoopAsync(string connectionString, int callId, string prefix, int worker, TimeSpan duration, CancellationToken ct)
    {
        var times = new List<double>();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand("""
            INSERT INTO "Contributions" ("InputCallId", "ReceiptHash", "Text", "District", "Theme", "AuthorName", "SubmittedAt", "Moderation", "Status", "SupportCount", "IsDemo")
            VALUES (@call, @hash, @text, @district, @theme, 'Bench', @at, 'pending', 'received', 0, false)
            """, connection);
        var hash = command.Parameters.AddWithValue("hash", "");
        var text = command.Parameters.AddWithValue("text", "");
        var at = command.Parameters.AddWithValue("at", DateTimeOffset.UtcNow);
        command.Parameters.AddWithValue("call", callId);
        command.Parameters.AddWithValue("district", "Innenstadt-Nord");
        command.Parameters.AddWithValue("theme", "Parken");
        await command.PrepareAsync(ct);
        var end = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        for (var n = 0; Stopwatch.GetTimestamp() < end; n++)
        {
            var start = Stopwatch.GetTimestamp();
            hash.Value = HashedCodes.Create().Hash;
            text.Value = Submissions.Text(prefix, worker, n);
            at.Value = DateTimeOffset.UtcNow;
            await command.ExecuteNonQueryAsync(ct);
            times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }

        return times;
    }
}

/// <summary>The two submission figures on PostgreSQL: 200 at once, and submissions per second next to the bare INSERT loop.</summary>
internal static class Submissions
{
    private static readonly string[] Districts = ["Innenstadt-Nord", "Hörde", "Eving", "Brackel", "Scharnhorst", ""];

    /// <summary>A contribution text of about 300 characters, unique and recognisable by its prefix.</summary>
    public static string Text(string prefix, int worker, int n) =>
        $"{prefix} {worker}-{n}: Am Nordmarkt liegt abends viel Müll, und es wird laut. Bitte öfter zwischen 20 und 23 Uhr vorbeischauen. " +
        "Vor der Grundschule wird morgens ständig auf dem Gehweg geparkt, die Kinder müssen auf die Straße ausweichen. Der Weg vom Bahnhof durch den Park ist abends dunkel.";

    public static string DistrictFor(int worker, int n) => Districts[(worker + n) % Districts.Length];

    /// <summary>
    /// <paramref name="count"/> browsers open the form (one after the other, as people arrive), wait the minimum fill time,
    /// then all send at the same moment. Each answer must be the redirect to the receipt; right after it the browser follows
    /// it (the receipt page finds the contribution only once it is committed), and the database is counted at the end.
    /// </summary>
    public static async Task ConcurrentAsync(string baseUrl, string connectionString, int callId, int count, int burst, Machine machine)
    {
        var prefix = $"PB-C{Environment.ProcessId}-{burst}";
        var clients = new List<FormClient>();
        var opened = Stopwatch.StartNew();
        foreach (var _ in Enumerable.Range(0, count))
        {
            clients.Add(await FormClient.OpenAsync(baseUrl, callId));
        }

        var openSeconds = opened.Elapsed.TotalSeconds;
        await Task.WhenAll(clients.Select(c => c.ReadyAsync()));
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var before = machine.Take();
        var wall = new Stopwatch();
        var tasks = clients.Select(async (client, k) =>
        {
            await go.Task;
            var start = Stopwatch.GetTimestamp();
            var (receipt, answer) = await client.SubmitAsync(Text(prefix, k, 0), DistrictFor(k, 0), Seed.Themes[k % Seed.Themes.Length]);
            var ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            var receiptPage = receipt is null ? (HttpStatusCode)0 : await client.ReceiptPageAsync(receipt);
            return (Receipt: receipt, Answer: answer, Ms: ms, ReceiptPage: receiptPage);
        }).ToList();
        wall.Start();
        go.SetResult();
        var results = await Task.WhenAll(tasks);
        wall.Stop();
        var after = machine.Take();
        clients.ForEach(c => c.Dispose());

        var acknowledged = results.Where(r => r.Receipt is not null).Select(r => r.Receipt!).ToList();
        var present = await Direct.PresentAsync(connectionString, acknowledged);
        var rows = await Direct.CountAsync(connectionString, prefix);
        var times = results.Select(r => r.Ms).ToList();
        var refused = results.Where(r => r.Receipt is null).GroupBy(r => r.Answer).Select(g => $"{g.Count()} × {g.Key}").ToList();
        Say("");
        Say($"## {count} concurrent submissions through the form (PostgreSQL), burst {burst}{(burst == 1 ? " (the first POSTs of the form in this process)" : "")}");
        Say("");
        Say($"{count} browsers (one connection and cookie jar each) opened the form one after the other in {openSeconds:F1} s, waited until the last form had been open " +
            $"{FormClient.MinimumFill.TotalSeconds:F0} s (the minimum fill time, left at its default), then all {count} POSTs were released at the same moment. " +
            "Rate limit per address raised for the bench with `Accounts:FormPostsPerMinute=1000000` (environment `Accounts__FormPostsPerMinute`).");
        Say("");
        Say("| sent | acknowledged (302 to the receipt) | receipt page 200 right after the redirect | present in the database (by receipt hash) | rows with the bench's text | lost | refused | POST p50 / p95 / max ms | all done in | others' CPU |");
        Say("|---|---|---|---|---|---|---|---|---|---|");
        Say(string.Create(Inv, $"| {count} | {acknowledged.Count} | {results.Count(r => r.ReceiptPage == HttpStatusCode.OK)} | {present.Count} | {rows} | {acknowledged.Count - present.Count} | " +
            $"{(refused.Count == 0 ? "0" : string.Join("; ", refused))} | {Percentile(times, 50):F0} / {Percentile(times, 95):F0} / {times.Max():F0} | {wall.Elapsed.TotalSeconds:F2} s | {Machine.OthersPercent(before, after):F0} % |"));
    }

    /// <summary>
    /// Submissions per second through the form with <c>c</c> browsers sending one after the other for <paramref name="duration"/>,
    /// next to the bare INSERT loop with <c>c</c> connections for as long, in turns, <paramref name="rounds"/> times.
    /// </summary>
    public static async Task ThroughputAsync(string baseUrl, string connectionString, int callId, int[] concurrency, TimeSpan duration, int rounds, Machine machine)
    {
        Say("");
        Say($"## Submissions per second on PostgreSQL, next to a bare INSERT loop ({duration.TotalSeconds:F0} s each, in turns, {rounds} rounds)");
        Say("");
        Say($"PostgreSQL: {await Direct.SettingsAsync(connectionString)}");
        Say("Form: each worker is a browser that opened the form once, waited the minimum fill time, then POSTs it again and again (every POST is a full submission: " +
            "rate limiter, antiforgery, form guard, the call and districts loaded, validation, INSERT + commit, 302); the redirect is not followed. " +
            "Bare: one prepared INSERT of the same row into the same table per statement in autocommit (INSERT + commit) through Npgsql, one connection per worker.");
        Say("");
        Say("| round | what | workers | rows | rows/s | latency p50 / p95 / p99 ms | PostgreSQL CPU s | others' CPU |");
        Say("|---|---|---|---|---|---|---|---|");
        var totals = new Dictionary<(string, int), (long Rows, double Seconds)>();
        var acknowledged = new List<string>();
        var prefixForm = $"PB-T{Environment.ProcessId}";
        var prefixBare = $"PB-B{Environment.ProcessId}";
        for (var round = 1; round <= rounds; round++)
        {
            foreach (var c in concurrency)
            {
                foreach (var what in new[] { "bare INSERT", "form" })
                {
                    var before = machine.Take();
                    var watch = Stopwatch.StartNew();
                    List<double>[] times;
                    if (what == "form")
                    {
                        var clients = await Task.WhenAll(Enumerable.Range(0, c).Select(_ => FormClient.OpenAsync(baseUrl, callId)));
                        await Task.WhenAll(clients.Select(c => c.ReadyAsync()));
                        before = machine.Take();
                        watch.Restart();
                        var end = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
                        times = await Task.WhenAll(clients.Select(async (client, w) =>
                        {
                            var list = new List<double>();
                            for (var n = 0; Stopwatch.GetTimestamp() < end; n++)
                            {
                                var start = Stopwatch.GetTimestamp();
                                var (receipt, answer) = await client.SubmitAsync(Text(prefixForm, round * 1000 + w, n), DistrictFor(w, n), Seed.Themes[n % Seed.Themes.Length]);
                                list.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                                lock (acknowledged)
                                {
                                    acknowledged.Add(receipt ?? throw new InvalidOperationException($"a submission was not acknowledged: {answer}"));
                                }
                            }

                            return list;
                        }));
                        foreach (var client in clients)
                        {
                            client.Dispose();
                        }
                    }
                    else
                    {
                        times = await Task.WhenAll(Enumerable.Range(0, c).Select(w => Direct.InsertLoopAsync(connectionString, callId, prefixBare, round * 1000 + w, duration, CancellationToken.None)));
                    }

                    var seconds = watch.Elapsed.TotalSeconds;
                    var after = machine.Take();
                    var all = times.SelectMany(t => t).ToList();
                    var t0 = totals.GetValueOrDefault((what, c));
                    totals[(what, c)] = (t0.Rows + all.Count, t0.Seconds + seconds);
                    Say(string.Create(Inv, $"| {round} | {what} | {c} | {all.Count} | {all.Count / seconds:F0} | {Percentile(all, 50):F1} / {Percentile(all, 95):F1} / {Percentile(all, 99):F1} | " +
                        $"{Machine.PostgresSeconds(before, after):F1} | {Machine.OthersPercent(before, after):F0} % |"));
                }
            }
        }

        var present = await Direct.PresentAsync(connectionString, acknowledged);
        Say("");
        Say("| workers | form, rows/s (all rounds) | bare INSERT, rows/s (all rounds) | form / bare |");
        Say("|---|---|---|---|");
        foreach (var c in concurrency)
        {
            var form = totals[("form", c)];
            var bare = totals[("bare INSERT", c)];
            var (f, b) = (form.Rows / form.Seconds, bare.Rows / bare.Seconds);
            Say(string.Create(Inv, $"| {c} | {f:F0} | {b:F0} | {f / b:P0} |"));
        }

        Say("");
        Say($"Form submissions acknowledged in this part: {acknowledged.Count}; present in the database afterwards: {present.Count}; lost: {acknowledged.Count - present.Count}.");
    }
}
