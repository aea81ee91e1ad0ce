using System.Globalization;
using Masterplan.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Masterplan.Web.Features.Enforcement;

/// <summary>The public figures of a year with their definitions, and the same numbers as an open-data CSV (<c>?handler=Csv</c>).</summary>
public sealed class FiguresModel(EnforcementFigures figures, TimeProvider time) : PageModel
{
    [FromQuery(Name = "jahr")]
    public int? Year { get; set; }

    public int ShownYear { get; private set; }

    public EnforcementFigureSet Figures { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        var rows = new List<IEnumerable<string?>> { new[] { "tabelle", "kategorie", "anzahl", "von" } };
        foreach (var table in Figures.Receipts.Concat(Figures.Force).Concat(Figures.Feedback))
        {
            rows.AddRange(table.Rows.Select(r => new[] { table.Title, r.Label, EnforcementFigures.Format(r.Count), "" }));
            rows.Add([table.Title, "Summe", EnforcementFigures.Format(table.Total.Count), ""]);
        }

        rows.AddRange(Figures.BodycamByKind.Select(r => new[] { "Bodycam an, nach Art der Maßnahme", r.Label, EnforcementFigures.Format(r.Yes), EnforcementFigures.Format(r.Total) }));
        rows.AddRange(Figures.Means.Select(r => new[] { "Einsätze mit Zwangsmitteln, Verletzungen und Beschwerden", r.Label, EnforcementFigures.Format(r.Yes), EnforcementFigures.Format(r.Total) }));
        return File(CsvTable.Write(rows), "text/csv; charset=utf-8", string.Create(CultureInfo.InvariantCulture, $"ordnungsdienst-zahlen-{ShownYear}.csv"));
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var today = CityTime.Today(time);
        if (Year is { } y && (y < 2000 || y > today.Year))
        {
            return false;
        }

        ShownYear = Year ?? today.Year;
        Figures = await figures.ForPeriodAsync(new DateOnly(ShownYear, 1, 1), new DateOnly(ShownYear, 12, 31), ct);
        return true;
    }
}
