using System.Globalization;
using Masterplan.Documents;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Catalogue;
using Masterplan.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Reports;

/// <summary>One measure of masterplan 1.0 with what became of it, its successors in 2.0 and the lessons recorded.</summary>
public sealed record FinalReportLine(
    int MeasureId, string? Number, string Title, string Status, int Progress, string Outcome, string Lessons, IReadOnlyList<(int Id, string Title)> Successors);

/// <summary>
/// The final report of masterplan 1.0 (004 §1): the measures imported as edition 1 of the catalogue
/// (imported from CSV by the Catalogue module), each with its status today, what the Office records as its outcome and lessons,
/// and the measures of masterplan 2.0 that continue it.
/// </summary>
public sealed class FinalReport(AppDbContext db)
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    public const string Title = "Schlussbericht Masterplan Kommunale Sicherheit 1.0";

    public async Task<IReadOnlyList<FinalReportLine>> LoadAsync(CancellationToken ct)
    {
        var measures = await db.Measures.AsNoTracking().Where(m => m.PlanEdition == 1)
            .Select(m => new { m.Id, m.ExternalNumber, m.Title, m.Status, m.Progress }).ToListAsync(ct);
        var entries = await db.FinalReportEntries.AsNoTracking().Include(e => e.Successors).ToDictionaryAsync(e => e.MeasureId, ct);
        var successorIds = entries.Values.SelectMany(e => e.Successors).Select(s => s.SuccessorId).Distinct().ToList();
        var titles = await db.Measures.AsNoTracking().Where(m => successorIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.Title, ct);
        return measures.OrderBy(m => m.ExternalNumber ?? "", NumberOrder.Instance).ThenBy(m => m.Id)
            .Select(m => entries.TryGetValue(m.Id, out var e)
                ? new FinalReportLine(m.Id, m.ExternalNumber, m.Title, Measures.StatusLabel(m.Status), m.Progress, e.Outcome, e.Lessons,
                    [.. e.Successors.Select(s => (s.SuccessorId, titles.GetValueOrDefault(s.SuccessorId, "?"))).OrderBy(s => s.Item2, StringComparer.Ordinal)])
                : new FinalReportLine(m.Id, m.ExternalNumber, m.Title, Measures.StatusLabel(m.Status), m.Progress, "", "", []))
            .ToList();
    }

    /// <summary>The measures of masterplan 2.0 a successor may be chosen from.</summary>
    public async Task<IReadOnlyList<(int Id, string Title)>> CandidatesAsync(CancellationToken ct) =>
        (await db.Measures.AsNoTracking().Where(m => m.PlanEdition == 2).OrderBy(m => m.Title).ThenBy(m => m.Id).Select(m => new { m.Id, m.Title }).ToListAsync(ct))
        .Select(m => (m.Id, m.Title)).ToList();

    public async Task<Outcome> SaveAsync(int measureId, string? outcome, string? lessons, IReadOnlyList<int> successors, CancellationToken ct)
    {
        if (!await db.Measures.AnyAsync(m => m.Id == measureId && m.PlanEdition == 1, ct))
        {
            return Outcome.NotFound();
        }

        var errors = new FieldErrors();
        var (outcomeText, lessonText) = ((outcome ?? "").Trim(), (lessons ?? "").Trim());
        foreach (var (field, text) in new[] { ("Outcome", outcomeText), ("Lessons", lessonText) })
        {
            if (text.Length > ReportsModule.MaxEntryText)
            {
                errors.Add(field, "Der Text ist {0} Zeichen lang; möglich sind höchstens {1}.", text.Length, ReportsModule.MaxEntryText);
            }
        }

        var chosen = successors.Distinct().ToList();
        var valid = await db.Measures.Where(m => chosen.Contains(m.Id) && m.PlanEdition == 2).Select(m => m.Id).ToListAsync(ct);
        if (valid.Count != chosen.Count)
        {
            errors.Add("Successors", "Nachfolger kann nur eine Maßnahme des Masterplans 2.0 sein. Bitte wählen Sie aus der Liste.");
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        var entry = await db.FinalReportEntries.Include(e => e.Successors).FirstOrDefaultAsync(e => e.MeasureId == measureId, ct);
        if (entry is null)
        {
            entry = new FinalReportEntry { MeasureId = measureId, UpdatedBy = db.CurrentActorName() };
            db.FinalReportEntries.Add(entry);
        }

        (entry.Outcome, entry.Lessons, entry.UpdatedAt, entry.UpdatedBy) = (outcomeText, lessonText, db.Now(), db.CurrentActorName());
        entry.Successors.RemoveAll(s => !chosen.Contains(s.SuccessorId));
        entry.Successors.AddRange(chosen.Where(id => entry.Successors.TrueForAll(s => s.SuccessorId != id)).Select(id => new FinalReportSuccessor { MeasureId = measureId, SuccessorId = id }));
        await db.SaveChangesAsync(ct);
        return Outcome.Done;
    }

    public static Document ToDocument(IReadOnlyList<FinalReportLine> lines, string baseUrl, DateTimeOffset compiledAt)
    {
        var blocks = new List<Block>
        {
            new Heading(1, Title),
            KeyValueList.Of(
                ("Grundlage", SourceReference.Plain("004 §1: Abschlussbericht zum Masterplan Kommunale Sicherheit 1.0 (DS 12534-18)", english: false)),
                ("Maßnahmen", lines.Count.ToString(German)),
                ("Mit Nachfolger im Masterplan 2.0", lines.Count(l => l.Successors.Count > 0).ToString(German)),
                ("Stand", CityTime.Local(compiledAt).ToString("dd.MM.yyyy", German))),
            new Paragraph($"Die Seiten der Maßnahmen stehen in der Spalte „Seite“ und beziehen sich auf {baseUrl}."),
            new Table("Maßnahmen des Masterplans 1.0", ["Nr.", "Maßnahme", "Stand", "Was daraus wurde", "Nachfolger in 2.0", "Seite"],
                [.. lines.Select(l => (IReadOnlyList<string>)
                [
                    l.Number ?? "–", l.Title, $"{l.Status}, {l.Progress.ToString(German)} %", l.Outcome.Length == 0 ? "–" : l.Outcome,
                    l.Successors.Count == 0 ? "–" : string.Join("\n", l.Successors.Select(s => $"{s.Title} (/massnahmen/{s.Id.ToString(CultureInfo.InvariantCulture)})")),
                    $"/massnahmen/{l.MeasureId.ToString(CultureInfo.InvariantCulture)}",
                ])]) { ColumnWidths = [0.8, 2.5, 1.4, 3, 2.4, 1.6] },
            new Heading(2, "Was wir gelernt haben"),
        };
        var lessons = lines.Where(l => l.Lessons.Length > 0).ToList();
        if (lessons.Count == 0)
        {
            blocks.Add(new Paragraph("Noch keine Erkenntnisse erfasst."));
        }

        foreach (var line in lessons)
        {
            blocks.Add(new Heading(3, $"{line.Number} {line.Title}".Trim()));
            blocks.AddRange(ReportDocument.Paragraphs(line.Lessons).Select(p => new Paragraph(p)));
        }

        return new Document(Title, blocks) { Author = ReportDocument.Author, Subject = "Schlussbericht an den Rat", HeaderText = Title };
    }

    /// <summary>"M 2.10" after "M 2.9": numbers compared part by part.</summary>
    private sealed class NumberOrder : IComparer<string>
    {
        public static readonly NumberOrder Instance = new();

        public int Compare(string? x, string? y)
        {
            var (a, b) = (Parts(x ?? ""), Parts(y ?? ""));
            for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
            {
                var c = int.TryParse(a[i], out var p) && int.TryParse(b[i], out var q) ? p.CompareTo(q) : string.CompareOrdinal(a[i], b[i]);
                if (c != 0)
                {
                    return c;
                }
            }

            return a.Length.CompareTo(b.Length);
        }

        private static string[] Parts(string number) => number.Split([' ', '.'], StringSplitOptions.RemoveEmptyEntries);
    }
}
