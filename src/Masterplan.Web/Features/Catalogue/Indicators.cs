using System.Globalization;
using Masterplan.Documents;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Organizations;
using Masterplan.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Catalogue;

/// <summary>What the Office enters for an indicator, from the form or the API.</summary>
public sealed record IndicatorInput(
    int? FieldOfActionId, int? MeasureId, string? Name, string? Definition, string? Unit, string? DataSource, decimal? BaselineValue,
    DateOnly? BaselineDate, decimal? TargetValue, DateOnly? TargetDate, IndicatorDirection? Direction, bool IsPublic, int? OrganizationId = null);

/// <summary>The outcome of saving an indicator: the indicator, or German messages per field, or the newer version someone else saved.</summary>

public enum IndicatorStatus
{
    /// <summary>No values yet, or no baseline and target to compare with.</summary>
    Unknown,
    OnTrack,
    AtRisk,
    OffTrack,
}

/// <summary>An indicator's status with the rule that gave it, in words (docs/domain.md#indicators: the rule is shown with the status).</summary>
public sealed record IndicatorAssessment(IndicatorStatus Status, string Label, string Rule, decimal? Expected, IndicatorValue? Latest);

/// <summary>Indicators of the catalogue (docs/domain.md#indicators): validation, saving, values entered or imported from CSV, status against target, chart data.</summary>
public sealed class Indicators(AppDbContext db, TimeProvider time)
{
    /// <summary>Share of the distance between baseline and target a value may lag behind the path and still count as "gefährdet".</summary>
    public const decimal AtRiskShare = 0.10m;

    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    public static string Label(IndicatorStatus status) => status switch
    {
        IndicatorStatus.OnTrack => "auf Kurs",
        IndicatorStatus.AtRisk => "gefährdet",
        IndicatorStatus.OffTrack => "nicht auf Kurs",
        _ => "ohne Bewertung",
    };

    public static string Label(IndicatorDirection direction) =>
        direction == IndicatorDirection.HigherIsBetter ? "höher ist besser" : "niedriger ist besser";

    public static string Format(decimal value, string unit) => $"{value.ToString("#,##0.####", German)} {unit}".TrimEnd();

    /// <summary>A value with its unit for a page, in the reader's language (<see cref="Format"/> is for German documents).</summary>
    public static string Display(decimal value, string unit) => $"{TypedNumber.Format(value, "#,##0.####")} {unit}".TrimEnd();

    /// <summary>
    /// Compares the latest value with the straight path from baseline to target on the latest value's date:
    /// at least as good as the path is on track; behind by at most <see cref="AtRiskShare"/> of the whole distance is at
    /// risk; further behind is off track. After the target date the path stays at the target.
    /// </summary>
    public static IndicatorAssessment Assess(Indicator indicator, IReadOnlyCollection<IndicatorValue> values)
    {
        var latest = values.MaxBy(v => v.Date);
        if (latest is null)
        {
            return new IndicatorAssessment(IndicatorStatus.Unknown, Label(IndicatorStatus.Unknown), "Es gibt noch keine Werte.", null, null);
        }

        if (indicator is not { BaselineValue: { } baseline, BaselineDate: { } from, TargetValue: { } target, TargetDate: { } to })
        {
            return new IndicatorAssessment(IndicatorStatus.Unknown, Label(IndicatorStatus.Unknown),
                "Ohne Ausgangswert und Ziel (jeweils mit Datum) lässt sich kein Status bestimmen.", null, latest);
        }

        var share = to <= from ? 1m : Math.Clamp((decimal)(latest.Date.DayNumber - from.DayNumber) / (to.DayNumber - from.DayNumber), 0m, 1m);
        var expected = baseline + ((target - baseline) * share);
        var behind = indicator.Direction == IndicatorDirection.HigherIsBetter ? expected - latest.Value : latest.Value - expected;
        var tolerance = Math.Abs(target - baseline) * AtRiskShare;
        var status = behind <= 0 ? IndicatorStatus.OnTrack : behind <= tolerance ? IndicatorStatus.AtRisk : IndicatorStatus.OffTrack;
        var rule =
            $"Der letzte Wert ({Format(latest.Value, indicator.Unit)} am {latest.Date.ToString("dd.MM.yyyy", German)}) wird mit dem geraden Weg " +
            $"vom Ausgangswert ({Format(baseline, indicator.Unit)} am {from.ToString("dd.MM.yyyy", German)}) zum Ziel ({Format(target, indicator.Unit)} " +
            $"am {to.ToString("dd.MM.yyyy", German)}) verglichen; an diesem Tag wären {Format(Math.Round(expected, 2), indicator.Unit)} zu erwarten " +
            $"({Label(indicator.Direction)}). Auf Kurs: mindestens so gut wie erwartet. Gefährdet: höchstens {(AtRiskShare * 100).ToString("0", German)} % der Strecke " +
            "zwischen Ausgangswert und Ziel dahinter. Nicht auf Kurs: weiter dahinter.";
        return new IndicatorAssessment(status, Label(status), rule, Math.Round(expected, 4), latest);
    }

    /// <summary>
    /// The indicators of <paramref name="query"/> with their status from the latest value (up to <paramref name="upTo"/>, if given):
    /// one query for the indicators and one for the latest value of each, whatever the number of values.
    /// </summary>
    public async Task<List<(Indicator Indicator, IndicatorAssessment Assessment)>> AssessAsync(IQueryable<Indicator> query, DateOnly? upTo, CancellationToken ct)
    {
        var indicators = await query.AsNoTracking().ToListAsync(ct);
        var ids = indicators.Select(i => i.Id).ToList();
        var values = db.IndicatorValues.AsNoTracking().Where(v => ids.Contains(v.IndicatorId));
        if (upTo is { } day)
        {
            values = values.Where(v => v.Date <= day);
        }

        // The latest date per indicator comes from the (IndicatorId, Date) index; only those rows are read.
        var latestDates = values.GroupBy(v => v.IndicatorId).Select(g => new { IndicatorId = g.Key, Date = g.Max(v => v.Date) });
        var latest = (await values.Join(latestDates, v => new { v.IndicatorId, v.Date }, l => new { l.IndicatorId, l.Date }, (v, _) => v).ToListAsync(ct))
            .ToDictionary(v => v.IndicatorId);
        return indicators.Select(i => (i, Assess(i, latest.TryGetValue(i.Id, out var v) ? [v] : []))).ToList();
    }

    /// <summary>The indicator as chart data for <see cref="LineChart"/>.</summary>
    public static KpiSeries Series(Indicator indicator, IEnumerable<IndicatorValue> values) =>
        new(indicator.Name, values.OrderBy(v => v.Date).Select(v => new KpiValue(v.Date, (double)v.Value)).ToList())
        {
            Unit = indicator.Unit,
            Target = indicator is { TargetValue: { } t, TargetDate: { } td } ? new KpiValue(td, (double)t) : null,
            Baseline = indicator is { BaselineValue: { } b, BaselineDate: { } bd } ? new KpiValue(bd, (double)b) : null,
        };

    /// <summary>Creates (<paramref name="id"/> null) or changes an indicator; a change must name the version it was based on.</summary>
    public async Task<Outcome<Indicator>> SaveAsync(int? id, int? basedOnVersion, IndicatorInput input, CancellationToken ct)
    {
        Indicator? indicator = null;
        if (id is not null && (indicator = await db.Indicators.FirstOrDefaultAsync(i => i.Id == id, ct)) is null)
        {
            return Outcome<Indicator>.NotFound();
        }

        var errors = await ValidateAsync(input, ct);
        if (indicator is not null && basedOnVersion is null)
        {
            errors.Add("Version", "Bitte geben Sie die Version an, auf der Ihre Änderung beruht.");
        }

        if (indicator is not null && input.Unit is { } unit && !string.Equals(unit.Trim(), indicator.Unit, StringComparison.Ordinal)
            && await db.IndicatorValues.AnyAsync(v => v.IndicatorId == indicator.Id, ct))
        {
            errors.Add("Unit", "Die Einheit kann nicht geändert werden, solange Werte in „{0}“ erfasst sind.", indicator.Unit);
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        if (indicator is not null && indicator.Version != basedOnVersion)
        {
            return Outcome<Indicator>.Conflict(indicator);
        }

        if (indicator is null)
        {
            indicator = new Indicator { Name = "", Unit = "" };
            db.Indicators.Add(indicator);
        }
        else
        {
            db.Entry(indicator).Property(i => i.Version).OriginalValue = basedOnVersion!.Value;
            indicator.Version = basedOnVersion.Value + 1;
        }

        indicator.FieldOfActionId = input.FieldOfActionId!.Value;
        indicator.MeasureId = input.MeasureId;
        indicator.OrganizationId = input.OrganizationId;
        indicator.Name = input.Name!.Trim();
        indicator.Definition = Clean(input.Definition);
        indicator.Unit = input.Unit!.Trim();
        indicator.DataSource = Clean(input.DataSource);
        indicator.BaselineValue = input.BaselineValue;
        indicator.BaselineDate = input.BaselineDate;
        indicator.TargetValue = input.TargetValue;
        indicator.TargetDate = input.TargetDate;
        indicator.Direction = input.Direction!.Value;
        indicator.IsPublic = input.IsPublic;
        indicator.UpdatedAt = time.GetUtcNow();
        indicator.UpdatedBy = db.CurrentActorName();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Outcome<Indicator>.Conflict(await db.Indicators.AsNoTracking().FirstAsync(i => i.Id == indicator.Id, ct));
        }

        return Outcome<Indicator>.Ok(indicator);
    }

    /// <summary>
    /// Records one value. Of two requests for the same date at once, the slower gets the message it would have got alone.
    /// </summary>
    public Task<Outcome> AddValueAsync(int indicatorId, DateOnly? date, decimal? value, string? note, CancellationToken ct) =>
        db.RetryOnUniqueViolationAsync(() => TryAddValueAsync(indicatorId, date, value, note, ct));

    private async Task<Outcome> TryAddValueAsync(int indicatorId, DateOnly? date, decimal? value, string? note, CancellationToken ct)
    {
        if (!await db.Indicators.AnyAsync(i => i.Id == indicatorId, ct))
        {
            return Outcome.NotFound();
        }

        var errors = new FieldErrors();
        if (date is not { } day)
        {
            errors.Add("ValueDate", "Bitte geben Sie das Datum des Werts an.");
        }
        else if (!DateInput.InRange(day))
        {
            errors.Add("ValueDate", DateInput.OutOfRange);
        }
        else if (day > CityTime.Today(time))
        {
            errors.Add("ValueDate", "Das Datum darf nicht in der Zukunft liegen.");
        }
        else if (await db.IndicatorValues.AnyAsync(v => v.IndicatorId == indicatorId && v.Date == day, ct))
        {
            errors.Add("ValueDate", "Für den {0:dd.MM.yyyy} ist bereits ein Wert erfasst. Löschen Sie ihn, um ihn zu ersetzen.", day);
        }

        if (value is null)
        {
            errors.Add("Value", "Bitte geben Sie den Wert als Zahl an.");
        }

        if (note is { Length: > 500 })
        {
            errors.Add("ValueNote", "Die Anmerkung darf höchstens 500 Zeichen lang sein.");
        }

        if (errors.Count == 0)
        {
            db.IndicatorValues.Add(new IndicatorValue { IndicatorId = indicatorId, Date = date!.Value, Value = value!.Value, Note = Clean(note), RecordedAt = time.GetUtcNow() });
            await db.SaveChangesAsync(ct);
        }

        return errors;
    }

    /// <summary>
    /// Imports values from CSV with the columns Datum and Wert (optional Einheit, Anmerkung; English headers too).
    /// Every line is checked first; a file with any error imports nothing (docs/domain.md#bad-input).
    /// </summary>
    public Task<(int Imported, IReadOnlyList<CsvError> Errors)> ImportCsvAsync(int indicatorId, byte[] file, CancellationToken ct) =>
        db.RetryOnUniqueViolationAsync(() => TryImportCsvAsync(indicatorId, file, ct));

    private async Task<(int Imported, IReadOnlyList<CsvError> Errors)> TryImportCsvAsync(int indicatorId, byte[] file, CancellationToken ct)
    {
        var indicator = await db.Indicators.AsNoTracking().FirstAsync(i => i.Id == indicatorId, ct);
        var errors = new List<CsvError>();
        var table = CsvTable.Read(file, errors, maxRows: 10_000);
        if (table is null)
        {
            return (0, errors);
        }

        var (dateColumn, valueColumn) = (table.Column("Datum", "Date"), table.Column("Wert", "Value"));
        var (unitColumn, noteColumn) = (table.Column("Einheit", "Unit"), table.Column("Anmerkung", "Note"));
        if (dateColumn < 0 || valueColumn < 0)
        {
            errors.Add(new CsvError(1, "Die Kopfzeile braucht die Spalten „Datum“ und „Wert“ (gefunden: {0}).", string.Join(", ", table.Header.Select(h => $"„{h}“"))));
            return (0, errors);
        }

        var existing = (await db.IndicatorValues.Where(v => v.IndicatorId == indicatorId).Select(v => v.Date).ToListAsync(ct)).ToHashSet();
        var seen = new Dictionary<DateOnly, int>();
        var values = new List<IndicatorValue>();
        var today = CityTime.Today(time);
        foreach (var row in table.Rows)
        {
            if (row.Fields.Count != table.Header.Count)
            {
                errors.Add(new CsvError(row.Line, "Die Zeile hat {0} Felder, die Kopfzeile {1}.", row.Fields.Count, table.Header.Count));
                continue;
            }

            DateOnly? date = ParseDate(row.Get(dateColumn));
            decimal? value = TypedNumber.Parse(row.Get(valueColumn), language: null);
            if (date is null)
            {
                errors.Add(new CsvError(row.Line, "„{0}“ ist kein Datum (erwartet: 31.12.2025 oder 2025-12-31).", row.Get(dateColumn)));
            }
            else if (!DateInput.InRange(date.Value))
            {
                errors.Add(new CsvError(row.Line, DateInput.OutOfRange));
            }
            else if (date > today)
            {
                errors.Add(new CsvError(row.Line, "Das Datum {0:dd.MM.yyyy} liegt in der Zukunft.", date.Value));
            }
            else if (seen.TryGetValue(date.Value, out var first))
            {
                errors.Add(new CsvError(row.Line, "Das Datum {0:dd.MM.yyyy} steht schon in Zeile {1}.", date.Value, first));
            }
            else if (existing.Contains(date.Value))
            {
                errors.Add(new CsvError(row.Line, "Für den {0:dd.MM.yyyy} ist bereits ein Wert erfasst.", date.Value));
            }

            if (value is null && TypedNumber.Parse(row.Get(valueColumn), TypedNumber.German) is not null)
            {
                errors.Add(new CsvError(row.Line, "„{0}“ lässt sich als Tausender oder als Dezimalzahl lesen: bitte ohne Tausenderpunkt oder mit Dezimalkomma schreiben (zum Beispiel 12345 oder 12,345).", row.Get(valueColumn)));
            }
            else if (value is null)
            {
                errors.Add(new CsvError(row.Line, "„{0}“ ist keine Zahl.", row.Get(valueColumn)));
            }

            if (unitColumn >= 0 && row.Get(unitColumn) is { Length: > 0 } unit && !string.Equals(unit, indicator.Unit, StringComparison.OrdinalIgnoreCase))
            {
                errors.Add(new CsvError(row.Line, "Die Einheit „{0}“ passt nicht zur Kennzahl (erwartet: „{1}“).", unit, indicator.Unit));
            }

            var note = noteColumn >= 0 ? row.Get(noteColumn) : "";
            if (note.Length > 500)
            {
                errors.Add(new CsvError(row.Line, "Die Anmerkung ist länger als 500 Zeichen."));
            }

            if (date is { } d)
            {
                seen.TryAdd(d, row.Line);
            }

            if (date is not null && value is not null)
            {
                values.Add(new IndicatorValue { IndicatorId = indicatorId, Date = date.Value, Value = value.Value, Note = Clean(note), RecordedAt = time.GetUtcNow() });
            }
        }

        if (table.Rows.Count == 0)
        {
            errors.Add(new CsvError(0, "Die Datei enthält keine Werte."));
        }

        if (errors.Count > 0)
        {
            return (0, errors);
        }

        db.IndicatorValues.AddRange(values);
        db.AuditReason = "CSV-Import";
        await db.SaveChangesAsync(ct);
        return (values.Count, errors);
    }

    /// <summary>A date as 31.12.2025 or 2025-12-31.</summary>
    public static DateOnly? ParseDate(string text) =>
        DateOnly.TryParseExact(text, ["dd.MM.yyyy", "d.M.yyyy", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    private async Task<FieldErrors> ValidateAsync(IndicatorInput input, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (input.FieldOfActionId is not { } field || !await db.FieldsOfAction.AnyAsync(f => f.Id == field && !f.IsRetired, ct))
        {
            errors.Add("FieldOfActionId", "Bitte wählen Sie ein Handlungsfeld des aktuellen Katalogs.");
        }

        if (input.MeasureId is { } measure && !await db.Measures.AnyAsync(m => m.Id == measure, ct))
        {
            errors.Add("MeasureId", "Diese Maßnahme gibt es nicht.");
        }

        if (input.OrganizationId is { } body && !await db.Organizations.AnyAsync(o => o.Id == body, ct))
        {
            errors.Add("OrganizationId", "Dieses Gremium gibt es nicht.");
        }

        if (string.IsNullOrWhiteSpace(input.Name))
        {
            errors.Add("Name", "Bitte geben Sie den Namen der Kennzahl ein.");
        }
        else if (input.Name.Trim().Length > 300)
        {
            errors.Add("Name", "Der Name darf höchstens 300 Zeichen lang sein.");
        }

        if (string.IsNullOrWhiteSpace(input.Unit))
        {
            errors.Add("Unit", "Bitte geben Sie die Einheit an (z. B. „%“ oder „Fälle“).");
        }
        else if (input.Unit.Trim().Length > 40)
        {
            errors.Add("Unit", "Die Einheit darf höchstens 40 Zeichen lang sein.");
        }

        if (input.Definition is { Length: > 4000 })
        {
            errors.Add("Definition", "Die Definition darf höchstens 4000 Zeichen lang sein.");
        }

        if (input.DataSource is { Length: > 500 })
        {
            errors.Add("DataSource", "Die Datenquelle darf höchstens 500 Zeichen lang sein.");
        }

        if ((input.BaselineValue is null) != (input.BaselineDate is null))
        {
            errors.Add("BaselineDate", "Ausgangswert und sein Datum gehören zusammen: geben Sie beide an oder keines.");
        }

        if ((input.TargetValue is null) != (input.TargetDate is null))
        {
            errors.Add("TargetDate", "Zielwert und Zieldatum gehören zusammen: geben Sie beide an oder keines.");
        }
        else if (input is { TargetDate: { } to, BaselineDate: { } from } && to <= from)
        {
            errors.Add("TargetDate", "Das Zieldatum muss nach dem Datum des Ausgangswerts liegen.");
        }

        if (input.Direction is null)
        {
            errors.Add("Direction", "Bitte geben Sie an, ob höhere oder niedrigere Werte besser sind.");
        }

        return errors;
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
