using System.Security.Cryptography;

namespace Masterplan.Algorithms.Invitations;

/// <summary>
/// Pseudonymous registration codes for invitation letters: <c>K7QM-3XTR-P9ZC</c>, 11 random characters and a
/// check character.
/// </summary>
/// <remarks>
/// <para>
/// Alphabet: the 31 characters <c>23456789ABCDEFGHJKMNPQRSTUVWXYZ</c>, i.e. digits and capital letters without
/// 0/O, 1/I/L, which are easily confused on paper. 11 random characters give 31^11 ≈ 2.5 × 10^16 codes
/// (54 bits), so even with 10,000 codes in circulation a guess succeeds with probability below 10^-12.
/// </para>
/// <para>
/// Check character: with the characters' values v_1 … v_11 (their positions in the alphabet), the 12th
/// character has the value (1·v_1 + 2·v_2 + … + 11·v_11) mod 31. Because 31 is prime and the weights are
/// distinct and non-zero modulo 31, every single mistyped character and every swap of two adjacent random
/// characters is detected before the code is looked up.
/// </para>
/// <para>
/// The codes are secrets and are NOT part of a replayable draw: they come from the operating system's
/// cryptographic generator (<see cref="RandomNumberGenerator"/>) when the letters are made, and only the codes
/// remain once the register extract is deleted. Written with hyphens after every 4 characters; input is accepted
/// in any case, with or without spaces and hyphens.
/// </para>
/// </remarks>
public static class InvitationCode
{
    /// <summary>The 31 characters a code is made of.</summary>
    public const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    private const int RandomLength = 11;
    private const int Length = RandomLength + 1;

    /// <summary>A new random code, e.g. <c>K7QM-3XTR-P9ZC</c>.</summary>
    public static string Create()
    {
        Span<char> code = stackalloc char[Length];
        for (var i = 0; i < RandomLength; i++)
        {
            code[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        code[RandomLength] = Alphabet[CheckValue(code[..RandomLength])];
        return Format(code);
    }

    /// <summary><paramref name="count"/> distinct new codes, none of them in <paramref name="taken"/> (e.g. the codes of earlier labs).</summary>
    public static IReadOnlyList<string> CreateMany(int count, IReadOnlySet<string>? taken = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var seen = new HashSet<string>(count, StringComparer.Ordinal);
        var codes = new List<string>(count);
        while (codes.Count < count)
        {
            var code = Create();
            if ((taken is null || !taken.Contains(code)) && seen.Add(code))
            {
                codes.Add(code);
            }
        }

        return codes;
    }

    /// <summary>
    /// Reads a code as a person typed it; true and the canonical form (<c>K7QM-3XTR-P9ZC</c>) when it is well
    /// formed and its check character fits. Whether the code was issued is for the caller to look up.
    /// </summary>
    public static bool TryNormalize(string? input, out string code)
    {
        code = string.Empty;
        if (input is null)
        {
            return false;
        }

        Span<char> chars = stackalloc char[Length];
        var n = 0;
        foreach (var c in input)
        {
            if (c is ' ' or '-' or '\t')
            {
                continue;
            }

            var upper = char.ToUpperInvariant(c);
            if (n == Length || !Alphabet.Contains(upper, StringComparison.Ordinal))
            {
                return false;
            }

            chars[n++] = upper;
        }

        if (n != Length || Alphabet[CheckValue(chars[..RandomLength])] != chars[RandomLength])
        {
            return false;
        }

        code = Format(chars);
        return true;
    }

    private static int CheckValue(ReadOnlySpan<char> characters)
    {
        var sum = 0;
        for (var i = 0; i < characters.Length; i++)
        {
            sum += (i + 1) * Alphabet.IndexOf(characters[i], StringComparison.Ordinal);
        }

        return sum % Alphabet.Length;
    }

    private static string Format(ReadOnlySpan<char> code) => $"{code[..4]}-{code[4..8]}-{code[8..]}";
}
