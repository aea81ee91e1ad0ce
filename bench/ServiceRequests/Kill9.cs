using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Npgsql;
using static Masterplan.Bench.Report;

namespace Masterplan.Bench.ServiceRequests;

/// <summary>
/// kill -9 during a burst of Open311 POSTs: the app runs as its own process (<see cref="AppProcess"/>); <c>workers</c>
/// clients send new reports with the api_key again and again; after a number of acknowledgements (drawn per round: the
/// answer 200 with the report's service_request_id) the app is killed with SIGKILL while requests are in flight, then
/// started again, and every acknowledged id must be a row in the database (looked up past the app) and answer
/// GET /open311/v2/requests/{id}.json on the restarted app. Counts per round: sent, acknowledged, present, lost (must be 0).
/// </summary>
internal static partial class Kill9
{
    [GeneratedRegex("\"service_request_id\":\\s*\"?(\\d+)")]
    private static partial Regex IdInAnswer();

    public static async Task<bool> RunAsync(string dll, string connectionString, Seeded seeded, int rounds, int workers, string outDir)
    {
        var logFile = Path.Combine(outDir, "app-process.log");
        Say("");
        Say($"## kill -9 during a burst of Open311 POSTs ({rounds} rounds, {workers} clients)");
        Say("");
        Say($"App process: `dotnet {dll}` (Production, PostgreSQL), log in {logFile}.");
        Say("Each round: the clients POST new reports (api_key) again and again; after the drawn number of acknowledgements (200 with a service_request_id) " +
            "the app gets SIGKILL; it is started again and the acknowledged ids are looked up in the database (past the app) and as GET /open311/v2/requests/{id}.json on the restarted app.");
        Say("");
        Say("| round | sent | acknowledged | no answer (cut by the kill) | refused | in flight at the kill | kill after | present after restart | requests/{id} 200 after restart | lost | committed but not acknowledged | restart to healthy |");
        Say("|---|---|---|---|---|---|---|---|---|---|---|---|");
        var random = new Random(9);
        var app = await AppProcess.StartAsync(dll, connectionString, logFile);
        long sentAll = 0, ackAll = 0, presentAll = 0, lostAll = 0;
        var allRefusals = new List<string>();
        try
        {
            for (var round = 1; round <= rounds; round++)
            {
                var prefix = $"Kill9-{Environment.ProcessId}-{round}";
                var killAfter = 100 + random.Next(300);
                using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = workers }) { BaseAddress = new Uri(app.BaseUrl), Timeout = TimeSpan.FromSeconds(30) };
                var acks = new ConcurrentBag<int>();
                var refusals = new ConcurrentBag<string>();
                long sent = 0, noAnswer = 0, refused = 0, inFlight = 0, inFlightAtKill = -1;
                var killed = 0;
                var burst = Stopwatch.StartNew();
                TimeSpan killAt = default;
                var victim = app;
                await Task.WhenAll(Enumerable.Range(0, workers).Select(w => Task.Run(async () =>
                {
                    for (var n = 0; Volatile.Read(ref killed) == 0; n++)
                    {
                        Interlocked.Increment(ref sent);
                        Interlocked.Increment(ref inFlight);
                        try
                        {
                            using var content = new FormUrlEncodedContent(new Dictionary<string, string>
                            {
                                ["api_key"] = seeded.ApiKey, ["service_code"] = seeded.Codes[n % seeded.Codes.Length],
                                ["lat"] = (51.45 + (w * 997 + n) % 1000 * 0.0001).ToString("R", Inv), ["long"] = (7.38 + (n * 31 + w) % 1800 * 0.0001).ToString("R", Inv),
                                ["attribute[district]"] = seeded.DistrictIds[(w + n) % seeded.DistrictIds.Length].ToString(Inv),
                                ["description"] = $"{prefix} {w}-{n}: Laterne dunkel.",
                            });
                            using var response = await client.PostAsync("/open311/v2/requests.json", content);
                            var body = await response.Content.ReadAsStringAsync();
                            if (response.StatusCode != HttpStatusCode.OK || IdInAnswer().Match(body) is not { Success: true } m)
                            {
                                Interlocked.Increment(ref refused);
                                refusals.Add($"{(int)response.StatusCode} {body[..Math.Min(200, body.Length)]}");
                                continue;
                            }

                            acks.Add(int.Parse(m.Groups[1].Value, Inv));
                            if (acks.Count >= killAfter && Interlocked.CompareExchange(ref killed, 1, 0) == 0)
                            {
                                inFlightAtKill = Interlocked.Read(ref inFlight) - 1;
                                killAt = burst.Elapsed;
                                victim.Kill9();
                            }
                        }
                        catch (Exception e) when (e is HttpRequestException or IOException or TaskCanceledException)
                        {
                            Interlocked.Increment(ref noAnswer);
                            return;
                        }
                        finally
                        {
                            Interlocked.Decrement(ref inFlight);
                        }
                    }
                })));

                app.Dispose();
                app = await AppProcess.StartAsync(dll, connectionString, logFile);
                var acknowledged = acks.Distinct().ToList();
                var (present, rows) = await PresentAsync(connectionString, acknowledged, prefix);
                var pages = 0;
                using (var check = new HttpClient { BaseAddress = new Uri(app.BaseUrl) })
                {
                    foreach (var id in acknowledged)
                    {
                        using var response = await check.GetAsync($"/open311/v2/requests/{id}.json");
                        pages += response.StatusCode == HttpStatusCode.OK ? 1 : 0;
                    }
                }

                var lost = acknowledged.Count - present;
                (sentAll, ackAll, presentAll, lostAll) = (sentAll + sent, ackAll + acknowledged.Count, presentAll + present, lostAll + lost);
                Say(string.Create(Inv, $"| {round} | {sent} | {acknowledged.Count} | {noAnswer} | {refused} | {inFlightAtKill} | {killAfter} acknowledgements, {killAt.TotalSeconds:F2} s into the burst | " +
                    $"{present} | {pages} | **{lost}** | {rows - present} | {app.StartedIn.TotalSeconds:F1} s |"));
                allRefusals.AddRange(refusals.Select(r => $"round {round}: {r}"));
            }
        }
        finally
        {
            app.Dispose();
        }

        foreach (var refusal in allRefusals.GroupBy(r => r).Select(g => $"{g.Count()} × {g.Key}"))
        {
            Say($"- refused: {refusal}");
        }

        Say("");
        Say($"**kill -9: sent {sentAll}, acknowledged {ackAll}, present {presentAll}, lost={lostAll}.**");
        return lostAll == 0;
    }

    /// <summary>How many of the acknowledged ids are rows, and how many rows of the round there are in all.</summary>
    private static async Task<(int Present, long Rows)> PresentAsync(string connectionString, List<int> ids, string prefix)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var present = new NpgsqlCommand("""SELECT count(*) FROM "ServiceRequests" WHERE "Id" = ANY(@ids)""", connection);
        present.Parameters.AddWithValue("ids", ids.ToArray());
        await using var rows = new NpgsqlCommand("""SELECT count(*) FROM "ServiceRequests" WHERE "Description" LIKE @p""", connection);
        rows.Parameters.AddWithValue("p", prefix + " %");
        return ((int)(long)(await present.ExecuteScalarAsync())!, (long)(await rows.ExecuteScalarAsync())!);
    }
}
