using Masterplan.Web.Data;
using Masterplan.Web.Shared.Mail;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Masterplan.Web.Features.Accounts;

/// <summary>Creating and accepting invitations; shared by the administration page and the CLI.</summary>
public sealed class Invitations(AppDbContext db, UserManager<AppUser> users, IMailSender mail, IOptions<MailOptions> mailOptions, IOptions<AccountOptions> options, TimeProvider time, AccountSessions sessions, IUserStore<AppUser> store)
{
    public sealed record Created(Invitation Invitation, string Token);

    /// <summary>Creates an invitation and mails its link; returns the token for the administrator to hand over if mail fails.</summary>
    public async Task<Created> InviteAsync(string email, string displayName, IReadOnlyCollection<string> roles, int? personId, int? departmentId, string baseUrl, CancellationToken ct)
    {
        var created = Add(email, displayName, roles, personId, departmentId);
        await db.SaveChangesAsync(ct);
        await SendAsync(created, baseUrl, resetsPassword: false, ct);
        return created;
    }

    private Created Add(string email, string displayName, IReadOnlyCollection<string> roles, int? personId, int? departmentId)
    {
        var token = Invitation.NewToken();
        var now = time.GetUtcNow();
        var invitation = new Invitation
        {
            TokenHash = Invitation.HashToken(token), Email = email.Trim(), DisplayName = displayName.Trim(),
            Roles = string.Join(',', roles.Where(r => Roles.Assignable.Contains(r)).Distinct()), PersonId = personId, DepartmentId = departmentId,
            InvitedByUserId = null, CreatedAt = now, ExpiresAt = now + options.Value.InvitationLifetime,
        };
        db.Invitations.Add(invitation);
        db.Audit("account.invited", nameof(Invitation), invitation.Email, new { invitation.Email, invitation.DisplayName, invitation.Roles, invitation.PersonId, invitation.DepartmentId, invitation.ExpiresAt });
        return new Created(invitation, token);
    }

    private Task SendAsync(Created created, string baseUrl, bool resetsPassword, CancellationToken ct)
    {
        var invitation = created.Invitation;
        var link = $"{baseUrl.TrimEnd('/')}/konto/einladung/{created.Token}";
        var until = $"{Masterplan.Web.Shared.CityTime.Local(invitation.ExpiresAt):dd.MM.yyyy HH:mm}";
        return mail.SendAsync(MailModule.Create(mailOptions.Value, invitation.Email, resetsPassword
            ? "Neue Einladung zur Plattform Masterplan Kommunale Sicherheit"
            : "Einladung zur Plattform Masterplan Kommunale Sicherheit",
            resetsPassword
            ? $"""
            Guten Tag {invitation.DisplayName},

            die Administration hat Ihr Passwort für die Plattform des Masterplans Kommunale Sicherheit der Stadt Dortmund
            zurückgesetzt. Ihr bisheriges Passwort gilt nicht mehr. Legen Sie über diesen Link ein neues fest
            (gültig bis {until} Uhr, nur einmal nutzbar):

            {link}

            Wenn Sie die Anmeldung mit zwei Faktoren eingerichtet haben, brauchen Sie danach weiterhin Ihre Authenticator-App.
            """
            : $"""
            Guten Tag {invitation.DisplayName},

            Sie wurden zur Plattform des Masterplans Kommunale Sicherheit der Stadt Dortmund eingeladen.
            Legen Sie Ihr Passwort über diesen Link fest (gültig bis {until} Uhr, nur einmal nutzbar):

            {link}

            Wenn Sie diese Einladung nicht erwartet haben, ignorieren Sie diese E-Mail.
            """), ct);
    }

    /// <summary>The open invitation for a token, or the German reason why it cannot be used.</summary>
    public async Task<(Invitation? Invitation, string? Problem)> FindAsync(string token, CancellationToken ct)
    {
        var hash = Invitation.HashToken(token);
        var invitation = await db.Invitations.FirstOrDefaultAsync(i => i.TokenHash == hash, ct);
        return invitation switch
        {
            null => (null, "Diese Einladung gibt es nicht. Bitte prüfen Sie den Link oder bitten Sie um eine neue Einladung."),
            { AcceptedAt: not null } => (null, "Diese Einladung wurde bereits benutzt. Melden Sie sich an oder bitten Sie um eine neue Einladung."),
            _ when invitation.ExpiresAt <= time.GetUtcNow() => (null, "Diese Einladung ist abgelaufen. Bitte bitten Sie die Administration um eine neue Einladung."),
            _ => (invitation, null),
        };
    }

    /// <summary>
    /// "Neue Einladung senden" for an existing account: its password is removed and its sessions end at once
    /// (a stolen password is worthless from now on), every older invitation to the address lapses, and a new
    /// link goes out with which the owner sets a new password. Roles, links and the second factor stay.
    /// </summary>
    public async Task<Created> ReinviteAsync(AppUser user, string baseUrl, CancellationToken ct, bool resetSecondFactor = false)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var now = time.GetUtcNow();
        if (resetSecondFactor && user.TwoFactorEnabled)
        {
            // With a new password only: whoever holds the old password alone must not enrol a factor of their own.
            Check(await users.SetTwoFactorEnabledAsync(user, false), user, "Disabling two factors");
            Check(await users.ResetAuthenticatorKeyAsync(user), user, "Renewing the authenticator key");
            await ((IUserTwoFactorRecoveryCodeStore<AppUser>)store).ReplaceCodesAsync(user, [], ct);
            user.LastAuthenticatorStep = null;
            Check(await users.UpdateAsync(user), user, "Clearing the recovery codes");
            db.Audit("account.second-factor.reset", nameof(AppUser), user.Id, new { user.Email }, reason: "reset by an administrator with a new invitation");
        }

        if (await users.HasPasswordAsync(user))
        {
            Check(await users.RemovePasswordAsync(user), user, "Removing the password");
        }

        var ended = await sessions.EndAllAsync(user, ct);
        await AccountPasswords.RevokeResetLinksAsync(db, user.Id, now, ct);
        await LapseOpenInvitationsAsync(user.Email!, now, ct);
        db.Audit("account.reinvited", nameof(AppUser), user.Id, new { user.Email, SessionsEnded = ended }, reason: "password removed until the new invitation is accepted");
        var created = Add(user.Email!, user.DisplayName, [], null, null);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        await SendAsync(created, baseUrl, resetsPassword: true, ct);
        return created;
    }

    private static void Check(IdentityResult result, AppUser user, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"{what} of account {user.Id} failed: {string.Join("; ", result.Errors.Select(e => e.Code))}");
        }
    }

    /// <summary>
    /// Accepts an invitation in one transaction: creates the account with its roles, or, where an administrator
    /// sent a new invitation to an existing account (whose password was removed then), sets that account's password.
    /// Every other open invitation to the address lapses.
    /// </summary>
    public async Task<IdentityResult> AcceptAsync(Invitation invitation, string password, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var now = time.GetUtcNow();
        var existing = await users.FindByEmailAsync(invitation.Email);
        if (existing is not null)
        {
            if (await users.HasPasswordAsync(existing))
            {
                return IdentityResult.Failed(new IdentityError { Code = "DuplicateEmail" });
            }

            if (existing.IsDisabled)
            {
                return IdentityResult.Failed(new IdentityError { Code = "AccountDisabled" });
            }

            var set = await users.AddPasswordAsync(existing, password);
            if (!set.Succeeded)
            {
                return set;
            }

            invitation.AcceptedAt = now;
            invitation.AcceptedUserId = existing.Id;
            await LapseOpenInvitationsAsync(invitation.Email, now, ct);
            db.Audit("auth.password.set", nameof(AppUser), existing.Id, new { existing.Email }, reason: "new invitation accepted");
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return IdentityResult.Success;
        }

        var user = new AppUser
        {
            UserName = invitation.Email, Email = invitation.Email, EmailConfirmed = true, DisplayName = invitation.DisplayName,
            PersonId = invitation.PersonId, DepartmentId = invitation.DepartmentId, CreatedAt = now,
        };
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded)
        {
            return result;
        }

        foreach (var role in invitation.RoleList)
        {
            var added = await users.AddToRoleAsync(user, role);
            if (!added.Succeeded)
            {
                return added;
            }
        }

        invitation.AcceptedAt = now;
        invitation.AcceptedUserId = user.Id;
        await LapseOpenInvitationsAsync(invitation.Email, now, ct);
        db.Audit("account.created", nameof(AppUser), user.Id, new { user.Email, user.DisplayName, invitation.Roles, user.PersonId, user.DepartmentId });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return IdentityResult.Success;
    }

    /// <summary>Whether an open invitation sets the password of an existing account rather than creating one.</summary>
    public Task<bool> ResetsPasswordAsync(Invitation invitation, CancellationToken ct)
    {
        var normalized = users.NormalizeEmail(invitation.Email);
        return db.Users.AnyAsync(u => u.NormalizedEmail == normalized, ct);
    }

    // Older links to the same address must not set the password of the account the newest one is for.
    private Task<int> LapseOpenInvitationsAsync(string email, DateTimeOffset now, CancellationToken ct) =>
        db.Invitations.Where(i => i.Email == email && i.AcceptedAt == null && i.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.ExpiresAt, now), ct);
}
