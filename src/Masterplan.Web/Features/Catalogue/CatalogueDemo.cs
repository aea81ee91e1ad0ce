using Masterplan.Web.Data;
using Masterplan.Web.Features.Districts;
using Masterplan.Web.Features.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Catalogue;

/// <summary>Demo measures and an indicator (flagged <c>IsDemo</c>), so that the catalogue shows progress and charts.</summary>
internal static class CatalogueDemo
{
    /// <summary>A few measures with status updates so that the catalogue shows progress.</summary>
    public static async Task<bool> SeedAsync(AppDbContext db, TimeProvider time, CancellationToken ct)
    {
        if (await db.Measures.AnyAsync(m => m.IsDemo, ct))
        {
            return false;
        }

        var fields = await db.FieldsOfAction.Where(f => f.SeedKey != null).ToDictionaryAsync(f => f.SeedKey!, f => f.Id, ct);
        var districts = await db.Districts.Where(d => d.SeedKey != null).ToDictionaryAsync(d => d.SeedKey!, d => d.Id, ct);
        var unit = await db.Organizations.Where(o => o.Kind == OrganizationKind.Department).OrderBy(o => o.Name).Select(o => o.Id).FirstAsync(ct);
        var now = time.GetUtcNow();
        Measure Measure(string field, string title, MeasureStatus status, int progress, string district, decimal? budget) => new()
        {
            FieldOfActionId = fields[field], Title = title, Status = status, Progress = progress,
            Description = "Beispiel zum Ausprobieren (Demo).", PlannedBudget = budget, SpentBudget = budget / 2, StartDate = new DateOnly(2025, 1, 1),
            EndDate = new DateOnly(2027, 12, 31), SourceKind = CatalogueSourceKind.MeetingDecision, SourceText = "Vollversammlung (Demo)",
            IsPublic = true, IsDemo = true, UpdatedAt = now, UpdatedBy = "Geschäftsstelle",
            Districts = districts.TryGetValue(district, out var d) ? [new MeasureDistrict { DistrictId = d }] : [],
            Units = [new MeasureUnit { OrganizationId = unit }],
        };

        // Each measure under the field it belongs to: lighting under "Gefahrenorte, Angsträume und Beleuchtung" (1.2.3), a
        // neighbourhood patrol under "Vernetzung im privaten Bereich" (1.3.1).
        var light = Measure("field:1.2.3", "Beleuchtung am Nordausgang des Hauptbahnhofs", MeasureStatus.InProgress, 60, "district:innenstadt-nord", 120_000m);
        light.Updates.Add(new MeasureStatusUpdate
        {
            Date = new DateOnly(2025, 6, 1), Text = "Leuchten bestellt (Demo).", NewStatus = MeasureStatus.InProgress, NewProgress = 60,
            AuthorName = "Geschäftsstelle", RecordedAt = now,
        });
        db.Measures.AddRange(
            light,
            Measure("field:2.6", "Fortbildung zu Extremismus für Fachkräfte", MeasureStatus.Implemented, 100, "district:eving", 15_000m),
            Measure("field:1.3.1", "Nachbarschaftsstreifen im Quartier", MeasureStatus.Decided, 10, "district:hoerde", null));
        light.Milestones.Add(new Milestone { Title = "Leuchten bestellt (Demo)", DueDate = new DateOnly(2025, 6, 30), DoneDate = new DateOnly(2025, 6, 1) });
        light.Milestones.Add(new Milestone { Title = "Leuchten montiert (Demo)", DueDate = new DateOnly(2026, 10, 31) });
        await db.SaveChangesAsync(ct);

        // An indicator with two years of monthly values, so that charts and the status rule can be tried out.
        var values = Enumerable.Range(0, 24).Select(i => new IndicatorValue
        {
            // The first survey is the baseline itself (38 % on 1 October 2024); later months rise slowly with some noise.
            Date = new DateOnly(2024, 10, 1).AddMonths(i), Value = 38m + (i * 0.4m) + (i % 3 == 1 ? 1 : i % 3 == 2 ? -1 : 0), Note = i == 0 ? "Erste Befragung (Demo)" : null, RecordedAt = now,
        }).ToList();
        db.Indicators.Add(new Indicator
        {
            FieldOfActionId = light.FieldOfActionId, MeasureId = light.Id, Name = "Sicherheitsgefühl am Hauptbahnhof nach Einbruch der Dunkelheit (Demo)", Unit = "%",
            Definition = "Anteil der Befragten, die sich dort nachts „eher sicher“ oder „sehr sicher“ fühlen (Beispieldaten).", DataSource = "Kurzbefragung (Demo)",
            BaselineValue = 38, BaselineDate = new DateOnly(2024, 10, 1), TargetValue = 55, TargetDate = new DateOnly(2027, 12, 31),
            Direction = IndicatorDirection.HigherIsBetter, IsPublic = true, IsDemo = true, UpdatedAt = now, UpdatedBy = "Geschäftsstelle", Values = values,
        });
        await db.SaveChangesAsync(ct);
        return true;
    }
}
