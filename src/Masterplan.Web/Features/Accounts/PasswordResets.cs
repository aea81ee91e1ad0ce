using Masterplan.Web.Data;
using Masterplan.Web.Shared.Mail;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Masterplan.Web.Features.Accounts;

/// <summary>"Passwort vergessen": requesting a link by e-mail and setting a new password with it.</summary>
public sealed class PasswordResets(
    AppDbContext db, UserManager<AppUser> users, AccountSessions sessions, MailQueue mail, IOptions<MailOptions> mailOptions,
    IOptions<AccountOptions> options, TimeProvider time)
{
    /// <summary>More open links than this per account send no further mail (nobody fills a mailbox through the form).</summary>
    public const int MaxOpenRequests = 3;

    /// <summary>
    /// Mails a reset link if the address belongs to an active account. The caller answers the same either way;
    /// both ways make the same database round trips, and the mail leaves after the answer (<see cref="MailQueue"/>).
    /// </summary>
    public async Task RequestAsync(string email, string baseUrl, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var user = await users.FindByEmailAsync(email.Trim());
        var active = user is { IsDisabled: false, Email: not null };
        var userId = active ? user!.Id : "";
        var open = await db.PasswordResetRequests.CountAsync(r => r.UserId == userId && r.UsedAt == null && r.ExpiresAt > now, ct);
        string? token = null;
        if (active && open < MaxOpenRequests)
        {
            token = Invitation.NewToken();
            db.PasswordResetRequests.Add(new PasswordResetRequest
            {
                TokenHash = Invitation.HashToken(token), UserId = user!.Id, CreatedAt = now, ExpiresAt = now + options.Value.PasswordResetLifetime,
            });
        }

        db.Audit("auth.password.reset.requested", user is null ? null : nameof(AppUser), user?.Id, reason: user is null ? "unknown address"
            : user.IsDisabled ? "account disabled, no mail" : token is null ? $"{MaxOpenRequests} links still open, no mail" : null);
        await db.SaveChangesAsync(ct);
        if (token is null)
        {
            return;
        }

        var expires = now + options.Value.PasswordResetLifetime;
        mail.Enqueue(MailModule.Create(mailOptions.Value, user!.Email!, "Neues Passwort für die Plattform Masterplan Kommunale Sicherheit",
            $"""
            Guten Tag {user.DisplayName},

            für Ihr Konto auf der Plattform des Masterplans Kommunale Sicherheit wurde ein neues Passwort angefordert.
            Legen Sie es über diesen Link fest (gültig bis {Masterplan.Web.Shared.CityTime.Local(expires):dd.MM.yyyy HH:mm} Uhr, nur einmal nutzbar):

            {baseUrl.TrimEnd('/')}/konto/passwort-zuruecksetzen/{token}

            Wenn Sie kein neues Passwort angefordert haben, ignorieren Sie diese E-Mail; Ihr Passwort bleibt dann unverändert.
            """));
    }

    /// <summary>The open request for a token and its account, or the German reason why the link cannot be used.</summary>
    public async Task<(PasswordResetRequest? Request, AppUser? User, string? Problem)> FindAsync(string token, CancellationToken ct)
    {
        var hash = Invitation.HashToken(token);
        var request = await db.PasswordResetRequests.FirstOrDefaultAsync(r => r.TokenHash == hash, ct);
        var user = request is null ? null : await users.FindByIdAsync(request.UserId);
        if (request is null || user is null || user.IsDisabled)
        {
            return (null, null, Unknown);
        }

        if (request.UsedAt is not null)
        {
            return (null, null, Used);
        }

        return request.ExpiresAt <= time.GetUtcNow() ? (null, null, "Dieser Link ist abgelaufen. Bitte fordern Sie einen neuen an.") : (request, user, null);
    }

    public const string Unknown = "Diesen Link gibt es nicht. Bitte prüfen Sie den Link aus der E-Mail oder fordern Sie einen neuen an.";

    public const string Used = "Dieser Link wurde bereits benutzt. Fordern Sie bei Bedarf einen neuen an.";

    /// <summary>
    /// Sets the new password, uses up the link (and every other open link of the account) and ends all sessions,
    /// in one transaction. A second use of the same link fails even when both arrive at once.
    /// </summary>
    public async Task<IdentityResult> ResetAsync(PasswordResetRequest request, AppUser user, string password, CancellationToken ct)
    {
        var invalid = await AccountPasswords.ValidateAsync(users, user, password);
        if (!invalid.Succeeded)
        {
            return invalid;
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var now = time.GetUtcNow();
        var claimed = await db.PasswordResetRequests.Where(r => r.Id == request.Id && r.UsedAt == null).ExecuteUpdateAsync(s => s.SetProperty(r => r.UsedAt, now), ct);
        if (claimed == 0)
        {
            return IdentityResult.Failed(new IdentityError { Code = "LinkUsed", Description = Used });
        }

        var set = await AccountPasswords.ReplaceAsync(users, user, password);
        if (!set.Succeeded)
        {
            return set;
        }

        await AccountPasswords.RevokeResetLinksAsync(db, user.Id, now, ct);
        var ended = await sessions.EndAllAsync(user, ct);
        db.Audit("auth.password.reset", nameof(AppUser), user.Id, new { SessionsEnded = ended });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return IdentityResult.Success;
    }
}
