using Masterplan.Web.Data;
using Masterplan.Web.Features.Districts;
using Masterplan.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Geo.Manage;

/// <summary>
/// The Office imports the address gazetteer (CSV) and the Stadtbezirk boundaries (GeoJSON). Each import replaces what was
/// there, all or nothing; problems are listed with their line or feature.
/// </summary>
[RequestSizeLimit(MaxAddressFile + (1024 * 1024))]
[RequestFormLimits(MultipartBodyLengthLimit = MaxAddressFile + (1024 * 1024))]
public sealed class IndexModel(AppDbContext db, Gazetteer gazetteer, BoundaryImport boundaryImport) : PageModel
{
    public const long MaxAddressFile = 50 * 1024 * 1024, MaxBoundaryFile = 20 * 1024 * 1024;

    public int AddressCount { get; private set; }

    public bool AddressesAreDemo { get; private set; }

    public IReadOnlyList<(string District, DateTimeOffset ImportedAt, bool IsDemo)> Boundaries { get; private set; } = [];

    public IReadOnlyList<string> AddressErrors { get; private set; } = [];

    public IReadOnlyList<string> BoundaryErrors { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAddressesAsync(IFormFile? file, CancellationToken ct)
    {
        var bytes = await ReadAsync(file, MaxAddressFile, "CSV", e => AddressErrors = e, ct);
        if (bytes is not null)
        {
            var (imported, errors) = await gazetteer.ImportAsync(bytes, ct);
            if (errors.Count == 0)
            {
                Message = HttpContext.Localize("{0} Adressen sind importiert; das bisherige Adressverzeichnis ist ersetzt.", imported);
                return RedirectToPage();
            }

            AddressErrors = [.. errors.Select(e => e.Localize(OutcomeAdapters.Localizer(HttpContext)))];
        }

        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostBoundariesAsync(IFormFile? file, CancellationToken ct)
    {
        var bytes = await ReadAsync(file, MaxBoundaryFile, "GeoJSON", e => BoundaryErrors = e, ct);
        if (bytes is not null)
        {
            var (imported, errors) = await boundaryImport.ImportAsync(bytes, ct);
            if (errors.Count == 0)
            {
                Message = HttpContext.Localize("Die Grenzen von {0} Stadtbezirken sind importiert; der Stadtbezirk eines Ortes ergibt sich ab jetzt aus ihnen.", imported);
                return RedirectToPage();
            }

            var t = OutcomeAdapters.Localizer(HttpContext);
            BoundaryErrors = [.. errors.Select(e => e.Localize(t))];
        }

        await LoadAsync(ct);
        return Page();
    }

    private async Task<byte[]?> ReadAsync(IFormFile? file, long max, string kind, Action<IReadOnlyList<string>> fail, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            fail([HttpContext.Localize("Bitte wählen Sie eine {0}-Datei aus.", kind)]);
            return null;
        }

        if (file.Length > max)
        {
            fail([HttpContext.Localize("Die Datei „{0}“ ist {1} MB groß; höchstens {2} MB sind erlaubt.", Path.GetFileName(file.FileName), file.Length / (1024 * 1024), max / (1024 * 1024))]);
            return null;
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        return buffer.ToArray();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        AddressCount = await db.GazetteerAddresses.CountAsync(ct);
        AddressesAreDemo = AddressCount > 0 && await db.GazetteerAddresses.AnyAsync(a => a.IsDemo, ct);
        Boundaries = (await (from b in db.DistrictBoundaries.AsNoTracking()
                             join d in db.Districts.AsNoTracking() on b.DistrictId equals d.Id
                             orderby d.Position
                             select new { d.Name, b.ImportedAt, b.IsDemo }).ToListAsync(ct))
            .Select(b => (b.Name, b.ImportedAt, b.IsDemo)).ToList();
    }
}
