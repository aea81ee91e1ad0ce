using Masterplan.Web.Data;
using Masterplan.Web.Features.Geo;
using Masterplan.Web.Shared;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.ServiceRequests;

/// <summary>
/// The report form, in two steps without JavaScript: first what and where ("Weiter"), which shows open reports of the same
/// category nearby ("Das wurde schon gemeldet — unterstützen?"); then the description, photos and optional contact, and
/// "Meldung senden". The form is protected like every public form (<see cref="FormGuard"/>, <see cref="PublicForms"/>);
/// the receipt number is chosen when the form is first shown, so sending it twice stores one report.
/// </summary>
[EnableRateLimiting(PublicForms.Policy)]
[RequestFormLimits(MultipartBodyLengthLimit = 40 * 1024 * 1024)]
[RequestSizeLimit(40 * 1024 * 1024)]
public sealed class SubmitModel(AppDbContext db, ServiceRequestDesk desk, ServiceRequestMap map, FormGuard guard, IDataProtectionProvider protection) : PageModel
{
    private readonly IDataProtector _receipts = protection.CreateProtector("Masterplan.ServiceRequests.Receipt");

    public IReadOnlyList<ServiceCategory> Categories { get; private set; } = [];

    /// <summary>1: what and where; 2: details and sending.</summary>
    public int Step { get; private set; } = 1;

    /// <summary>Open reports of the same category nearby, with their distance in metres (step 2).</summary>
    public IReadOnlyList<(PublicServiceRequest Request, double Metres)> Nearby { get; private set; } = [];

    public CheckedPlace? Checked { get; private set; }

    /// <summary>The category's extra questions (step 2).</summary>
    public IReadOnlyList<ServiceCategoryQuestion> Questions { get; private set; } = [];

    /// <summary>Answers to the extra questions by question id; for the department only.</summary>
    [BindProperty]
    public Dictionary<int, string?> Answers { get; set; } = [];

    public int RetentionDays => desk.Options.RetentionDays;

    [BindProperty]
    public string? Category { get; set; }

    /// <summary>Where: the map piece's fields (address, choices, map, coordinates, district while no boundaries exist).</summary>
    [BindProperty]
    public LocationInput Place { get; set; } = new();

    [BindProperty]
    public string? Description { get; set; }

    [BindProperty]
    public string? ReporterName { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public List<IFormFile> Photos { get; set; } = [];

    /// <summary>The receipt number chosen when the form was shown, protected: sending the same form again is idempotent.</summary>
    [BindProperty]
    public string? ReceiptToken { get; set; }

    public async Task OnGetAsync(string? kategorie, CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-cache, no-store";
        Category = kategorie;
        ReceiptToken = _receipts.Protect(HashedCodes.Create().Code);
        await LoadAsync(ct);
    }

    /// <summary>"Weiter": checks what and where, then shows the reports nearby and the rest of the form.</summary>
    public async Task<IActionResult> OnPostNextAsync(CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-cache, no-store";
        await LoadAsync(ct);
        var place = await desk.CheckPlaceAsync(Input(), ct);
        if (this.ShowErrors(place))
        {
            return Page();
        }

        await ShowStepTwoAsync(place.Value!, ct);
        return Page();
    }

    /// <summary>"Meldung senden": checks everything again and stores the report with its photos in one transaction.</summary>
    public async Task<IActionResult> OnPostSendAsync(CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-cache, no-store";
        await LoadAsync(ct);
        var photos = Photos.Where(p => p.Length > 0 || !string.IsNullOrEmpty(p.FileName)).ToList();
        var streams = photos.Select(p => p.OpenReadStream()).ToList();
        try
        {
            var result = await desk.SubmitAsync(Input() with { Receipt = IssuedReceipt() }, [.. photos.Select((p, i) => new PhotoUpload(streams[i], p.FileName))], guard.Check(Request.Form), ct);
            if (result.Kind == OutcomeKind.Done)
            {
                // Post/Redirect/Get: the receipt page reads the stored report, so it proves the commit.
                return Redirect("/meldungen/eingegangen?nr=" + Uri.EscapeDataString(result.Value.Receipt));
            }

            this.ShowErrors(result);
            var place = await desk.CheckPlaceAsync(Input(), ct);
            if (place.Kind == OutcomeKind.Done)
            {
                await ShowStepTwoAsync(place.Value!, ct);
            }

            return Page();
        }
        finally
        {
            foreach (var s in streams)
            {
                await s.DisposeAsync();
            }
        }
    }

    /// <summary>"Zurück": the first step again, with what was typed.</summary>
    public async Task OnPostBackAsync(CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-cache, no-store";
        await LoadAsync(ct);
    }

    /// <summary>"Unterstützen" instead of a new report: counts once per browser, then shows the report.</summary>
    public async Task<IActionResult> OnPostSupportAsync(int requestId, CancellationToken ct)
    {
        var result = await desk.SupportAsync(requestId, SupporterCookie.Of(HttpContext), ct);
        if (result.IsNotFound)
        {
            return NotFound();
        }

        return Redirect($"/meldungen/{requestId}?unterstuetzt=" + (result.Kind == OutcomeKind.Done ? "1" : "schon"));
    }

    private ReportInput Input() => new(Category, Description, Place, ReporterName, Email) { Answers = Answers };

    private async Task ShowStepTwoAsync(CheckedPlace place, CancellationToken ct)
    {
        Step = 2;
        Checked = place;
        Questions = await desk.QuestionsAsync(place.Category.Id, ct);

        // The second step carries the checked place (the address list's own label, the point, the district), which the
        // server checks again on sending through the same code path.
        Place = new LocationInput
        {
            Address = place.FromAddressList ? place.Address : null,
            Latitude = place.Latitude.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
            Longitude = place.Longitude.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
            DistrictId = place.District.Id,
        };
        var near = await map.OpenNearAsync(place.Category.Id, place.Latitude, place.Longitude, desk.Options.DuplicateRadiusMetres, ct);
        var ids = near.Select(n => n.Point.Id).ToList();
        var rows = await PublicServiceRequests.Query(db).Where(r => ids.Contains(r.Id)).ToListAsync(ct);
        Nearby = [.. near.Where(n => rows.Any(r => r.Id == n.Point.Id)).Select(n => (rows.First(r => r.Id == n.Point.Id), n.Metres))];
    }

    /// <summary>The receipt number the form was shown with; a missing or altered token gets a new one when it is stored.</summary>
    private string? IssuedReceipt()
    {
        try
        {
            return string.IsNullOrEmpty(ReceiptToken) ? null : _receipts.Unprotect(ReceiptToken);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            ReceiptToken = _receipts.Protect(HashedCodes.Create().Code);
            return null;
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Categories = await db.ServiceCategories.AsNoTracking().Where(c => c.IsActive).OrderBy(c => c.Position).ThenBy(c => c.Name).ToListAsync(ct);
    }
}
