using System.Globalization;
using System.Security.Cryptography;
using Masterplan.Web.Shared;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Masterplan.Web.Features.Confidential;

/// <summary>
/// The anonymous mailbox: opened with case number and secret (one answer for every failure), then kept open for
/// <see cref="ConfidentialOptions.MailboxMinutes"/> by a signed, encrypted cookie that holds only the case's id and its end;
/// the person reads the unit's replies, answers and adds files. Nothing of the visit is stored or logged.
/// </summary>
[EnableRateLimiting(PublicForms.Policy)]
[RequestFormLimits(MultipartBodyLengthLimit = 40 * 1024 * 1024)]
[RequestSizeLimit(40 * 1024 * 1024)]
public sealed class MailboxModel(CaseDesk desk, MailboxThrottle throttle, IDataProtectionProvider protection, TimeProvider time) : PageModel
{
    public const string CookieName = "__Host-mp-postfach";

    /// <summary>The one answer for an unknown number, a wrong secret and too many attempts.</summary>
    public const string Refused = "Fallnummer und Geheimwort passen nicht zusammen, oder es gab zu viele Versuche. Bitte prüfen Sie Ihre Eingabe und versuchen Sie es später noch einmal.";

    private readonly IDataProtector _protector = protection.CreateProtector("Masterplan.Confidential.Mailbox");

    [BindProperty]
    public string? Number { get; set; }

    [BindProperty]
    public string? Secret { get; set; }

    [BindProperty]
    public string? Text { get; set; }

    [BindProperty]
    public List<IFormFile> Files { get; set; } = [];

    public MailboxView? View { get; private set; }

    [TempData]
    public string? Saved { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-cache, no-store";
        if (OpenCase() is { } id)
        {
            View = await desk.MailboxAsync(id, ct);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostOpenAsync(CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-cache, no-store";
        var id = await desk.OpenMailboxAsync(Number, Secret, throttle.KeyFor(HttpContext.Connection.RemoteIpAddress), ct);
        if (id is null)
        {
            ModelState.AddModelError("", Refused);
            Secret = null;
            return Page();
        }

        var until = time.GetUtcNow().AddMinutes(desk.Options.MailboxMinutes);
        Response.Cookies.Append(CookieName, _protector.Protect(string.Create(CultureInfo.InvariantCulture, $"{id}|{until.UtcTicks}")), new CookieOptions
        {
            Secure = true, HttpOnly = true, SameSite = SameSiteMode.Strict, Path = "/", IsEssential = true,
        });
        return Redirect("/vertraulich/postfach");
    }

    public async Task<IActionResult> OnPostReplyAsync(CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-cache, no-store";
        if (OpenCase() is not { } id)
        {
            return Redirect("/vertraulich/postfach");
        }

        var files = await IntakePage.ReadFilesAsync(Files, desk.Options.MaxFileBytes, ct);
        var outcome = await desk.AddMessageAsync(id, Text, files, ct);
        if (this.ShowErrors(outcome))
        {
            View = await desk.MailboxAsync(id, ct);
            return Page();
        }

        Saved = "Ihre Nachricht ist gespeichert. Die Stelle sieht sie beim nächsten Blick in den Fall.";
        return Redirect("/vertraulich/postfach");
    }

    public IActionResult OnPostClose()
    {
        Response.Cookies.Delete(CookieName, new CookieOptions { Secure = true, Path = "/" });
        return Redirect("/vertraulich/postfach");
    }

    public async Task<IActionResult> OnGetFileAsync(int id, CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-cache, no-store";
        if (OpenCase() is not { } caseId || await desk.FileAsync(caseId, null, id, ct) is not { } file)
        {
            return NotFound();
        }

        return File(file.Bytes, file.MediaType, file.Name);
    }

    private int? OpenCase()
    {
        if (Request.Cookies[CookieName] is not { Length: > 0 } value)
        {
            return null;
        }

        try
        {
            var parts = _protector.Unprotect(value).Split('|');
            return long.Parse(parts[1], CultureInfo.InvariantCulture) > time.GetUtcNow().UtcTicks ? int.Parse(parts[0], CultureInfo.InvariantCulture) : null;
        }
        catch (Exception e) when (e is CryptographicException or FormatException or IndexOutOfRangeException or OverflowException)
        {
            return null;
        }
    }
}
