namespace Masterplan.Web.Shared;

/// <summary>An amount of money typed in euros and kept in whole cents (grants, the programme budget).</summary>
public static class EuroAmount
{
    /// <summary>Whole cents of an amount typed in euros; null when it has more than two decimals.</summary>
    public static long? Cents(decimal amount) => decimal.Round(amount, 2) == amount ? (long)(amount * 100) : null;

    /// <summary>
    /// Checks an amount in euros: given, more than zero (or zero when allowed), at most two decimals and ten million; adds the
    /// German message naming <paramref name="what"/> (a text, translated with the message, or a <see cref="FieldError"/>).
    /// </summary>
    public static long? Check(FieldErrors errors, string field, decimal? value, object what, bool zeroAllowed = false)
    {
        what = what is string text ? new FieldError("", text) : what;
        if (value is not { } v)
        {
            errors.Add(field, "Bitte geben Sie {0} in Euro an.", what);
            return null;
        }

        if (v < 0 || (!zeroAllowed && v == 0) || v > 10_000_000m || Cents(v) is not { } cents)
        {
            errors.Add(field, zeroAllowed ? "{0} muss zwischen 0 und 10.000.000 Euro liegen, mit höchstens zwei Nachkommastellen." : "{0} muss größer als 0 und höchstens 10.000.000 Euro sein, mit höchstens zwei Nachkommastellen.", what);
            return null;
        }

        return cents;
    }
}
