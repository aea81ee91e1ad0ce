using Masterplan.Web.Data;
using Masterplan.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Grants.Manage;

/// <summary>The Office's entry to the programme: the year's budget (shown and set), the calls and the way to a new one.</summary>
public sealed class IndexModel(GrantDesk desk, AppDbContext db, TimeProvider time) : PageModel
{
    public int Year { get; private set; }

    public (long Amount, long Committed, long Left) Budget { get; private set; }

    public List<GrantCall> Calls { get; private set; } = [];

    public Dictionary<int, int> Counts { get; private set; } = [];

    /// <summary>The budget form: year and amount in euros ("50.000" or "50.000,00").</summary>
    [BindProperty]
    public int? BudgetYear { get; set; }

    [BindProperty]
    public decimal? BudgetAmount { get; set; }

    public string? Message { get; private set; }

    public async Task OnGetAsync(int? jahr, string? gespeichert, CancellationToken ct)
    {
        Message = gespeichert == "budget" ? "Das Budget ist gespeichert." : null;
        await LoadAsync(jahr is >= 2020 and <= 2100 ? jahr.Value : CityTime.Today(time).Year, ct);
        BudgetYear = Year;
        BudgetAmount = Budget.Amount / 100m;
    }

    public async Task<IActionResult> OnPostBudgetAsync(CancellationToken ct)
    {
        var year = BudgetYear ?? 0;
        if (!ModelState.IsValid)
        {
            // A number the form could not read is named as such rather than taken as empty.
            await LoadAsync(CityTime.Today(time).Year, ct);
            return Page();
        }

        var outcome = await desk.SetYearBudgetAsync(year, new BudgetInput(BudgetAmount), ct);
        if (this.ShowErrors(outcome, f => f switch { "Year" => nameof(BudgetYear), "Amount" => nameof(BudgetAmount), _ => f }))
        {
            await LoadAsync(year is >= 2020 and <= 2100 ? year : CityTime.Today(time).Year, ct);
            return Page();
        }

        return Redirect($"/verwaltung/foerderung?jahr={year}&gespeichert=budget");
    }

    private async Task LoadAsync(int year, CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-cache, no-store";
        Year = year;
        Budget = await desk.YearBudgetAsync(Year, ct);
        Calls = await db.GrantCalls.AsNoTracking().OrderByDescending(c => c.Deadline).ToListAsync(ct);
        Counts = await db.GrantApplications.Where(a => a.Status != GrantStatus.Draft).GroupBy(a => a.CallId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
    }

}
