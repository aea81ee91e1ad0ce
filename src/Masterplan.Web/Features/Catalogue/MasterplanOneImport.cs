using System.Globalization;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Organizations;
using Masterplan.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Catalogue;

/// <summary>
/// Imports the measures of masterplan 1.0 (DS 12534-18, adopted February 2019, 30 measures) from CSV, so that its final
/// report (004) can be written from the platform (docs/domain.md#masterplan-one). They are marked as edition 1 and keep their old number;
/// each is placed under a node of today's catalogue. A file with any error imports nothing.
/// </summary>
public sealed class MasterplanOneImport(AppDbContext db, CatalogueTree tree, Measures measures)
{
    public const string Source = "Masterplan Kommunale Sicherheit 1.0 (DS 12534-18)";

    public const string Columns = "Nummer; Titel; Handlungsfeld; Status; Fortschritt; Beschreibung; Verantwortlich; Beginn; Ende";

    public async Task<(int Imported, IReadOnlyList<CsvError> Errors)> ImportAsync(byte[] file, bool isPublic, CancellationToken ct)
    {
        var errors = new List<CsvError>();
        var table = CsvTable.Read(file, errors, maxRows: 5_000);
        if (table is null)
        {
            return (0, errors);
        }

        int C(params string[] names) => table.Column(names);
        var (number, title, field, status) = (C("Nummer", "Number"), C("Titel", "Title"), C("Handlungsfeld", "Field"), C("Status"));
        var (progress, description, units, start, end) = (C("Fortschritt", "Progress"), C("Beschreibung", "Description"), C("Verantwortlich", "Responsible"), C("Beginn", "Start"), C("Ende", "End"));
        var missing = new[] { ("Nummer", number), ("Titel", title), ("Handlungsfeld", field), ("Status", status) }.Where(c => c.Item2 < 0).Select(c => $"„{c.Item1}“").ToList();
        if (missing.Count > 0)
        {
            errors.Add(new CsvError(1, "Es fehlen die Spalten {0}. Erwartet: {1}.", string.Join(", ", missing), Columns));
            return (0, errors);
        }

        var nodes = (await tree.LoadAsync(ct)).SelectMany(n => n.SelfAndDescendants()).ToDictionary(n => n.Number);
        var departments = await db.Organizations.AsNoTracking().Where(o => o.Kind == OrganizationKind.Department).ToListAsync(ct);
        var imported = (await db.Measures.Where(m => m.PlanEdition == 1 && m.ExternalNumber != null).Select(m => m.ExternalNumber!).ToListAsync(ct)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var inputs = new List<(MeasureInput Input, string Number)>();
        foreach (var row in table.Rows)
        {
            var before = errors.Count;
            void Error(string key, params object[] args) => errors.Add(new CsvError(row.Line, key, args));
            if (row.Fields.Count != table.Header.Count)
            {
                Error("Die Zeile hat {0} Felder, die Kopfzeile {1}.", row.Fields.Count, table.Header.Count);
                continue;
            }

            var no = row.Get(number);
            if (no.Length is 0 or > 40)
            {
                Error("Die Nummer der Maßnahme fehlt oder ist länger als 40 Zeichen.");
            }
            else if (seen.TryGetValue(no, out var first))
            {
                Error("Die Nummer „{0}“ steht schon in Zeile {1}.", no, first);
            }
            else if (imported.Contains(no))
            {
                Error("Die Maßnahme „{0}“ aus Masterplan 1.0 ist bereits importiert.", no);
            }

            seen.TryAdd(no, row.Line);
            if (!nodes.TryGetValue(row.Get(field), out var node))
            {
                Error("„{0}“ ist keine Nummer eines Handlungsfelds im aktuellen Katalog (z. B. 2.3).", row.Get(field));
            }

            var state = Measures.ParseStatus(row.Get(status));
            if (state is null)
            {
                Error("„{0}“ ist kein Status (erlaubt: {1}).", row.Get(status), string.Join(", ", Enum.GetValues<MeasureStatus>().Select(Measures.StatusLabel)));
            }

            var percent = 0;
            if (progress >= 0 && row.Get(progress) is { Length: > 0 } p && !int.TryParse(p.TrimEnd('%', ' '), NumberStyles.Integer, CultureInfo.InvariantCulture, out percent))
            {
                Error("„{0}“ ist kein Fortschritt in Prozent (ganze Zahl von 0 bis 100).", p);
            }

            var unitIds = new List<int>();
            foreach (var name in (units >= 0 ? row.Get(units) : "").Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var unit = departments.FirstOrDefault(d => string.Equals(d.Name, name, StringComparison.OrdinalIgnoreCase) || string.Equals(d.ShortName, name, StringComparison.OrdinalIgnoreCase));
                if (unit is null)
                {
                    Error("„{0}“ ist keine bekannte verantwortliche Stelle (mehrere mit | trennen).", name);
                }
                else
                {
                    unitIds.Add(unit.Id);
                }
            }

            DateOnly? Date(int column, string notADate)
            {
                var text = column >= 0 ? row.Get(column) : "";
                if (text.Length == 0)
                {
                    return null;
                }

                var date = Indicators.ParseDate(text);
                if (date is null)
                {
                    Error(notADate, text);
                }

                return date;
            }

            var input = new MeasureInput(
                node?.Id, row.Get(title), description >= 0 ? row.Get(description) : null, null, state, percent, 1, null, null,
                Date(start, "Der Beginn „{0}“ ist kein Datum (erwartet: 31.12.2019 oder 2019-12-31)."), Date(end, "Das Ende „{0}“ ist kein Datum (erwartet: 31.12.2019 oder 2019-12-31)."), null, [], unitIds, CatalogueSourceKind.Document, $"{Source}, Maßnahme {no}", isPublic);
            if (errors.Count == before)
            {
                foreach (var error in await measures.ValidateAsync(input, ct))
                {
                    Error(error.Key, error.Args);
                }
            }

            if (errors.Count == before)
            {
                inputs.Add((input, no));
            }
        }

        if (table.Rows.Count == 0)
        {
            errors.Add(new CsvError(0, "Die Datei enthält keine Maßnahmen."));
        }

        if (errors.Count > 0)
        {
            return (0, errors);
        }

        foreach (var (input, no) in inputs)
        {
            var measure = measures.Add(input);
            measure.PlanEdition = 1;
            measure.ExternalNumber = no;
        }

        db.AuditReason = $"Import aus {Source}";
        await db.SaveChangesAsync(ct);
        return (inputs.Count, errors);
    }
}
