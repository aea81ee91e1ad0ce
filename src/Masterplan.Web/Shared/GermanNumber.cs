using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Masterplan.Web.Shared;

/// <summary>Numbers as people type them in Germany ("1.234,50", "12,5 %") or with a decimal point ("1234.50").</summary>
public static class GermanNumber
{
    /// <summary>With a comma, the comma is the decimal mark and dots group thousands; without, a dot is the decimal mark. Euro signs and spaces are ignored.</summary>
    public static decimal? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var clean = text.Replace("€", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal).Replace("\u00a0", "", StringComparison.Ordinal);
        if (clean.Contains(',', StringComparison.Ordinal))
        {
            clean = clean.Replace(".", "", StringComparison.Ordinal).Replace(',', '.');
        }

        return decimal.TryParse(clean, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            && Math.Abs(value) < 100_000_000_000_000m ? value : null;
    }

    /// <summary>Reads a form field; empty is null, anything else that is not a number adds the message (a resource key) to the field.</summary>
    public static decimal? Bind(ModelStateDictionary state, string field, string? text, string notANumber)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (Parse(text) is { } value)
        {
            return value;
        }

        state.AddModelError(field, notANumber);
        return null;
    }
}
