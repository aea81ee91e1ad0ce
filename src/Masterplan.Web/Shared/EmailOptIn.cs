using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Shared;

/// <summary>What a double opt-in link is.</summary>
public enum ConfirmLink
{
    Unknown,
    Valid,
    Expired,
    AlreadyConfirmed,
}

/// <summary>A row with a resident's e-mail address that is used only after its owner confirmed it (double opt-in).</summary>
public interface IEmailOptIn
{
    /// <summary>The address waiting for confirmation; null when none was given or it was deleted.</summary>
    string? OptInEmail { get; }

    /// <summary>SHA-256 of the link token mailed to the address; the token itself is never stored.</summary>
    string? ConfirmTokenHash { get; set; }

    DateTimeOffset? ConfirmTokenExpiresAt { get; set; }

    DateTimeOffset? EmailConfirmedAt { get; set; }
}

/// <summary>
/// The double opt-in for residents' addresses, one way for every module: the row keeps the token's hash and expiry, the
/// mail carries the token, the link opens a page whose button confirms (mail programs open links to check them).
/// </summary>
public static class EmailOptIn
{
    /// <summary>A new link token for the mail, its hash and expiry set on <paramref name="row"/>; null when there is no address.</summary>
    public static string? Issue(IEmailOptIn row, DateTimeOffset now, int validDays)
    {
        if (row.OptInEmail is null)
        {
            return null;
        }

        var token = HashedCodes.NewLinkToken();
        row.ConfirmTokenHash = HashedCodes.Hash(token);
        row.ConfirmTokenExpiresAt = now.AddDays(validDays);
        return token;
    }

    /// <summary>What the link <paramref name="token"/> is among <paramref name="rows"/>, and its row, without using it.</summary>
    public static async Task<(ConfirmLink State, T? Row)> FindAsync<T>(IQueryable<T> rows, string? token, DateTimeOffset now, CancellationToken ct)
        where T : class, IEmailOptIn
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100)
        {
            return (ConfirmLink.Unknown, null);
        }

        var hash = HashedCodes.Hash(token);
        var row = await rows.FirstOrDefaultAsync(r => r.ConfirmTokenHash == hash, ct);
        return row switch
        {
            null or { OptInEmail: null } => (ConfirmLink.Unknown, null),
            { EmailConfirmedAt: not null } => (ConfirmLink.AlreadyConfirmed, row),
            _ when row.ConfirmTokenExpiresAt <= now => (ConfirmLink.Expired, row),
            _ => (ConfirmLink.Valid, row),
        };
    }

    /// <summary>Confirms the address of a valid link (saved at once); the answer says what the link was.</summary>
    public static async Task<ConfirmLink> ConfirmAsync<T>(DbContext db, IQueryable<T> rows, string? token, DateTimeOffset now, CancellationToken ct)
        where T : class, IEmailOptIn
    {
        var (state, row) = await FindAsync(rows, token, now, ct);
        if (state == ConfirmLink.Valid)
        {
            row!.EmailConfirmedAt = now;
            await db.SaveChangesAsync(ct);
        }

        return state;
    }
}

/// <summary>What a confirmation page needs of a module: check a link without using it, and confirm it.</summary>
public interface IConfirmLinks
{
    Task<ConfirmLink> CheckLinkAsync(string? token, CancellationToken ct);

    Task<ConfirmLink> ConfirmAsync(string? token, CancellationToken ct);
}

/// <summary>
/// A double opt-in page: the link in the mail opens it, and its button confirms. Opening alone changes nothing, because
/// mail programs open links to check them. Each module's page derives from it with its own route, texts and the public
/// forms' rate limit.
/// </summary>
public abstract class ConfirmLinkPage(IConfirmLinks links) : Microsoft.AspNetCore.Mvc.RazorPages.PageModel
{
    public ConfirmLink State { get; private set; }

    public bool Confirmed { get; private set; }

    public async Task OnGetAsync(string token, CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-cache, no-store";
        State = await links.CheckLinkAsync(token, ct);
    }

    public async Task OnPostAsync(string token, CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-cache, no-store";
        State = await links.ConfirmAsync(token, ct);
        Confirmed = State == ConfirmLink.Valid;
    }
}
