using Microsoft.AspNetCore.Identity;

namespace Masterplan.Web.Features.Accounts;

/// <summary>
/// OWASP ASVS 5 §6.2: at least 12 and at most 128 characters, no composition rules, not containing the
/// user's name or e-mail, not a common password. Identity's own length check covers the minimum; this adds the rest.
/// </summary>
internal sealed class PasswordPolicy : IPasswordValidator<AppUser>
{
    public const int MinLength = 12;
    public const int MaxLength = 128;

    // Long passwords that appear at the top of public breach lists, and their obvious patterns.
    private static readonly HashSet<string> Common = new(StringComparer.OrdinalIgnoreCase)
    {
        "123456789012", "1234567890123", "12345678901234", "123456789123", "password1234", "password12345", "passwort1234",
        "passwort12345", "qwertyuiop12", "qwertyuiop123", "qwertzuiop12", "qwertzuiop123", "qwertyuiopasdf", "qwertzuiopasdf",
        "asdfghjkl123", "1q2w3e4r5t6y", "1q2w3e4r5t6z", "q1w2e3r4t5y6", "iloveyou1234", "abcdefghijkl", "abcdefgh1234",
        "abc123456789", "aaaaaaaaaaaa", "111111111111", "000000000000", "123123123123", "121212121212", "letmein12345",
        "welcome12345", "willkommen12", "willkommen123", "dortmund1234", "dortmund12345", "borussia1909", "bvbdortmund09",
        "passwordpassword", "administrator", "administrator1", "masterplan2026", "sicherheit123", "changeme1234",
        "trustno112345", "monkey123456", "football1234", "baseball1234", "superman1234", "sunshine1234", "princess1234",
        "starwars1234", "hallo1234567", "hallohallo12", "geheim123456", "geheimgeheim", "schalke04s04", "passw0rd1234",
        "p@ssw0rd1234", "p@ssword1234", "zaq12wsxcde3", "1qaz2wsx3edc", "qazwsxedcrfv", "987654321098", "098765432109",
    };

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password) =>
        Task.FromResult(Validate(password ?? "", user.Email, user.UserName, user.DisplayName) is { } error
            ? IdentityResult.Failed(new IdentityError { Code = "PasswordPolicy", Description = error })
            : IdentityResult.Success);

    /// <summary>The German message for a password that breaks the policy, or null.</summary>
    public static string? Validate(string password, string? email, string? userName, string? displayName)
    {
        if (password.Length < MinLength)
        {
            return $"Das Passwort muss mindestens {MinLength} Zeichen lang sein.";
        }

        if (password.Length > MaxLength)
        {
            return $"Das Passwort darf höchstens {MaxLength} Zeichen lang sein.";
        }

        var personal = new[] { email, email?.Split('@')[0], userName }
            .Concat((displayName ?? "").Split([' ', '-', '.'], StringSplitOptions.RemoveEmptyEntries))
            .Where(p => p is { Length: >= 4 });
        if (personal.Any(p => password.Contains(p!, StringComparison.OrdinalIgnoreCase)))
        {
            return "Das Passwort darf Ihren Namen oder Ihre E-Mail-Adresse nicht enthalten.";
        }

        if (Common.Contains(password) || password.Distinct().Count() <= 2 || IsRun(password))
        {
            return "Dieses Passwort ist zu verbreitet oder zu leicht zu erraten. Wählen Sie zum Beispiel mehrere zufällige Wörter.";
        }

        return null;
    }

    // "abcdefghijkl", "987654321098": each character one step from the last.
    private static bool IsRun(string password)
    {
        var steps = password.Zip(password.Skip(1), (a, b) => b - a).ToList();
        return steps.All(s => s == 1 || s == -9) || steps.All(s => s == -1 || s == 9);
    }
}
