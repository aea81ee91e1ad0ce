using System.Globalization;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Geo;
using Masterplan.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.ProtectivePlaces.Manage;

/// <summary>The Office's place form: what and where (the map piece's fields), help texts, access, weekly hours and exception dates.</summary>
public sealed class PlaceModel(AppDbContext db, PlaceEditor editor) : PageModel
{
    /// <summary>Empty rows shown below the filled ones, for new hours without JavaScript.</summary>
    public const int SpareRows = 3;

    [BindProperty]
    public PlaceInput Input { get; set; } = new();

    [BindProperty]
    public LocationInput Place { get; set; } = new();

    [BindProperty]
    public List<RuleInput> Rules { get; set; } = [];

    [BindProperty]
    public List<ExceptionInput> Exceptions { get; set; } = [];

    public IReadOnlyList<PlaceEvent> Events { get; private set; } = [];

    public int? Id { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        Id = id;
        if (id is { } existing)
        {
            var row = await db.ProtectivePlaces.AsNoTracking().Include(p => p.Rules).Include(p => p.Exceptions).FirstOrDefaultAsync(p => p.Id == existing, ct);
            if (row is null)
            {
                return NotFound();
            }

            Input = new PlaceInput
            {
                Name = row.Name, Kind = row.Kind, ShownAddress = row.Address, Help = row.Help, HelpEnglish = row.HelpEnglish, HelpEasy = row.HelpEasy, Phone = row.Phone,
                StepFree = row.StepFree, AccessibleToilet = row.AccessibleToilet, QuietRoom = row.QuietRoom, Languages = row.Languages, EventId = row.EventId, IsPublic = row.IsPublic,
            };
            Place = new LocationInput
            {
                Latitude = row.Latitude.ToString("0.######", CultureInfo.InvariantCulture), Longitude = row.Longitude.ToString("0.######", CultureInfo.InvariantCulture), DistrictId = row.DistrictId,
            };
            Rules = [.. row.Rules.OrderBy(r => ((int)r.Day + 6) % 7).ThenBy(r => r.Opens).Select(r => new RuleInput { Day = r.Day, Opens = r.Opens, Closes = r.Closes, NextDay = r.NextDay })];
            Exceptions = [.. row.Exceptions.OrderBy(e => e.Date).Select(e => new ExceptionInput { Date = e.Date, Closed = e.Closed, Opens = e.Opens, Closes = e.Closes, NextDay = e.NextDay, Note = e.Note })];
        }

        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        Id = id;
        var outcome = await editor.SaveAsync(id, Input, Place, Rules, Exceptions, ct);
        if (outcome.Kind == OutcomeKind.NotFound)
        {
            return NotFound();
        }

        if (this.ShowErrors(outcome))
        {
            await LoadAsync(ct);
            return Page();
        }

        return Redirect("/verwaltung/schutzorte?gespeichert=" + outcome.Value.ToString(CultureInfo.InvariantCulture));
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Events = await db.PlaceEvents.AsNoTracking().OrderByDescending(e => e.Starts).ToListAsync(ct);
        for (var i = 0; i < SpareRows; i++)
        {
            Rules.Add(new RuleInput());
            Exceptions.Add(new ExceptionInput());
        }
    }
}
