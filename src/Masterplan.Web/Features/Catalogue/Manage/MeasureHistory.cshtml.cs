using System.Text.Json;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Audit;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Catalogue.Manage;

/// <summary>
/// Everything that happened to one measure, its status updates and milestones, from the audit log: who, when, which
/// field from what to what, and why — the provenance every change carries (docs/domain.md#catalogue), without reading the whole log.
/// </summary>
public sealed class MeasureHistoryModel(AppDbContext db) : PageModel
{
    public sealed record Change(string Field, string? Before, string? After);

    public sealed record Row(AuditEntry Entry, string What, IReadOnlyList<Change> Changes);

    private static readonly Dictionary<string, string> Labels = new()
    {
        ["Title"] = "Titel", ["Description"] = "Beschreibung", ["Partners"] = "Partner", ["Status"] = "Status", ["Progress"] = "Fortschritt",
        ["Weight"] = "Gewicht", ["PlannedBudget"] = "Geplantes Budget", ["SpentBudget"] = "Verausgabt", ["StartDate"] = "Beginn", ["EndDate"] = "Ende",
        ["Place"] = "Ort", ["SourceKind"] = "Art der Quelle", ["SourceText"] = "Quelle", ["IsPublic"] = "Öffentlich", ["FieldOfActionId"] = "Handlungsfeld (Nr. intern)",
        ["Text"] = "Sachstand", ["Date"] = "Datum", ["NewStatus"] = "Neuer Status", ["NewProgress"] = "Neuer Fortschritt", ["DueDate"] = "Fällig am",
        ["DoneDate"] = "Erreicht am", ["ExternalNumber"] = "Nummer in der Quelle", ["PlanEdition"] = "Masterplan",
    };

    private static readonly HashSet<string> Hidden = ["Id", "MeasureId", "Version", "UpdatedAt", "UpdatedBy", "RecordedAt", "AuthorName", "RemindedAt", "IsDemo"];

    public Measure Measure { get; private set; } = null!;

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var measure = await db.Measures.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct);
        if (measure is null)
        {
            return NotFound();
        }

        Measure = measure;
        var key = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        // Status updates and milestones name their measure in the recorded values (created: [null, id]; deleted: [id, null]).
        var (created, deleted) = ($"%\"MeasureId\":[null,{key}]%", $"%\"MeasureId\":[{key},null]%");
        var entries = await db.AuditEntries.AsNoTracking()
            .Where(e => e.Scope == AuditScope.General && (
                (e.EntityType == nameof(Catalogue.Measure) && e.EntityId == key)
                || ((e.EntityType == nameof(MeasureStatusUpdate) || e.EntityType == nameof(Milestone) || e.EntityType == nameof(Indicator))
                    && e.Changes != null && (EF.Functions.Like(e.Changes, created) || EF.Functions.Like(e.Changes, deleted)))))
            .OrderByDescending(e => e.Id).Take(500).ToListAsync(ct);
        var milestoneIds = entries.Where(e => e.EntityType == nameof(Milestone)).Select(e => e.EntityId).ToHashSet();
        // A milestone's later changes (done date) do not repeat the measure id.
        var later = await db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == nameof(Milestone) && milestoneIds.Contains(e.EntityId) && e.Action == "milestone.updated").ToListAsync(ct);
        Rows = entries.Concat(later).DistinctBy(e => e.Id).OrderByDescending(e => e.Id).Select(e => new Row(e, What(e), Parse(e.Changes))).ToList();
        return Page();
    }

    private static string What(AuditEntry e) => e.Action switch
    {
        "measure.created" => "Maßnahme angelegt",
        "measure.updated" => "Maßnahme geändert",
        "measure.deleted" => "Maßnahme gelöscht",
        "measureStatusUpdate.created" => "Sachstand eingetragen",
        "milestone.created" => "Meilenstein angelegt",
        "milestone.updated" => "Meilenstein geändert",
        "milestone.deleted" => "Meilenstein gelöscht",
        "indicator.created" => "Kennzahl angelegt",
        _ => e.Action,
    };

    private static List<Change> Parse(string? json)
    {
        if (json is null)
        {
            return [];
        }

        var changes = new List<Change>();
        using var doc = JsonDocument.Parse(json);
        if (doc.RootElement.ValueKind != JsonValueKind.Object)
        {
            return changes;
        }

        foreach (var p in doc.RootElement.EnumerateObject())
        {
            if (Hidden.Contains(p.Name) || p.Value.ValueKind != JsonValueKind.Array || p.Value.GetArrayLength() != 2)
            {
                continue;
            }

            changes.Add(new Change(Labels.GetValueOrDefault(p.Name, p.Name), Text(p.Value[0]), Text(p.Value[1])));
        }

        return changes;
    }

    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.String => value.GetString(),
        JsonValueKind.True => "ja",
        JsonValueKind.False => "nein",
        _ => value.GetRawText(),
    };
}
