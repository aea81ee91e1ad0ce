using System.Diagnostics;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Districts;
using Masterplan.Web.Features.Participation;
using Masterplan.Web.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Masterplan.Bench.Participation;

/// <summary>What the seed wrote, for the report.</summary>
internal sealed record SeedCounts(int CallId, int Published, int Pending, int Rejected, int OtherCall, string District, int InDistrict, string Theme, int InTheme, int InBoth, TimeSpan Elapsed);

/// <summary>
/// The data of the participation target: one open input call with <c>published</c> published contributions (and, so the
/// page has to leave rows out, pending and rejected ones and a second call with contributions of its own), written in
/// batches through the app's AppDbContext with change detection off (a contribution is not audited field by field, so
/// this is the same INSERT the form makes, a thousand at a time). Deterministic: the same data on both engines.
/// </summary>
internal static class Seed
{
    public static readonly string[] Themes = ["Sauberkeit", "Lärm", "Parken", "Sicherheitsgefühl", "Beleuchtung", "Jugend"];

    private static readonly string[] Sentences =
    [
        "Am Nordmarkt liegt abends viel Müll.", "Vor der Grundschule wird morgens auf dem Gehweg geparkt.", "Der Weg durch den Park ist abends dunkel.",
        "An der Haltestelle stehen oft Gruppen, die laut sind.", "Die Unterführung am Bahnhof riecht nach Urin.", "Radfahrer fahren schnell über den Gehweg.",
        "Die Spielplätze sind morgens voller Scherben.", "Nachts wird an der Kreuzung mit Autos gerast.", "Ich wünsche mir mehr Streifen am Wochenende.",
        "Die Beleuchtung an der Brücke ist seit Wochen kaputt.", "Der Ordnungsdienst sollte öfter zu Fuß unterwegs sein.", "Die Nachbarschaft hilft sich gut, aber es fehlt ein Treffpunkt.",
    ];

    public static async Task<SeedCounts> RunAsync(IServiceProvider services, int published, int batch = 1000)
    {
        var watch = Stopwatch.StartNew();
        List<string> districts;
        int callId, otherId;
        var now = DateTimeOffset.UtcNow;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            districts = await db.Districts.OrderBy(d => d.Position).Select(d => d.Name).ToListAsync();
            var call = NewCall("Schwerpunkte des Kommunalen Ordnungsdienstes in Ihrem Stadtbezirk (Bench)", now);
            var other = NewCall("Sicherheit im Hafenquartier (Bench)", now);
            db.InputCalls.AddRange(call, other);
            await db.SaveChangesAsync();
            (callId, otherId) = (call.Id, other.Id);
        }

        // Published ones of the call, then pending and rejected ones (a tenth each) and a fifth as many for the other call.
        var pending = published / 10;
        var rejected = published / 10;
        var otherCall = published / 5;
        var plan = new List<(int Call, string Moderation)>();
        plan.AddRange(Enumerable.Repeat((callId, ParticipationModule.Published), published));
        plan.AddRange(Enumerable.Repeat((callId, ParticipationModule.Pending), pending));
        plan.AddRange(Enumerable.Repeat((callId, ParticipationModule.Rejected), rejected));
        plan.AddRange(Enumerable.Repeat((otherId, ParticipationModule.Published), otherCall));
        var counts = new Dictionary<(string? District, string? Theme), int>();
        for (var b = 0; b < plan.Count; b += batch)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var list = new List<Contribution>();
            for (var n = b; n < Math.Min(plan.Count, b + batch); n++)
            {
                var random = new Random(3_000_000 + n);
                var (call, moderation) = plan[n];
                var district = random.Next(10) < 8 ? districts[random.Next(districts.Count)] : null;
                var theme = random.Next(20) < 17 ? Themes[random.Next(Themes.Length)] : null;
                var submitted = now.AddDays(-60).AddMinutes(n * 60.0 * 24 * 59 / plan.Count + random.Next(30));
                var status = ParticipationModule.Statuses[random.Next(ParticipationModule.Statuses.Length)];
                var isPublished = moderation == ParticipationModule.Published;
                list.Add(new Contribution
                {
                    InputCallId = call, ReceiptHash = HashedCodes.Create().Hash,
                    Text = string.Join(" ", Enumerable.Range(0, 2 + random.Next(12)).Select(_ => Sentences[random.Next(Sentences.Length)])),
                    District = district, Theme = theme, AuthorName = random.Next(2) == 0 ? null : $"Anwohnerin {n + 1}",
                    SubmittedAt = submitted, Moderation = moderation, ModeratedAt = moderation == ParticipationModule.Pending ? null : submitted.AddHours(5),
                    PublishedAt = isPublished ? submitted.AddHours(5) : null, RejectReason = moderation == ParticipationModule.Rejected ? "off-topic" : null,
                    Status = isPublished ? status : ParticipationModule.Received,
                    Answer = isPublished && status != ParticipationModule.Received ? "Danke, die Geschäftsstelle hat das an den Ordnungsdienst weitergegeben. " + Sentences[random.Next(Sentences.Length)] : null,
                    AnsweredAt = isPublished && status != ParticipationModule.Received ? submitted.AddDays(3) : null,
                    AnsweredBy = isPublished && status != ParticipationModule.Received ? "Geschäftsstelle" : null,
                    SupportCount = isPublished ? random.Next(40) : 0,
                });
                if (call == callId && isPublished)
                {
                    counts[(district, theme)] = counts.GetValueOrDefault((district, theme)) + 1;
                }
            }

            db.Contributions.AddRange(list);
            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync();
        }

        // The filters the bench times: the district and the theme with the most published contributions.
        var district1 = counts.Where(c => c.Key.District is not null).GroupBy(c => c.Key.District!).OrderByDescending(g => g.Sum(c => c.Value)).ThenBy(g => g.Key, StringComparer.Ordinal).First();
        var theme1 = counts.Where(c => c.Key.Theme is not null).GroupBy(c => c.Key.Theme!).OrderByDescending(g => g.Sum(c => c.Value)).ThenBy(g => g.Key, StringComparer.Ordinal).First();
        return new SeedCounts(callId, published, pending, rejected, otherCall, district1.Key, district1.Sum(c => c.Value), theme1.Key, theme1.Sum(c => c.Value),
            counts.GetValueOrDefault((district1.Key, theme1.Key)), watch.Elapsed);
    }

    /// <summary>An open call with the bench's themes, pre-moderated (the default), open for another 30 days.</summary>
    public static InputCall NewCall(string title, DateTimeOffset now) => new()
    {
        Title = title,
        Description = "Der Kommunale Ordnungsdienst kann nicht überall gleichzeitig sein. Sagen Sie uns, wo und wann er in Ihrem Stadtbezirk am meisten gebraucht wird.",
        Question = "Wo und wann sollte der Ordnungsdienst in Ihrem Stadtbezirk öfter unterwegs sein, und warum?",
        OpensAt = now.AddDays(-61), ClosesAt = now.AddDays(30),
        WhatHappens = "Die Geschäftsstelle liest jeden Beitrag, fasst die Beiträge je Stadtbezirk zusammen und legt sie der Vollversammlung vor.",
        AnswerBy = DateOnly.FromDateTime(now.UtcDateTime.AddDays(90)), BelongsToKind = "topic", Topic = "Schwerpunkte des Kommunalen Ordnungsdienstes",
        Themes = string.Join('\n', Themes), ModerationMode = ParticipationModule.PreModeration, RetentionDays = 180, UpdatedAt = now, UpdatedBy = "Bench",
    };
}
