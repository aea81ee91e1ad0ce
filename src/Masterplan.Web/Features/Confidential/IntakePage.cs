using System.Security.Claims;
using Masterplan.Web.Features.Geo;
using Masterplan.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Masterplan.Web.Features.Confidential;

/// <summary>
/// The public intake of a unit (the complaint form and the report form share it): protected like every public form
/// (<see cref="FormGuard"/>, <see cref="PublicForms"/>), checked completely, stored encrypted; then Post/Redirect/Get to the
/// receipt, which shows the case number and the secret once (they travel in the encrypted TempData cookie, never in the URL).
/// </summary>
public abstract class IntakePage(CaseDesk desk, FormGuard guard, string unit) : PageModel
{
    public const string NumberKey = "Confidential.Number";
    public const string SecretKey = "Confidential.Secret";

    public string Unit => unit;

    public int MaxFiles => desk.Options.MaxFiles;

    [BindProperty]
    public CaseInput Input { get; set; } = new();

    [BindProperty]
    public LocationInput Place { get; set; } = new();

    [BindProperty]
    public List<IFormFile> Files { get; set; } = [];

    /// <param name="receipt">The code of a stop receipt (Ordnungsdienst), when the person chose to bring it from the receipt page.</param>
    public void OnGet([FromQuery(Name = "quittung")] string? receipt)
    {
        Response.Headers.CacheControl = "no-cache, no-store";
        // Prefilled, not hidden: the person sees the code in the form and can still remove it before sending.
        if (unit == ConfidentialModule.Complaints && receipt is { Length: <= 40 } && Masterplan.Algorithms.Invitations.InvitationCode.TryNormalize(receipt, out var code))
        {
            Input.Kind = "ordnungsamt";
            Input.Details = "Kontrollquittung " + code;
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-cache, no-store";
        var files = await ReadFilesAsync(Files, desk.Options.MaxFileBytes, ct);
        (string, string)? account = User.Identity?.IsAuthenticated == true
            ? (User.FindFirstValue("name") ?? User.Identity.Name ?? "?", User.FindFirstValue(ClaimTypes.Email) ?? User.Identity.Name ?? "?")
            : null;
        var outcome = await desk.SubmitAsync(unit, Input, Place, files, guard.Check(Request.Form), account, ct);
        if (this.ShowErrors(outcome))
        {
            return Page();
        }

        TempData[NumberKey] = outcome.Value!.Number;
        TempData[SecretKey] = outcome.Value.Secret;
        return Redirect("/vertraulich/eingegangen");
    }

    /// <summary>The chosen files; one larger than the limit is read only to the limit plus one byte, so its check refuses it.</summary>
    public static async Task<List<UploadedAttachment>> ReadFilesAsync(IEnumerable<IFormFile> files, int maxBytes, CancellationToken ct)
    {
        var list = new List<UploadedAttachment>();
        foreach (var file in files.Where(f => f.Length > 0 || !string.IsNullOrEmpty(f.FileName)))
        {
            await using var stream = file.OpenReadStream();
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = await stream.ReadAsync(chunk, ct)) > 0 && buffer.Length <= maxBytes)
            {
                buffer.Write(chunk, 0, read);
            }

            list.Add(new UploadedAttachment(string.IsNullOrWhiteSpace(file.FileName) ? "?" : file.FileName, buffer.ToArray()));
        }

        return list;
    }
}
