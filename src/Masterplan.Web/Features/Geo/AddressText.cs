using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Masterplan.Web.Features.Geo;

/// <summary>What someone typed as an address, cut into the keys the gazetteer is indexed by.</summary>
/// <param name="StreetKey">The folded street ("kampstrasse"), possibly only its beginning.</param>
/// <param name="HouseKey">The folded house number ("1", "12a"), if one was typed.</param>
/// <param name="Postcode">A five-digit postcode, if one was typed.</param>
public sealed record AddressQuery(string StreetKey, string? HouseKey, string? Postcode);

/// <summary>
/// Folding of street names and house numbers so that "Kampstr. 1", "kampstraße 1 44137" and "KAMPSTRASSE 1, Dortmund" find the
/// same entry: lower case, ß → ss, ä/ö/ü → ae/oe/ue, other accents dropped, "str." → "strasse", then only letters a–z and
/// digits. The keys are stored with each gazetteer entry, so a lookup is an indexed comparison in the database.
/// </summary>
public static partial class AddressText
{
    /// <summary>The folded street: only a–z and 0–9.</summary>
    public static string StreetKey(string street)
    {
        var text = Fold(street);
        text = AbbreviatedStreet().Replace(text, "strasse");
        return Keep(text);
    }

    /// <summary>The folded house number ("12 a" → "12a"): only a–z and 0–9.</summary>
    public static string HouseKey(string houseNumber) => Keep(Fold(houseNumber));

    /// <summary>The leading number of a house number (12 for "12a"), for ordering; 0 when there is none.</summary>
    public static int HouseOrder(string houseNumber)
    {
        var digits = new string(houseNumber.Trim().TakeWhile(char.IsAsciiDigit).Take(6).ToArray());
        return digits.Length == 0 ? 0 : int.Parse(digits, CultureInfo.InvariantCulture);
    }

    /// <summary>Reads a typed address; null when no street is recognisable.</summary>
    public static AddressQuery? Parse(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed))
        {
            return null;
        }

        var tokens = Separators().Split(Fold(typed)).Where(t => t.Length > 0 && t != "dortmund").ToList();
        if (tokens.Count == 0)
        {
            return null;
        }

        var postcode = tokens.LastOrDefault(t => t.Length == 5 && t.All(char.IsAsciiDigit));
        if (postcode is not null)
        {
            tokens.Remove(postcode);
        }

        // "kampstr.1": a number glued to the street.
        if (tokens.Count == 1 && GluedNumber().Match(tokens[0]) is { Success: true } glued)
        {
            tokens = [glued.Groups[1].Value, glued.Groups[2].Value];
        }

        string? house = null;
        var at = tokens.FindIndex(1, t => char.IsAsciiDigit(t[0]));
        if (at > 0)
        {
            house = tokens[at];
            if (at + 1 < tokens.Count && tokens[at + 1].Length == 1 && char.IsAsciiLetter(tokens[at + 1][0]))
            {
                house += tokens[at + 1]; // "12 a"
            }

            tokens = tokens[..at];
        }

        var street = StreetKey(string.Join(' ', tokens));
        if (street.Length == 0)
        {
            return null;
        }

        var houseKey = house is null ? null : HouseKey(house);
        return new AddressQuery(street, string.IsNullOrEmpty(houseKey) ? null : houseKey, postcode);
    }

    /// <summary>
    /// The smallest key above every key that starts with <paramref name="prefix"/>, so that "starts with" is the range
    /// <c>key &gt;= prefix AND key &lt; upper</c>, which a B-tree index answers. Keys hold only 0–9 and a–z, which sort the same
    /// in SQLite, PostgreSQL's C collation and the usual language collations; null when there is no upper bound ("zzz").
    /// </summary>
    public static string? UpperBound(string prefix)
    {
        var trimmed = prefix.TrimEnd('z');
        if (trimmed.Length == 0)
        {
            return null;
        }

        var last = trimmed[^1];
        var next = last == '9' ? 'a' : (char)(last + 1);
        return trimmed[..^1] + next;
    }

    private static string Fold(string text)
    {
        var lower = text.Trim().ToLowerInvariant()
            .Replace("ß", "ss", StringComparison.Ordinal).Replace("ä", "ae", StringComparison.Ordinal)
            .Replace("ö", "oe", StringComparison.Ordinal).Replace("ü", "ue", StringComparison.Ordinal);
        var decomposed = lower.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    private static string Keep(string text) => new([.. text.Where(c => c is >= 'a' and <= 'z' or >= '0' and <= '9')]);

    [GeneratedRegex(@"str\.?(?![a-z])")]
    private static partial Regex AbbreviatedStreet();

    [GeneratedRegex(@"[\s,;]+")]
    private static partial Regex Separators();

    [GeneratedRegex(@"^(.*?[a-z.])(\d+[a-z]?)$")]
    private static partial Regex GluedNumber();
}
