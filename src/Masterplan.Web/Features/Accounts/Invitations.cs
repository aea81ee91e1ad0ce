using Masterplan.Web.Data;
using Masterplan.Web.Shared.Mail;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Masterplan.Web.Features.Accounts;

/// <summary>Creating and accepting invitations; shared by the administration page and the CLI.</summary>
public sealed class Invitations(AppDbContext db, UserManager<AppUser> users, IMailSender mail, IOptions<MailOptions> mailOptions, IOptions<AccountOptions> options, TimeProvider time)
{
    public sealed record Created(Invitation Invitation, string Token);

    /// <summary>Creates an invitation and mails its link; returns the token for the administrator to hand over if mail fails.</summary>
    public async Task<Created> InviteAsync(string email, string displayName, IReadOnlyCollection<string> roles, int? personId, int? departmentId, string baseUrl, CancellationToken ct)
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
        db.Audit("account.invited", nameof(Invitation), invitation.Email, new { invitation.Email, invitation.DisplayName, invitation.Roles, invitation.ExpiresAt });
        await db.SaveChangesAsync(ct);

        var link = $"{baseUrl.TrimEnd('/')}/konto/einladung/{token}";
        await mail.SendAsync(MailModule.Create(mailOptions.Value, invitation.Email, "Einladung zur Plattform Masterplan Kommunale Sicherheit",
            $"""
            Guten Tag {invitation.DisplayName},

            Sie wurden zur Plattform des Masterplans Kommunale Sicherheit der Stadt Dortmund eingeladen.
            Legen Sie Ihr Passwort über diesen Link fest (gültig bis {Masterplan.Web.Shared.CityTime.Local(invitation.ExpiresAt):dd.MM.yyyy HH:mm} Uhr, nur einmal nutzbar):

            {link}

            Wenn Sie diese Einladung nicht erwartet haben, ignorieren Sie diese E-Mail.
            """), ct);
        return new Created(invitation, token);
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

    /// <summary>Creates the account with its roles and marks the invitation used, all in one transaction.</summary>
    public async Task<IdentityResult> AcceptAsync(Invitation invitation, string password, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var user = new AppUser
        {
            UserName = invitation.Email, Email = invitation.Email, EmailConfirmed = true, DisplayName = invitation.DisplayName,
            PersonId = invitation.PersonId, DepartmentId = invitation.DepartmentId, CreatedAt = time.GetUtcNow(),
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

        invitation.AcceptedAt = time.GetUtcNow();
        invitation.AcceptedUserId = user.Id;
        db.Audit("account.created", nameof(AppUser), user.Id, new { user.Email, user.DisplayName, invitation.Roles });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return IdentityResult.Success;
    }
}
