using Masterplan.Web.Shared;
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
/// making a new one ends the old one (docs/domain.md#meetings). It stops working when the account is disabled or signed out
/// everywhere; the page then says so.
/// </summary>
public sealed class CalendarModel(AppDbContext db, UserManager<AppUser> users, TimeProvider time, Microsoft.Extensions.Options.IOptions<Shared.Mail.MailOptions> mail) : PageModel
{
    public bool HasPerson { get; private set; }

    public bool HasFeed { get; private set; }

    /// <summary>An address was made but no longer works (the account was signed out everywhere or its password changed).</summary>
    public bool FeedEnded { get; private set; }

    public string? NewAddress { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var user = await LoadAsync(ct);
        if (user?.PersonId is not { } personId)
        {
            return Page();
        }

        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');
        db.CalendarFeeds.RemoveRange(await db.CalendarFeeds.Where(f => f.PersonId == personId).ToListAsync(ct));
        db.CalendarFeeds.Add(new CalendarFeed
        {
            PersonId = personId, TokenHash = HashedCodes.Hash(token), UserId = user.Id, StampHash = MeetingsModule.StampHash(user), CreatedAt = time.GetUtcNow(),
        });
        db.Audit("calendar.feed.created", "Person", personId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await db.SaveChangesAsync(ct);
        NewAddress = mail.Value.Link($"/kalender/persoenlich/{token}.ics");
        (HasFeed, FeedEnded) = (true, false);
        return Page();
    }

    private async Task<AppUser?> LoadAsync(CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-cache, no-store";
        var user = await users.GetUserAsync(User);
        HasPerson = user?.PersonId is not null;
        var feed = HasPerson ? await db.CalendarFeeds.AsNoTracking().FirstOrDefaultAsync(f => f.PersonId == user!.PersonId, ct) : null;
        HasFeed = feed is not null && feed.UserId == user!.Id && MeetingsModule.IsValid(feed, user);
        FeedEnded = feed is not null && !HasFeed;
        return user;
    }
}
