using System.Globalization;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Organizations;
using Masterplan.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Catalogue.Manage;

/// <summary>The Office defines an indicator and records its values by hand or from a CSV file (docs/domain.md#indicators).</summary>
public sealed class IndicatorModel(AppDbContext db, CatalogueTree tree, Indicators indicators) : PageModel
{

    public Indicator? Current { get; private set; }

    public Indicator? Conflict { get; private set; }

    public string? MeasureTitle { get; private set; }

    public IReadOnlyList<CatalogueNode> Nodes { get; private set; } = [];

    /// <summary>Line-numbered problems of the last CSV upload (nothing was imported).</summary>
    public IReadOnlyList<CsvError> ImportErrors { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    [BindProperty]
    public int? FieldOfActionId { get; set; }

    [BindProperty]
    public int? MeasureId { get; set; }

    /// <summary>The body that tracks the indicator (003), if any.</summary>
    [BindProperty]
    public int? OrganizationId { get; set; }

    /// <summary>Bodies that meet and may track indicators of their own (not institutions, fractions or departments).</summary>
    public IReadOnlyList<(int Id, string Name)> Bodies { get; private set; } = [];

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Definition { get; set; }

    [BindProperty]
    public string? Unit { get; set; }

    [BindProperty]
    public string? DataSource { get; set; }

    [BindProperty]
    public string? BaselineValue { get; set; }

    [BindProperty]
    public DateOnly? BaselineDate { get; set; }

    [BindProperty]
    public string? TargetValue { get; set; }

    [BindProperty]
    public DateOnly? TargetDate { get; set; }

    [BindProperty]
    public IndicatorDirection Direction { get; set; }

    [BindProperty]
    public bool IsPublic { get; set; }

    [BindProperty]
    public int? Version { get; set; }

    [BindProperty]
    public DateOnly? ValueDate { get; set; }

    [BindProperty]
    public string? Value { get; set; }

    [BindProperty]
    public string? ValueNote { get; set; }

    public async Task<IActionResult> OnGetAsync(int? id, int? massnahme, int? feld, int? gremium, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (Current is { } i)
        {
            Fill(i);
        }
        else
        {
            MeasureId = massnahme;
            OrganizationId = gremium;
            FieldOfActionId = feld ?? (massnahme is { } m ? await db.Measures.Where(x => x.Id == m).Select(x => (int?)x.FieldOfActionId).FirstOrDefaultAsync(ct) : null);
            MeasureTitle = massnahme is { } mid ? await db.Measures.Where(x => x.Id == mid).Select(x => x.Title).FirstOrDefaultAsync(ct) : null;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        var baseline = Number(nameof(BaselineValue), BaselineValue, "Der Ausgangswert muss eine Zahl sein, zum Beispiel 1500,50.");
        var target = Number(nameof(TargetValue), TargetValue, "Der Zielwert muss eine Zahl sein, zum Beispiel 1500,50.");
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await indicators.SaveAsync(id, id is null ? null : Version,
            new IndicatorInput(FieldOfActionId, MeasureId, Name, Definition, Unit, DataSource, baseline, BaselineDate, target, TargetDate, Direction, IsPublic, OrganizationId), ct);
        if (result.IsNotFound)
        {
            return NotFound();
        }

        this.ShowErrors(result);
        if (result is { Kind: OutcomeKind.Conflict, Value: { } current })
        {
            Conflict = current;
            Version = current.Version;
            ModelState.Remove(nameof(Version));
            return Page();
        }

        if (result.Value is not { } saved)
        {
            return Page();
        }

        Message = id is null ? "Die Kennzahl ist angelegt." : "Die Änderungen sind gespeichert.";
        return RedirectToPage(new { id = saved.Id });
    }

    public async Task<IActionResult> OnPostValueAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || Current is null)
        {
            return NotFound();
        }

        Fill(Current);
        var value = Number(nameof(Value), Value, "Der Wert muss eine Zahl sein, zum Beispiel 1500,50.");
        var numberOk = ModelState.IsValid;
        var outcome = await indicators.AddValueAsync(id, ValueDate, value, ValueNote, ct);
        if (outcome.IsNotFound)
        {
            return NotFound();
        }

        // A value that is not a number has its message already; the service would only add "please enter a number".
        this.ShowErrors(outcome.Errors.Where(e => e.Field != nameof(Value) || numberOk));

        if (!ModelState.IsValid)
        {
            return Page();
        }

        Message = "Der Wert ist eingetragen.";
        return RedirectToPage(null, null, new { id }, "werte");
    }

    public async Task<IActionResult> OnPostImportAsync(int id, IFormFile? file, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || Current is null)
        {
            return NotFound();
        }

        Fill(Current);
        if (file is null || file.Length == 0)
        {
            ImportErrors = [new CsvError(0, "Bitte wählen Sie eine CSV-Datei aus.")];
            return Page();
        }

        if (file.Length > 2 * 1024 * 1024)
        {
            ImportErrors = [new CsvError(0, "Die Datei „{0}“ ist {1} KB groß; höchstens 2 MB sind erlaubt.", Path.GetFileName(file.FileName), file.Length / 1024)];
            return Page();
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        var (imported, errors) = await indicators.ImportCsvAsync(id, buffer.ToArray(), ct);
        if (errors.Count > 0)
        {
            ImportErrors = errors;
            return Page();
        }

        Message = $"{imported} Werte sind importiert.";
        return RedirectToPage(null, null, new { id }, "werte");
    }

    public async Task<IActionResult> OnPostDeleteValueAsync(int id, int valueId, CancellationToken ct)
    {
        var value = await db.IndicatorValues.FirstOrDefaultAsync(v => v.Id == valueId && v.IndicatorId == id, ct);
        if (value is null)
        {
            return NotFound();
        }

        db.IndicatorValues.Remove(value);
        await db.SaveChangesAsync(ct);
        Message = "Der Wert ist gelöscht.";
        return RedirectToPage(null, null, new { id }, "werte");
    }

    public string NameOf(int nodeId) => Nodes.FirstOrDefault(n => n.Id == nodeId) is { } n ? $"{n.Number} {n.Title}" : "–";

    private async Task<bool> LoadAsync(int? id, CancellationToken ct)
    {
        Nodes = (await tree.LoadAsync(ct)).SelectMany(n => n.SelfAndDescendants()).ToList();
        Bodies = (await db.Organizations.AsNoTracking().Where(o => o.Kind != OrganizationKind.Institution && o.Kind != OrganizationKind.Fraction && o.Kind != OrganizationKind.Department)
            .OrderBy(o => o.Name).Select(o => new { o.Id, o.Name }).ToListAsync(ct)).Select(o => (o.Id, o.Name)).ToList();
        if (id is null)
        {
            return true;
        }

        Current = await db.Indicators.AsNoTracking().Include(i => i.Values).FirstOrDefaultAsync(i => i.Id == id, ct);
        if (Current?.MeasureId is { } measure)
        {
            MeasureTitle = await db.Measures.Where(m => m.Id == measure).Select(m => m.Title).FirstOrDefaultAsync(ct);
        }

        return Current is not null;
    }

    private void Fill(Indicator i)
    {
        FieldOfActionId = i.FieldOfActionId;
        MeasureId = i.MeasureId;
        OrganizationId = i.OrganizationId;
        Name = i.Name;
        Definition = i.Definition;
        Unit = i.Unit;
        DataSource = i.DataSource;
        BaselineValue = i.BaselineValue is { } baseline ? TypedNumber.Format(baseline, "#,##0.####") : null;
        BaselineDate = i.BaselineDate;
        TargetValue = i.TargetValue is { } target ? TypedNumber.Format(target, "#,##0.####") : null;
        TargetDate = i.TargetDate;
        Direction = i.Direction;
        IsPublic = i.IsPublic;
        Version = i.Version;
    }

    private decimal? Number(string field, string? text, string notANumber) => TypedNumber.Bind(ModelState, field, text, notANumber);
}
