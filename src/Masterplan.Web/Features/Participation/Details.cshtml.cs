using System.Globalization;
using System.Security.Cryptography;
using Masterplan.Documents;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Districts;
using Masterplan.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Participation;

/// <summary>
/// The public page of an input call: what is asked, the period and what happens with the input (shown before anyone
/// writes), the published contributions with filters, the counts per status, and "ich auch" (004 §5: published and evaluated).
/// </summary>
[EnableRateLimiting(PublicForms.Policy)]
public sealed class DetailsModel(AppDbContext db, Contributions contributions, Evaluation evaluation, TimeProvider time) : PageModel
{
    /// <summary>The cookie that tells one browser's supports apart: a random value, only its hash is stored.</summary>
    public const string SupporterCookie = "mp-supporter";

    public InputCall Call { get; private set; } = null!;

    public (string Label, string? Name, string? Link) BelongsTo { get; private set; }

    public IReadOnlyList<Contribution> Items { get; private set; } = [];

    public IReadOnlyDictionary<string, int> Counts { get; private set; } = new Dictionary<string, int>();

    public int Total { get; private set; }

    public int Filtered { get; private set; }

    public IReadOnlyList<string> Districts { get; private set; } = [];

    public bool IsOpen { get; private set; }

    public bool NotYetOpen { get; private set; }

    /// <summary>The published evaluation, once the call is closed.</summary>
    public EvaluationData? Summary { get; private set; }

    /// <summary>The contribution this browser just flagged, to confirm it at the contribution.</summary>
    public int? JustFlagged { get; private set; }

    [BindProperty(SupportsGet = true, Name = "bezirk")]
    public string? District { get; set; }

    [BindProperty(SupportsGet = true, Name = "thema")]
    public string? Theme { get; set; }

    [BindProperty(SupportsGet = true, Name = "seite")]
    public int PageNumber { get; set; } = 1;

    public int Pages => Math.Max(1, (Filtered + ParticipationModule.PageSize - 1) / ParticipationModule.PageSize);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        JustFlagged = TempData["flagged"] as int?;
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostSupportAsync(int id, int contributionId, CancellationToken ct) =>
        await AfterAsync(id, contributionId, await contributions.SupportAsync(id, contributionId, BrowserId(), ct), ct);

    public async Task<IActionResult> OnPostFlagAsync(int id, int contributionId, string? reason, CancellationToken ct)
    {
        var result = await contributions.FlagAsync(id, contributionId, BrowserId(), reason, ct);
        if (result.Succeeded)
        {
            TempData["flagged"] = contributionId;
        }

        return await AfterAsync(id, contributionId, result, ct);
    }

    /// <summary>The evaluation report (PDF or DOCX) of a closed call; before closing the page says when it comes.</summary>
    public async Task<IActionResult> OnGetReportAsync(int id, string? format, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (IsOpen || NotYetOpen)
        {
            this.ShowError("", "Die Auswertung gibt es, sobald die Beteiligung geschlossen ist (am {0} um {1} Uhr).",
                CityTime.Local(Call.ClosesAt).ToString("dd.MM.yyyy", CultureInfo.InvariantCulture), CityTime.Local(Call.ClosesAt).ToString("HH:mm", CultureInfo.InvariantCulture));
            return Page();
        }

        var document = Participation.Evaluation.ToDocument(Summary!, time.GetUtcNow());
        return format == "docx"
            ? File(DocxRenderer.Render(document), "application/vnd.openxmlformats-officedocument.wordprocessingml.document", Participation.Evaluation.FileName(id, "docx"))
            : File(PdfRenderer.Render(document), "application/pdf", Participation.Evaluation.FileName(id, "pdf"));
    }

    /// <summary>The random value that tells this browser's supports and flags apart; set as a cookie on first use.</summary>
    private string BrowserId()
    {
        var browser = Request.Cookies[SupporterCookie];
        if (string.IsNullOrEmpty(browser) || browser.Length > 100)
        {
            browser = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
            Response.Cookies.Append(SupporterCookie, browser, new CookieOptions
            {
                HttpOnly = true, Secure = Request.IsHttps, SameSite = SameSiteMode.Lax, IsEssential = true, MaxAge = TimeSpan.FromDays(365),
            });
        }

        return browser;
    }

    private async Task<IActionResult> AfterAsync(int id, int contributionId, Outcome result, CancellationToken ct)
    {
        if (result.IsNotFound)
        {
            return NotFound();
        }

        if (result.Succeeded)
        {
            // Post/Redirect/Get, back to the contribution.
            return Redirect($"/beteiligung/{id}?{Request.QueryString.Value?.TrimStart('?')}#beitrag-{contributionId}");
        }

        this.ShowErrors(result);
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var call = await db.InputCalls.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (call is null)
        {
            return false;
        }

        Call = call;
        var now = time.GetUtcNow();
        IsOpen = call.OpensAt <= now && now < call.ClosesAt;
        NotYetOpen = now < call.OpensAt;
        BelongsTo = await CallView.BelongsToAsync(db, call, ct);
        Districts = await db.Districts.AsNoTracking().OrderBy(d => d.Position).Select(d => d.Name).ToListAsync(ct);
        var published = db.Contributions.AsNoTracking().Where(c => c.InputCallId == id && c.Moderation == ParticipationModule.Published);
        if (!IsOpen && !NotYetOpen)
        {
            Summary = await evaluation.BuildAsync(id, forOffice: false, ct);
        }

        // A closed call's evaluation has counted them already.
        Counts = Summary?.ByStatus
            ?? await published.GroupBy(c => c.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        Total = Counts.Values.Sum();
        District = string.IsNullOrWhiteSpace(District) ? null : District;
        Theme = string.IsNullOrWhiteSpace(Theme) ? null : Theme;
        if (District is not null)
        {
            published = published.Where(c => c.District == District);
        }

        if (Theme is not null)
        {
            published = published.Where(c => c.Theme == Theme);
        }

        Filtered = District is null && Theme is null ? Total : await published.CountAsync(ct);
        PageNumber = Math.Clamp(PageNumber, 1, Pages);
        Items = await published.OrderByDescending(c => c.SubmittedAt).ThenByDescending(c => c.Id)
            .Skip((PageNumber - 1) * ParticipationModule.PageSize).Take(ParticipationModule.PageSize).Select(PublicContribution.Fields).ToListAsync(ct);
        return true;
    }

    /// <summary>The address of another page of the list with the same filters.</summary>
    public string PageLink(int page)
    {
        var query = new List<string>();
        if (District is not null)
        {
            query.Add("bezirk=" + Uri.EscapeDataString(District));
        }

        if (Theme is not null)
        {
            query.Add("thema=" + Uri.EscapeDataString(Theme));
        }

        query.Add("seite=" + page.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return $"/beteiligung/{Call.Id}?{string.Join('&', query)}";
    }
}
