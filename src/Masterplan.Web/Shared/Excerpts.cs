namespace Masterplan.Web.Shared;

/// <summary>Shortened texts for lists and reports.</summary>
public static class Excerpts
{
    /// <summary>
    /// At most <paramref name="max"/> characters and " …": cut at the last space in the final fifth when there is one,
    /// so no word is cut in two, and never between the two halves of a character outside the basic plane.
    /// </summary>
    public static string Excerpt(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        var cut = max;
        var space = text.LastIndexOf(' ', max);
        if (space >= max * 4 / 5)
        {
            cut = space;
        }
        else if (char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        return text[..cut].TrimEnd() + " …";
    }
}
