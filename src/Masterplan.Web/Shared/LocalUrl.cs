using System.Globalization;
using System.Text;

namespace Masterplan.Web.Shared;

/// <summary>
/// The one check for every redirect to an address that came with the request (sign-in, language switch): only a
/// path on this site, never another host, and never a value that a browser or the response header would read
/// differently than this check does.
/// </summary>
public static class LocalUrl
{
    /// <summary>
    /// <paramref name="url"/> when it is a local path (what <c>Url.IsLocalUrl</c> accepts, without the "~/" form) and
    /// neither it nor its percent-decoded form holds a control character or a Unicode line or paragraph separator
    /// (browsers drop tabs and line breaks, so "/\t/evil.example" would become "//evil.example"); otherwise
    /// <paramref name="fallback"/>. Other non-ASCII letters are percent-encoded, so the result is a valid Location header.
    /// </summary>
    public static string Safe(string? url, string fallback = "/")
    {
        if (string.IsNullOrEmpty(url) || url.Length > 2048 || !IsLocalPath(url))
        {
            return fallback;
        }

        var decoded = Uri.UnescapeDataString(url);
        if (Forbidden(url) || Forbidden(decoded) || !IsLocalPath(decoded))
        {
            return fallback;
        }

        return AsciiOnly(url) ?? fallback;
    }

    private static bool IsLocalPath(string url) =>
        url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));

    private static bool Forbidden(string text)
    {
        foreach (var c in text)
        {
            if (char.IsControl(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Format)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Percent-encodes spaces and non-ASCII characters as UTF-8; null for a broken surrogate pair.</summary>
    private static string? AsciiOnly(string url)
    {
        if (url.All(c => c is > ' ' and < (char)0x7F))
        {
            return url;
        }

        var result = new StringBuilder(url.Length + 16);
        for (var i = 0; i < url.Length; i++)
        {
            var c = url[i];
            if (c is > ' ' and < (char)0x7F)
            {
                result.Append(c);
                continue;
            }

            int length = char.IsHighSurrogate(c) && i + 1 < url.Length && char.IsLowSurrogate(url[i + 1]) ? 2 : 1;
            if (char.IsSurrogate(c) && length == 1)
            {
                return null;
            }

            foreach (var b in Encoding.UTF8.GetBytes(url.Substring(i, length)))
            {
                result.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }

            i += length - 1;
        }

        return result.ToString();
    }
}
