using Masterplan.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Accounts;

/// <summary>Setting a password without knowing the old one (reset link, new invitation) and the German words for Identity's errors.</summary>
public static class AccountPasswords
{
    /// <summary>Runs the password policy first, so a refused password never leaves the account without one.</summary>
    public static async Task<IdentityResult> ValidateAsync(UserManager<AppUser> users, AppUser user, string password)
    {
        var errors = new List<IdentityError>();
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, user, password);
            errors.AddRange(result.Errors);
        }

        return errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]);
    }

    /// <summary>Replaces the password (or sets one where there is none); Identity renews the security stamp.</summary>
    public static async Task<IdentityResult> ReplaceAsync(UserManager<AppUser> users, AppUser user, string password)
    {
        if (await users.HasPasswordAsync(user))
        {
            var removed = await users.RemovePasswordAsync(user);
            if (!removed.Succeeded)
            {
                return removed;
            }
        }

        return await users.AddPasswordAsync(user, password);
    }

    /// <summary>Every reset link still open for the account becomes worthless: its password has just changed.</summary>
    public static Task<int> RevokeResetLinksAsync(AppDbContext db, string userId, DateTimeOffset now, CancellationToken ct) =>
        db.PasswordResetRequests.Where(r => r.UserId == userId && r.UsedAt == null).ExecuteUpdateAsync(s => s.SetProperty(r => r.UsedAt, now), ct);

    /// <summary>The German message for a field, from an Identity error.</summary>
    public static string German(IdentityError error) => error.Code switch
    {
        "PasswordPolicy" or "LinkUsed" => error.Description, // already German
        "PasswordTooShort" => $"Das Passwort muss mindestens {PasswordPolicy.MinLength} Zeichen lang sein.",
        "PasswordMismatch" => "Das bisherige Passwort ist nicht richtig.",
        "DuplicateEmail" or "DuplicateUserName" => "Für diese E-Mail-Adresse gibt es schon ein Konto. Bitte melden Sie sich an.",
        "AccountDisabled" => "Dieses Konto ist gesperrt. Bitte wenden Sie sich an die Administration.",
        "ConcurrencyFailure" => "Das Konto wurde gerade an anderer Stelle geändert. Bitte versuchen Sie es noch einmal.",
        _ => "Das Passwort konnte nicht gespeichert werden. Bitte versuchen Sie es noch einmal.",
    };
}
