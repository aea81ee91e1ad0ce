using Masterplan.Web.Data;
using Masterplan.Web.Features.Districts;
using Masterplan.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.ProtectivePlaces;

/// <summary>One public place: state now, help in German, English and Leichte Sprache, access, languages, the week's hours and coming exceptions.</summary>
public sealed class DetailsModel(AppDbContext db, PlaceFinder finder, TimeProvider time) : PageModel
{
    public ListedPlace Listed { get; private set; } = null!;

    public string? DistrictName { get; private set; }

    public IReadOnlyList<OpeningRule> Rules { get; private set; } = [];

    public IReadOnlyList<OpeningException> Exceptions { get; private set; } = [];

    public DateTime LocalNow { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var listed = await finder.FindOneAsync(id, ct);
        if (listed is null)
        {
            return NotFound();
        }

        Listed = listed;
        LocalNow = CityTime.Local(time.GetUtcNow());
        var today = DateOnly.FromDateTime(LocalNow);
        DistrictName = listed.Place.DistrictId is { } d ? await db.Districts.Where(x => x.Id == d).Select(x => x.Name).FirstOrDefaultAsync(ct) : null;
        Rules = [.. (await db.OpeningRules.AsNoTracking().Where(r => r.PlaceId == id).ToListAsync(ct)).OrderBy(r => ((int)r.Day + 6) % 7).ThenBy(r => r.Opens)];
        Exceptions = await db.OpeningExceptions.AsNoTracking().Where(e => e.PlaceId == id && e.Date >= today && e.Date <= today.AddDays(60))
            .OrderBy(e => e.Date).ThenBy(e => e.Opens).ToListAsync(ct);
        return Page();
    }
}
