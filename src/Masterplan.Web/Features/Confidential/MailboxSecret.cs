using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Masterplan.Web.Features.Confidential;

/// <summary>
/// The secret that opens an anonymous mailbox: five groups of three syllables (e.g. <c>bafeki-lomatu-rusena-dikopa-tebuni</c>),
/// easy to write down and to read aloud, from 16 consonants × 5 vowels = 80 syllables: 15 syllables are 94.8 bits. Only a
/// slow hash is stored (PBKDF2-HMAC-SHA256, salt and iteration count with it, so the count can grow later).
/// </summary>
public static class MailboxSecret
{
    private const string Consonants = "bdfghklmnprstwz" + "j";
    private const string Vowels = "aeiou";
    public const int Groups = 5;
    public const int SyllablesPerGroup = 3;

    /// <summary>The entropy of a secret in bits (≥ 80).</summary>
    public static double Bits => Groups * SyllablesPerGroup * Math.Log2(Consonants.Length * Vowels.Length);

    public static string Create()
    {
        var text = new StringBuilder();
        for (var g = 0; g < Groups; g++)
        {
            if (g > 0)
            {
                text.Append('-');
            }

            for (var s = 0; s < SyllablesPerGroup; s++)
            {
                var n = RandomNumberGenerator.GetInt32(Consonants.Length * Vowels.Length);
                text.Append(Consonants[n / Vowels.Length]).Append(Vowels[n % Vowels.Length]);
            }
        }

        return text.ToString();
    }

    /// <summary>The secret as typed, reduced to its letters in lower case (spaces, hyphens and case do not matter).</summary>
    public static string Normalize(string? typed) =>
        new([.. (typed ?? "").Normalize(NormalizationForm.FormKC).ToLowerInvariant().Where(c => c is >= 'a' and <= 'z')]);

    public static string Hash(string secret, int iterations)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        var hash = Rfc2898DeriveBytes.Pbkdf2(Normalize(secret), salt, iterations, HashAlgorithmName.SHA256, 32);
        return string.Create(CultureInfo.InvariantCulture, $"pbkdf2-sha256${iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}");
    }

    /// <summary>Whether <paramref name="typed"/> is the secret of <paramref name="stored"/>; null <paramref name="stored"/> costs the same time and answers false.</summary>
    public static bool Verify(string? typed, string? stored, int iterations)
    {
        var parts = (stored ?? "").Split('$');
        var known = parts.Length == 4 && parts[0] == "pbkdf2-sha256" && int.TryParse(parts[1], CultureInfo.InvariantCulture, out var count) && count > 0;
        var salt = known ? Convert.FromBase64String(parts[2]) : new byte[16];
        var expected = known ? Convert.FromBase64String(parts[3]) : new byte[32];
        var actual = Rfc2898DeriveBytes.Pbkdf2(Normalize(typed), salt, known ? int.Parse(parts[1], CultureInfo.InvariantCulture) : iterations, HashAlgorithmName.SHA256, 32);
        return CryptographicOperations.FixedTimeEquals(actual, expected) && known;
    }
}
