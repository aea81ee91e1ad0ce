using Masterplan.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Masterplan.Web.Features.Confidential;

/// <summary>The committee's figures of both units for a year, small cells suppressed (<see cref="ConfidentialFigures"/>).</summary>
public sealed class FiguresModel(ConfidentialFigures figures, TimeProvider time) : PageModel
{
    [FromQuery(Name = "jahr")]
    public int? Year { get; set; }

    public int ShownYear { get; private set; }

    public IReadOnlyList<(string Unit, IReadOnlyList<FigureTable> Tables)> Units { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var today = CityTime.Today(time);
        if (Year is { } y && (y < 2000 || y > today.Year))
        {
            return NotFound();
        }

        ShownYear = Year ?? today.Year;
        var list = new List<(string, IReadOnlyList<FigureTable>)>();
        foreach (var unit in ConfidentialModule.Units)
        {
            list.Add((unit, await figures.ForYearAsync(unit, ShownYear, ct)));
        }

        Units = list;
        return Page();
    }
}
