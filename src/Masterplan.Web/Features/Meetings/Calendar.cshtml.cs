using System.Security.Cryptography;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Meetings;

/// <summary>
/// A member's personal calendar feed: a secret address (only its hash is stored), shown once when made;
/// making a new one ends the old one (docs/domain.md#meetings).
/// </summary>
public sealed class CalendarModel(AppDbContext db, UserManager<AppUser> users, TimeProvider time, Microsoft.Extensions.Options.IOptions<Shared.Mail.MailOptions> mail) : PageModel
{
    public bool HasPerson { get; private set; }

    public bool HasFeed { get; private set; }

    public string? NewAddress { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var personId = await LoadAsync(ct);
        if (personId is null)
        {
            return Page();
        }

        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');
        db.CalendarFeeds.RemoveRange(await db.CalendarFeeds.Where(f => f.PersonId == personId).ToListAsync(ct));
        db.CalendarFeeds.Add(new CalendarFeed { PersonId = personId.Value, TokenHash = MeetingsModule.HashToken(token), CreatedAt = time.GetUtcNow() });
        db.Audit("calendar.feed.created", "Person", personId.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await db.SaveChangesAsync(ct);
        NewAddress = mail.Value.Link($"/kalender/persoenlich/{token}.ics");
        HasFeed = true;
        return Page();
    }

    private async Task<int?> LoadAsync(CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-cache, no-store";
        var user = await users.GetUserAsync(User);
        HasPerson = user?.PersonId is not null;
        HasFeed = HasPerson && await db.CalendarFeeds.AnyAsync(f => f.PersonId == user!.PersonId, ct);
        return user?.PersonId;
    }
}
