using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Masterplan.Web.Shared;

/// <summary>
/// Count texts that agree with their number: "1 Maßnahme", "2 Maßnahmen". German and English both have two plural
/// forms (one for exactly 1, the other for every other number, 0 included), so a text holds both as
/// "singular|plural", in the resource key and in its English translation alike: one key, found by the
/// translation test like any other.
/// </summary>
public static class Plural
{
    /// <summary>
    /// The form of <paramref name="forms"/> ("{0} Maßnahme|{0} Maßnahmen") for <paramref name="count"/>, formatted
    /// with <paramref name="args"/> (the count alone when none are given) in the current culture.
    /// </summary>
    public static string Of(LocalizedString forms, long count, params object?[] args) => Of(forms.Value, count, args);

    public static string Of(string forms, long count, params object?[] args)
    {
        var parts = forms.Split('|');
        if (parts.Length != 2)
        {
            throw new ArgumentException($"A plural text has two forms separated by '|': \"{forms}\".", nameof(forms));
        }

        return string.Format(CultureInfo.CurrentCulture, count == 1 ? parts[0] : parts[1], args.Length == 0 ? [count] : args);
    }
}
