using Masterplan.Web.Data;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Masterplan.Web.Features.Accounts;

/// <summary>
/// Ends an account's sessions. Sessions are <see cref="UserSession"/> rows, so deleting them signs the account
/// out on every device and instance at once; the new security stamp also makes everything derived from the old
/// one worthless (cookies still in flight, the personal calendar feed, Identity tokens).
/// </summary>
public sealed class AccountSessions(
    AppDbContext db, UserManager<AppUser> users, SignInManager<AppUser> signIn, IHttpContextAccessor http, IOptionsMonitor<CookieAuthenticationOptions> cookies)
{
    // The claim the cookie handler puts into the cookie to name the session row (CookieAuthenticationHandler.SessionIdClaim).
    private const string SessionIdClaim = "Microsoft.AspNetCore.Authentication.Cookies-SessionId";

    /// <summary>Ends every session of the account, on every device. The caller saves the audit entry it adds.</summary>
    public async Task<int> EndAllAsync(AppUser user, CancellationToken ct)
    {
        await users.UpdateSecurityStampAsync(user);
        return await db.UserSessions.Where(s => s.UserId == user.Id).ExecuteDeleteAsync(ct);
    }

    /// <summary>
    /// Ends every other session of the signed-in user and keeps this one: the other rows go, then this session's
    /// ticket is renewed with the new stamp (the sign-in keeps how the user authenticated, second factor included).
    /// </summary>
    public async Task<int> EndOthersAsync(AppUser user, CancellationToken ct)
    {
        var current = CurrentSessionKey();
        await users.UpdateSecurityStampAsync(user);
        var ended = await db.UserSessions.Where(s => s.UserId == user.Id && s.Id != current).ExecuteDeleteAsync(ct);
        await signIn.RefreshSignInAsync(user);
        return ended;
    }

    /// <summary>The key of this request's session row, read from the session cookie.</summary>
    private string? CurrentSessionKey()
    {
        var context = http.HttpContext;
        var options = cookies.Get(IdentityConstants.ApplicationScheme);
        var cookie = context is null ? null : options.CookieManager.GetRequestCookie(context, options.Cookie.Name!);
        return cookie is null ? null : options.TicketDataFormat.Unprotect(cookie)?.Principal.FindFirst(SessionIdClaim)?.Value;
    }
}
