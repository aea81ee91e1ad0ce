using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using static Masterplan.Bench.Report;

namespace Masterplan.Bench.Participation;

/// <summary>
/// kill -9 during a burst of submissions: the app runs as its own process; <c>workers</c> browsers open the form, wait the
/// minimum fill time and send it again and again; after a number of acknowledgements (drawn per round) the app is killed
/// with SIGKILL while requests are in flight, then started again, and every receipt number a browser was given must be in
/// the database. Counts per round: sent, acknowledged, present, lost (must be 0).
/// </summary>
internal static class Kill9
{
    public static async Task<bool> RunAsync(string dll, string connectionString, int callId, int rounds, int workers, string outDir)
    {
        var logFile = Path.Combine(outDir, "app-process.log");
        Say("");
        Say($"## kill -9 during a burst of submissions ({rounds} rounds, {workers} browsers)");
        Say("");
        Say($"App process: `dotnet {dll}` (Production, PostgreSQL, `Accounts__FormPostsPerMinute=1000000`), log in {logFile}. PostgreSQL: {await Direct.SettingsAsync(connectionString)}");
        Say("Each round: the browsers open the form, wait the minimum fill time (3 s), then send it again and again; after the drawn number of acknowledgements " +
            "(302 to the receipt) the app gets SIGKILL; it is started again and the receipts are looked up in the database (by their hash, past the app) and on the restarted app's receipt page.");
        Say("");
        Say("| round | sent | acknowledged | no answer (cut by the kill) | refused | in flight at the kill | kill after | present after restart | receipt page 200 after restart | lost | committed but not acknowledged | restart to healthy |");
        Say("|---|---|---|---|---|---|---|---|---|---|---|---|");
        var random = new Random(17);
        var app = await AppProcess.StartAsync(dll, connectionString, logFile);
        long sentAll = 0, ackAll = 0, presentAll = 0, lostAll = 0;
        var allRefusals = new List<string>();
        try
        {
            for (var round = 1; round <= rounds; round++)
            {
                var prefix = $"PB-K{Environment.ProcessId}-{round}";
                var killAfter = 40 + random.Next(120);
                var clients = await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => FormClient.OpenAsync(app.BaseUrl, callId)));
                await Task.WhenAll(clients.Select(c => c.ReadyAsync()));
                var acks = new ConcurrentBag<string>();
                var refusals = new ConcurrentBag<string>();
                long sent = 0, noAnswer = 0, refused = 0, inFlight = 0, inFlightAtKill = -1;
                var killed = 0;
                var burst = Stopwatch.StartNew();
                TimeSpan killAt = default;
                var victim = app;
                var tasks = clients.Select(async (client, w) =>
                {
                    for (var n = 0; Volatile.Read(ref killed) == 0; n++)
                    {
                        Interlocked.Increment(ref sent);
                        Interlocked.Increment(ref inFlight);
                        try
                        {
                            var (receipt, answer) = await client.SubmitAsync(Submissions.Text(prefix, w, n), Submissions.DistrictFor(w, n), Seed.Themes[n % Seed.Themes.Length]);
                            if (receipt is null)
                            {
                                Interlocked.Increment(ref refused);
                                refusals.Add(answer);
                                continue;
                            }

                            acks.Add(receipt);
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
                }).ToList();
                await Task.WhenAll(tasks);
                foreach (var client in clients)
                {
                    client.Dispose();
                }

                app.Dispose();
                app = await AppProcess.StartAsync(dll, connectionString, logFile);
                var acknowledged = acks.ToList();
                var present = await Direct.PresentAsync(connectionString, acknowledged);
                var rows = await Direct.CountAsync(connectionString, prefix);
                var receiptPages = 0;
                using (var check = new Browser(app.BaseUrl))
                {
                    foreach (var receipt in acknowledged)
                    {
                        var (status, _, _) = await check.SendAsync(HttpMethod.Get, "/beteiligung/eingegangen?nr=" + Uri.EscapeDataString(receipt));
                        receiptPages += status == HttpStatusCode.OK ? 1 : 0;
                    }
                }

                var lost = acknowledged.Count - present.Count;
                (sentAll, ackAll, presentAll, lostAll) = (sentAll + sent, ackAll + acknowledged.Count, presentAll + present.Count, lostAll + lost);
                Say(string.Create(Inv, $"| {round} | {sent} | {acknowledged.Count} | {noAnswer} | {refused} | {inFlightAtKill} | {killAfter} acknowledgements, {killAt.TotalSeconds:F2} s into the burst | " +
                    $"{present.Count} | {receiptPages} | **{lost}** | {rows - present.Count} | {app.StartedIn.TotalSeconds:F1} s |"));
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
}
