using System.Globalization;
using Masterplan.Documents;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Catalogue;
using Masterplan.Web.Features.Meetings;
using Microsoft.EntityFrameworkCore;
using Masterplan.Web.Shared;

namespace Masterplan.Web.Features.Reports;

public sealed record OverviewMeasure(Measure Measure, IReadOnlyList<MeasureStatusUpdate> NewUpdates, IReadOnlyList<Milestone> OverdueMilestones);

public sealed record OverviewIndicator(Indicator Indicator, IndicatorAssessment Assessment);

public sealed record OverviewField(CatalogueNode Node, NodeProgress? Progress, IReadOnlyList<OverviewMeasure> Measures, IReadOnlyList<OverviewIndicator> Indicators);

/// <summary>
/// The content of one status overview: every field (or the chosen <paramref name="Field"/> and its sub-fields) with
/// its measures, the period's status updates and catalogue changes.
/// </summary>
public sealed record StatusOverviewData(
    DateOnly From, DateOnly To, IReadOnlyList<OverviewField> Fields, IReadOnlyList<CatalogueChange> Changes, CatalogueNode? Field, IReadOnlyList<CatalogueNode> Catalogue);

/// <summary>
/// The overview the Lenkungskreis gets at every regular meeting (001 §I: "Übersicht der Handlungsfelder inkl. der
/// jeweiligen Tätigkeiten bzw. Sachstände"), as page data and as a document for PDF and DOCX (docs/domain.md#status-overview).
/// KPI status and overdue milestones are as of the period's last day.
/// </summary>
public sealed class StatusOverview(AppDbContext db, CatalogueTree tree, Measures measures, Indicators indicators)
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    /// <param name="fieldId">Only this field of action and its sub-fields (null, or not in today's catalogue: all; then <see cref="StatusOverviewData.Field"/> is null).</param>
    public async Task<StatusOverviewData> BuildAsync(DateOnly from, DateOnly to, int? fieldId, CancellationToken ct)
    {
        var fields = await tree.LoadAsync(ct);
        var catalogue = fields.SelectMany(f => f.SelfAndDescendants()).ToList();
        var field = catalogue.FirstOrDefault(n => n.Id == fieldId);
        var progress = await measures.RollUpAsync(fields, publicOnly: false, ct);
        var nodes = field is null ? catalogue : field.SelfAndDescendants().ToList();
        var nodeIds = nodes.Select(n => n.Id).ToList();
        var all = await db.Measures.AsNoTracking().Where(m => field == null || nodeIds.Contains(m.FieldOfActionId)).OrderBy(m => m.Title).ToListAsync(ct);
        var updates = (await db.Set<MeasureStatusUpdate>().AsNoTracking().Where(u => u.Date >= from && u.Date <= to).ToListAsync(ct))
            .ToLookup(u => u.MeasureId);
        var byNode = all.ToLookup(m => m.FieldOfActionId);
        var overdue = (await db.Milestones.AsNoTracking().Where(m => m.DueDate < to && (m.DoneDate == null || m.DoneDate > to)).ToListAsync(ct))
            .ToLookup(m => m.MeasureId);
        // KPI status at the end of the period: from the latest value up to then.
        var kpis = (await indicators.AssessAsync(db.Indicators.OrderBy(i => i.Name), to, ct))
            .ToLookup(k => k.Indicator.FieldOfActionId, k => new OverviewIndicator(k.Indicator, k.Assessment));
        var rows = nodes
            .Select(n => new OverviewField(n, progress.GetValueOrDefault(n.Id),
                byNode[n.Id].Select(m => new OverviewMeasure(m, updates[m.Id].OrderBy(u => u.Date).ToList(), overdue[m.Id].OrderBy(x => x.DueDate).ToList())).ToList(),
                kpis[n.Id].ToList()))
            .ToList();
        var changes = await tree.ChangesAsync(Start(from), Start(to.AddDays(1)), ct);
        if (field is not null)
        {
            // By number, so entries moved out of the field or retired in the period stay listed.
            changes = changes.Where(c => Within(field.Number, c.NumberBefore) || Within(field.Number, c.NumberAfter)).ToList();
        }

        return new StatusOverviewData(from, to, rows, changes, field, catalogue);
    }

    private static bool Within(string fieldNumber, string? number) =>
        number is not null && (number == fieldNumber || number.StartsWith(fieldNumber + ".", StringComparison.Ordinal));

    public static Document ToDocument(StatusOverviewData data, string? meetingLine)
    {
        var scope = data.Field is { } f ? $"Handlungsfeld {f.Number} {f.Title}" : "Alle Handlungsfelder";
        var title = $"Übersicht der Handlungsfelder mit Sachständen, {data.From.ToString("dd.MM.yyyy", German)} bis {data.To.ToString("dd.MM.yyyy", German)}"
                    + (data.Field is null ? "" : $", {scope}");
        var blocks = new List<Block>
        {
            new Heading(1, "Übersicht der Handlungsfelder mit Sachständen"),
            KeyValueList.Of(
                ("Zeitraum", $"{data.From.ToString("dd.MM.yyyy", German)} bis {data.To.ToString("dd.MM.yyyy", German)}"),
                ("Umfang", scope),
                ("Für", meetingLine ?? "Lenkungskreis"),
                ("Grundlage", $"Masterplan Kommunale Sicherheit 2.0, {SourceReference.Plain("001 §I", english: false)}: Übersicht bei jeder regulären Sitzung des Lenkungskreises"),
                ("Maßnahmen", data.Fields.Sum(f => f.Measures.Count).ToString(German)),
                ("Kennzahlen", data.Fields.Sum(f => f.Indicators.Count).ToString(German)),
                ("Überfällige Meilensteine", data.Fields.Sum(f => f.Measures.Sum(m => m.OverdueMilestones.Count)).ToString(German))),
        };
        // Fields without measures or indicators (themselves and below them) would each be a bare heading: they are
        // named once, in one line at the end, so the paper shows where work is reported.
        var fields = data.Fields.ToList();
        var shown = new bool[fields.Count];
        for (var i = fields.Count - 1; i >= 0; i--)
        {
            shown[i] = fields[i].Measures.Count > 0 || fields[i].Indicators.Count > 0;
            for (var j = i + 1; j < fields.Count && fields[j].Node.Depth > fields[i].Node.Depth; j++)
            {
                shown[i] |= shown[j];
            }
        }

        var empty = fields.Where((_, i) => !shown[i]).ToList();
        foreach (var field in fields.Where((_, i) => shown[i]))
        {
            blocks.Add(new Heading(Math.Min(field.Node.Depth + 2, 3), $"{field.Node.Number} {field.Node.Title}"));
            if (field.Progress is { } p)
            {
                blocks.Add(new Paragraph($"Fortschritt: {p.Percent} % aus {p.Measures} {(p.Measures == 1 ? "Maßnahme" : "Maßnahmen")} (gewichtet, ohne verworfene)."));
            }

            if (field.Measures.Count > 0)
            {
                blocks.Add(new Table($"Maßnahmen in {field.Node.Number}", ["Maßnahme", "Stand", "Fortschritt", "Sachstände im Zeitraum", "Überfällige Meilensteine"],
                    field.Measures.Select(m => (IReadOnlyList<string>)
                    [
                        m.Measure.Title, Measures.StatusLabel(m.Measure.Status), $"{m.Measure.Progress} %",
                        m.NewUpdates.Count == 0 ? "–" : string.Join("\n", m.NewUpdates.Select(u => $"{u.Date.ToString("dd.MM.yyyy", German)}: {u.Text}")),
                        OverdueText(m.OverdueMilestones),
                    ]).ToList()) { ColumnWidths = [3, 1.3, 1, 3.5, 2] });
            }

            if (field.Indicators.Count > 0)
            {
                blocks.Add(new Table($"Kennzahlen in {field.Node.Number}", ["Kennzahl", "Letzter Wert", "Ziel", "Status"],
                    field.Indicators.Select(k => (IReadOnlyList<string>)
                    [
                        k.Indicator.Name,
                        k.Assessment.Latest is { } v ? $"{Indicators.Format(v.Value, k.Indicator.Unit)} ({v.Date.ToString("dd.MM.yyyy", German)})" : "–",
                        k.Indicator.TargetValue is { } t ? $"{Indicators.Format(t, k.Indicator.Unit)} ({k.Indicator.TargetDate?.ToString("dd.MM.yyyy", German)})" : "–",
                        k.Assessment.Label,
                    ]).ToList()) { ColumnWidths = [3, 2, 2, 1.4] });
            }
        }

        if (empty.Count > 0)
        {
            blocks.Add(new Paragraph([
                new TextRun("Ohne Maßnahmen und Kennzahlen: ", Bold: true),
                new TextRun(string.Join("; ", empty.Select(f => $"{f.Node.Number} {f.Node.Title}")) + "."),
            ]));
        }

        blocks.Add(new Heading(2, "Änderungen am Katalog im Zeitraum"));
        blocks.Add(data.Changes.Count == 0
            ? new Paragraph("Keine Änderungen.")
            : new Table("Änderungen am Katalog", ["Datum", "Änderung", "Handlungsfeld", "Quelle"],
                data.Changes.Select(c => (IReadOnlyList<string>)
                [
                    CityTime.Local(c.At).ToString("dd.MM.yyyy", German), CatalogueModule.Label(c.Change),
                    $"{c.NumberAfter ?? c.NumberBefore} {c.Title}", $"{CatalogueModule.Label(c.SourceKind)}{(c.SourceText is null ? "" : ": " + SourceReference.Plain(c.SourceText, english: false))}",
                ]).ToList()) { ColumnWidths = [1.2, 1.4, 3, 3] });
        return new Document(title, blocks)
        {
            Author = "Stadt Dortmund, Geschäftsstelle Masterplan Kommunale Sicherheit",
            Subject = "Statusübersicht für den Lenkungskreis",
            HeaderText = $"Statusübersicht · {data.To.ToString("dd.MM.yyyy", German)}",
        };
    }

    public static string OverdueText(IReadOnlyList<Milestone> overdue) =>
        overdue.Count == 0 ? "–" : string.Join("\n", overdue.Select(m => $"{m.Title} (fällig {m.DueDate.ToString("dd.MM.yyyy", German)})"));

    private static DateTimeOffset Start(DateOnly day) => CityTime.ToUtc(day, TimeOnly.MinValue);
}
