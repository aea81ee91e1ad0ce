using System.Diagnostics;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Catalogue;
using Masterplan.Web.Features.Districts;
using Masterplan.Web.Features.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Masterplan.Bench.Catalogue;

/// <summary>What the seed wrote, for the report.</summary>
internal sealed record SeedCounts(int Measures, int Updates, int Milestones, int Overdue, int Districts, int Units, TimeSpan Elapsed);

/// <summary>The catalogue's history, as the bench wrote it.</summary>
internal sealed record HistoryCounts(int NodesBefore, int Added, int Renamed, int Moved, int Versions, int ActiveNodes, DateOnly First, DateOnly Last, TimeSpan Elapsed);

/// <summary>The indicators, as the bench wrote them.</summary>
internal sealed record IndicatorCounts(int Indicators, int Values, TimeSpan Elapsed);

/// <summary>A clock the bench sets, so the catalogue's changes are spread over the years since the catalogue began.</summary>
internal sealed class SetClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}

/// <summary>
/// The data of the catalogue performance target (docs/domain.md#performance-targets), written through the app's AppDbContext (so the audit log is written as
/// for any change) in batches of a few thousand rows, each batch in a fresh context: the catalogue's history
/// (nodes added, renamed and moved through <see cref="CatalogueEditor"/> with a set clock), measures with districts,
/// units, 10 status updates each over the last 3 years and milestones, and indicators with 120 monthly values.
/// Deterministic: the same data on every run and engine (dates relative to <see cref="Today"/>).
/// </summary>
internal static class Seed
{
    /// <summary>The fixed "today" of the data (the app's own clock is the real one; the seed's dates do not depend on it).</summary>
    public static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    private static readonly string[] Verbs =
    [
        "Ausbau", "Einrichtung", "Evaluation", "Fortführung", "Erweiterung", "Neugestaltung", "Stärkung", "Verstetigung", "Pilotierung", "Qualifizierung",
    ];

    private static readonly string[] Objects =
    [
        "der Beleuchtung am Hauptbahnhof", "des Kommunalen Ordnungsdienstes in der Nordstadt", "der Präventionsangebote an Grundschulen",
        "der Ordnungspartnerschaft Hörde", "der Streetwork im Hafenquartier", "der Angsträume im Westpark", "der Nachbarschaftshilfe in Eving",
        "der Videobeobachtung Brückstraße", "des Quartiersmanagements Scharnhorst", "der Beratung für Opfer häuslicher Gewalt",
        "der Sauberkeit in der Innenstadt", "der Fahrradabstellanlagen am Stadtgarten", "des Sicherheitsaudits Unterführungen",
        "der Jugendbeteiligung in Huckarde", "der Notrufsäulen im Fredenbaumpark", "der Schulwegsicherung in Brackel",
        "der Alkoholverbotszone", "der interkulturellen Mediation", "des Runden Tisches Sicherheit in Aplerbeck", "der Spielplatzpaten in Lütgendortmund",
    ];

    private static readonly string[] Sentences =
    [
        "Die Fachbereiche haben den Zeitplan abgestimmt.", "Die Ausschreibung ist veröffentlicht.", "Erste Rückmeldungen aus dem Stadtbezirk liegen vor.",
        "Die Mittel für das laufende Jahr sind gebunden.", "Ein Termin mit der Polizei hat stattgefunden.", "Die Bezirksvertretung wurde informiert.",
        "Die Umsetzung verzögert sich wegen Lieferschwierigkeiten.", "Die Evaluation durch die Hochschule hat begonnen.",
        "Die Maßnahme wurde im Quartierslabor vorgestellt.", "Das Personal ist eingestellt und eingearbeitet.",
    ];

    private static readonly string[] Units = ["%", "Fälle", "Anzahl", "Minuten", "Euro je Einwohner", "Punkte"];

    /// <summary>
    /// ~<paramref name="add"/> nodes added and <paramref name="renames"/> renamed and <paramref name="moves"/> moved through the app's
    /// <see cref="CatalogueEditor"/>, one change at a time with the clock set between <paramref name="first"/> and <paramref name="last"/>.
    /// </summary>
    public static async Task<HistoryCounts> HistoryAsync(IServiceProvider services, int add, int renames, int moves, DateOnly first, DateOnly last)
    {
        var watch = Stopwatch.StartNew();
        var random = new Random(6001);
        int before;
        await using (var scope = services.CreateAsyncScope())
        {
            before = await scope.ServiceProvider.GetRequiredService<AppDbContext>().FieldsOfAction.CountAsync(f => !f.IsRetired);
        }

        // The operations in a fixed shuffled order (adds first in each third, so renames and moves find new nodes too).
        var ops = new List<char>();
        for (var third = 0; third < 3; third++)
        {
            ops.AddRange(Enumerable.Repeat('a', add / 3 + (third < add % 3 ? 1 : 0)));
            var rest = Enumerable.Repeat('r', renames / 3 + (third < renames % 3 ? 1 : 0)).Concat(Enumerable.Repeat('m', moves / 3 + (third < moves % 3 ? 1 : 0))).ToList();
            ops.AddRange(rest.OrderBy(_ => random.Next()));
        }

        var span = (last.DayNumber - first.DayNumber) * 86400.0;
        var start = new DateTimeOffset(first.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);
        var sources = Enum.GetValues<CatalogueSourceKind>().Where(k => k != CatalogueSourceKind.Document).ToArray();
        int added = 0, renamed = 0, moved = 0;
        for (var i = 0; i < ops.Count; i++)
        {
            var clock = new SetClock(start.AddSeconds(span * i / ops.Count));
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var editor = new CatalogueEditor(db, clock);
            var nodes = await db.FieldsOfAction.AsNoTracking().Where(f => !f.IsRetired).OrderBy(f => f.Id).Select(f => new { f.Id, f.ParentId }).ToListAsync();
            var parentOf = nodes.ToDictionary(n => n.Id, n => n.ParentId);
            int Depth(int id) => parentOf[id] is { } p ? 1 + Depth(p) : 0;
            var source = new ChangeSource(sources[i % sources.Length], $"Bench-Quelle {i + 1}", $"Änderung {i + 1} des Benchmarks");
            switch (ops[i])
            {
                case 'a':
                    {
                        // Under a node of depth 0–2, so the tree stays at most four levels deep.
                        var candidates = nodes.Where(n => Depth(n.Id) <= 2).ToList();
                        var parent = candidates[random.Next(candidates.Count)].Id;
                        await editor.AddAsync(parent, $"{Verbs[random.Next(Verbs.Length)]} {Objects[random.Next(Objects.Length)]} (Schwerpunkt {i + 1})", source, CancellationToken.None);
                        added++;
                        break;
                    }

                case 'r':
                    {
                        var node = nodes[random.Next(nodes.Count)].Id;
                        await editor.RenameAsync(node, $"{Verbs[random.Next(Verbs.Length)]} {Objects[random.Next(Objects.Length)]} (umbenannt {i + 1})", source, CancellationToken.None);
                        renamed++;
                        break;
                    }

                default:
                    {
                        // A node below the top level to another parent of depth 0–1 (not its own subtree: the editor refuses that).
                        for (var attempt = 0; attempt < 20; attempt++)
                        {
                            var node = nodes.Where(n => n.ParentId is not null).ElementAt(random.Next(nodes.Count(n => n.ParentId is not null))).Id;
                            var targets = nodes.Where(n => Depth(n.Id) <= 1 && n.Id != parentOf[node]).ToList();
                            var target = targets[random.Next(targets.Count)].Id;
                            if ((await editor.MoveAsync(node, target, source, CancellationToken.None)).Succeeded)
                            {
                                moved++;
                                break;
                            }

                            db.ChangeTracker.Clear();
                        }

                        break;
                    }
            }
        }

        await using var final = services.CreateAsyncScope();
        var context = final.ServiceProvider.GetRequiredService<AppDbContext>();
        return new HistoryCounts(before, added, renamed, moved, await context.FieldOfActionVersions.CountAsync(),
            await context.FieldsOfAction.CountAsync(f => !f.IsRetired), first, last, watch.Elapsed);
    }

    /// <summary>
    /// Measures <paramref name="from"/> to <paramref name="to"/> (exclusive; numbered so two calls give the same data as one),
    /// spread over the current catalogue's nodes, each public with 10 status updates over the last 3 years, 0–2 districts,
    /// one or two responsible units, and every 5th and 5th+1 with a milestone.
    /// </summary>
    public static async Task<SeedCounts> MeasuresAsync(IServiceProvider services, int from, int to, int batch = 250)
    {
        var watch = Stopwatch.StartNew();
        List<int> nodes, districts, departments;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            nodes = await db.FieldsOfAction.Where(f => !f.IsRetired).OrderBy(f => f.Id).Select(f => f.Id).ToListAsync();
            districts = await db.Districts.OrderBy(d => d.Id).Select(d => d.Id).ToListAsync();
            departments = await db.Organizations.Where(o => o.Kind == OrganizationKind.Department).OrderBy(o => o.Id).Select(o => o.Id).ToListAsync();
        }

        var statuses = Enum.GetValues<MeasureStatus>();
        int updates = 0, milestones = 0, overdue = 0, districtRows = 0, unitRows = 0;
        var now = DateTimeOffset.UtcNow;
        for (var b = from; b < to; b += batch)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var list = new List<Measure>();
            for (var n = b; n < Math.Min(to, b + batch); n++)
            {
                var random = new Random(1_000_000 + n); // per measure: the same measure whatever the batches
                var start = Today.AddDays(-3 * 365 - random.Next(365));
                var m = new Measure
                {
                    FieldOfActionId = nodes[random.Next(nodes.Count)],
                    Title = $"{Verbs[random.Next(Verbs.Length)]} {Objects[random.Next(Objects.Length)]} ({n + 1})",
                    Description = string.Join(" ", Enumerable.Range(0, 3).Select(_ => Sentences[random.Next(Sentences.Length)])),
                    Partners = n % 3 == 0 ? "Polizeipräsidium Dortmund, Quartiersmanagement" : null,
                    Status = statuses[random.Next(statuses.Length)], Progress = random.Next(101), Weight = Math.Round(0.5m + random.Next(2500) / 1000m, 3),
                    PlannedBudget = n % 2 == 0 ? random.Next(1_000, 500_000) : null, SpentBudget = n % 4 == 0 ? random.Next(0, 1_000) * 100 : null,
                    StartDate = start, EndDate = start.AddDays(365 * (2 + random.Next(4))), Place = n % 7 == 0 ? "Nordmarkt" : null,
                    SourceKind = (CatalogueSourceKind)random.Next(6), SourceText = $"Beschluss Lenkungskreis {n % 40 + 1}/2025", IsPublic = true,
                    UpdatedAt = now, UpdatedBy = "Bench",
                };
                foreach (var d in districts.OrderBy(_ => random.Next()).Take(random.Next(3)))
                {
                    m.Districts.Add(new MeasureDistrict { DistrictId = d });
                }

                foreach (var u in departments.OrderBy(_ => random.Next()).Take(1 + random.Next(2)))
                {
                    m.Units.Add(new MeasureUnit { OrganizationId = u });
                }

                // 10 status updates, one in each tenth of the last 3 years.
                for (var k = 0; k < 10; k++)
                {
                    var date = Today.AddDays(-3 * 365 + k * 109 + random.Next(109));
                    m.Updates.Add(new MeasureStatusUpdate
                    {
                        Date = date, Text = string.Join(" ", Enumerable.Range(0, 1 + random.Next(3)).Select(_ => Sentences[random.Next(Sentences.Length)])),
                        NewStatus = k % 3 == 0 ? statuses[random.Next(statuses.Length)] : null, NewProgress = k % 2 == 0 ? random.Next(101) : null,
                        AuthorName = "Geschäftsstelle (Bench)", RecordedAt = now,
                    });
                }

                if (n % 5 < 2)
                {
                    var due = Today.AddDays(random.Next(-730, 730));
                    var done = due < Today && random.Next(10) < 7 ? due.AddDays(random.Next(-30, 30)) : (DateOnly?)null;
                    m.Milestones.Add(new Milestone { Title = $"Meilenstein {n % 5 + 1}: {Sentences[random.Next(Sentences.Length)]}", DueDate = due, DoneDate = done });
                    milestones++;
                    overdue += done is null && due < Today ? 1 : 0;
                }

                updates += m.Updates.Count;
                districtRows += m.Districts.Count;
                unitRows += m.Units.Count;
                list.Add(m);
            }

            db.Measures.AddRange(list);
            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync();
        }

        return new SeedCounts(to - from, updates, milestones, overdue, districtRows, unitRows, watch.Elapsed);
    }

    /// <summary><paramref name="count"/> public indicators on random nodes, every 4th of a measure, each with 120 monthly values up to this month.</summary>
    public static async Task<IndicatorCounts> IndicatorsAsync(IServiceProvider services, int count, int months = 120, int batch = 20)
    {
        var watch = Stopwatch.StartNew();
        List<int> nodes, measures;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            nodes = await db.FieldsOfAction.Where(f => !f.IsRetired).OrderBy(f => f.Id).Select(f => f.Id).ToListAsync();
            measures = await db.Measures.OrderBy(m => m.Id).Select(m => m.Id).Take(500).ToListAsync();
        }

        var firstMonth = new DateOnly(Today.Year, Today.Month, 1).AddMonths(-(months - 1));
        var now = DateTimeOffset.UtcNow;
        var values = 0;
        for (var b = 0; b < count; b += batch)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var n = b; n < Math.Min(count, b + batch); n++)
            {
                var random = new Random(2_000_000 + n);
                var lower = n % 2 == 1;
                var level = 20 + random.Next(200);
                var indicator = new Indicator
                {
                    FieldOfActionId = nodes[random.Next(nodes.Count)], MeasureId = n % 4 == 0 && measures.Count > 0 ? measures[random.Next(measures.Count)] : null,
                    Name = $"Kennzahl {n + 1}: {(lower ? "Gemeldete Vorfälle" : "Anteil der Befragten, die sich sicher fühlen")} {Objects[n % Objects.Length]}",
                    Definition = "Monatswert laut Datenquelle; Zählweise seit Beginn unverändert (Bench).", Unit = Units[n % Units.Length],
                    DataSource = n % 2 == 0 ? "Polizeiliche Kriminalstatistik" : "Bürgerbefragung", BaselineValue = level, BaselineDate = firstMonth,
                    TargetValue = lower ? level * 0.7m : level * 1.3m, TargetDate = Today.AddYears(2), Direction = lower ? IndicatorDirection.LowerIsBetter : IndicatorDirection.HigherIsBetter,
                    IsPublic = true, UpdatedAt = now, UpdatedBy = "Bench",
                };
                var value = (decimal)level;
                for (var k = 0; k < months; k++)
                {
                    value = Math.Max(0, value + (decimal)(random.NextDouble() * 6 - (lower ? 3.3 : 2.7)));
                    indicator.Values.Add(new IndicatorValue { Date = firstMonth.AddMonths(k), Value = Math.Round(value, 2), RecordedAt = now });
                }

                values += indicator.Values.Count;
                db.Indicators.Add(indicator);
            }

            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync();
        }

        return new IndicatorCounts(count, values, watch.Elapsed);
    }
}
