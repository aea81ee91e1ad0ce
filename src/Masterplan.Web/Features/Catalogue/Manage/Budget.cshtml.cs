using Masterplan.Web.Data;
using Masterplan.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Catalogue.Manage;

/// <summary>
/// The masterplan's money of a year (001: 50,000 € on order 93013101 0004): its amount, what the Office bound for measures and
/// what the grant programme granted, what is paid, and what is left; the Office sets the year and books money for a measure.
/// </summary>
public sealed class BudgetModel(ProgrammeBudget budget, AppDbContext db, TimeProvider time) : PageModel
{
    public ProgrammeYearView View { get; private set; } = null!;

    public IReadOnlyList<(int Id, string Title)> Measures { get; private set; } = [];

    [BindProperty]
    public decimal? Amount { get; set; }

    [BindProperty]
    public string? Order { get; set; }

    [BindProperty]
    public string? Account { get; set; }

    /// <summary>The booking form; <see cref="BookingId"/> is set when it changes one.</summary>
    [BindProperty]
    public BookingInput? Booking { get; set; }

    [BindProperty]
    public int? BookingId { get; set; }

    public string? Message { get; private set; }

    /// <summary>Which form the errors belong to, so the summary stands at it.</summary>
    public string? Posted { get; private set; }

    public async Task OnGetAsync(int? jahr, int? buchung, string? gespeichert, CancellationToken ct)
    {
        Message = gespeichert switch { "jahr" => "Der Betrag des Jahres ist gespeichert.", "buchung" => "Die Buchung ist gespeichert.", _ => null };
        await LoadAsync(jahr is >= 2019 and <= 2100 ? jahr.Value : CityTime.Today(time).Year, ct);
        (Amount, Order, Account) = (View.AmountCents / 100m, View.Order, View.Account);
        if (View.Bookings.FirstOrDefault(b => b.Id == buchung) is { } b)
        {
            (BookingId, Booking) = (b.Id, new BookingInput(b.MeasureId, b.Purpose, b.CommittedCents / 100m, b.SpentCents / 100m, b.On));
        }
    }

    public async Task<IActionResult> OnPostYearAsync(int jahr, CancellationToken ct)
    {
        Posted = "year";
        if (ModelState.IsValid && !this.ShowErrors(await budget.SetYearAsync(jahr, Amount, Order, Account, ct)))
        {
            return Redirect($"/verwaltung/programmbudget?jahr={jahr}&gespeichert=jahr");
        }

        await LoadAsync(jahr is >= 2019 and <= 2100 ? jahr : CityTime.Today(time).Year, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostBookingAsync(int jahr, CancellationToken ct)
    {
        Posted = "booking";
        var input = Booking ?? new BookingInput(null, null, null, null, null);
        // A field the form could not read has its message already; nothing is stored then.
        if (ModelState.IsValid && !this.ShowErrors(await budget.BookAsync(BookingId, input, ct), f => f.Length == 0 ? f : $"Booking.{f}"))
        {
            return Redirect($"/verwaltung/programmbudget?jahr={input.On!.Value.Year}&gespeichert=buchung");
        }

        await LoadAsync(jahr is >= 2019 and <= 2100 ? jahr : CityTime.Today(time).Year, ct);
        (Amount, Order, Account) = (View.AmountCents / 100m, View.Order, View.Account);
        return Page();
    }

    private async Task LoadAsync(int year, CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-cache, no-store";
        View = await budget.YearAsync(year, ct);
        Measures = [.. (await db.Measures.AsNoTracking().OrderBy(m => m.Title).Select(m => new { m.Id, m.Title }).ToListAsync(ct)).Select(m => (m.Id, m.Title))];
    }

}
