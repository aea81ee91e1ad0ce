using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Binders;

namespace Masterplan.Web.Shared;

/// <summary>
/// Numbers as people type them: "85.000", "85.000,50", "1.250.000" in German, "85,000.50" in English. A text that
/// reads differently in the two conventions ("85.000") is read in the user's language; one that fits neither is
/// refused, never turned into another value.
/// </summary>
public static class TypedNumber
{
    private const decimal Limit = 100_000_000_000_000m;

    public static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    /// <summary>Reads <paramref name="text"/>; where German and English read it differently, <paramref name="language"/> decides, and without one the text is refused as ambiguous.</summary>
    public static decimal? Parse(string? text, CultureInfo? language)
    {
        if (Clean(text) is not { } clean)
        {
            return null;
        }

        var german = Read(clean, decimalMark: ',', groupMark: '.');
        var english = Read(clean, decimalMark: '.', groupMark: ',');
        if (german is { } g && english is { } e && g != e)
        {
            return language is null ? null : IsEnglish(language) ? e : g;
        }

        return german ?? english;
    }

    /// <summary>A form field in the request's language; empty is null, anything else that is not a number adds the message (a resource key) to the field.</summary>
    public static decimal? Bind(ModelStateDictionary state, string field, string? text, string notANumber)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (Parse(text, CultureInfo.CurrentCulture) is { } value)
        {
            return value;
        }

        state.AddModelError(field, notANumber);
        return null;
    }

    /// <summary>A degree of latitude or longitude: never grouped, so a comma and a point both mark the decimals ("51,5136" or "51.5136").</summary>
    public static double? Coordinate(string? text) =>
        Clean(text) is { } clean && Read(clean.Replace(',', '.'), decimalMark: '.', groupMark: '\0') is { } value ? (double)value : null;

    /// <summary>The value formatted as the user types it back, in the request's language.</summary>
    public static string Format(decimal value, string format) => value.ToString(format, IsEnglish(CultureInfo.CurrentCulture) ? English : German);

    /// <summary>An amount of euros as the reader writes it: "85.000,00 €" in German, "€85,000.00" in English.</summary>
    public static string Money(decimal euros) => IsEnglish(CultureInfo.CurrentCulture)
        ? (euros < 0 ? "-€" : "€") + Math.Abs(euros).ToString("#,##0.00", English)
        : euros.ToString("#,##0.00", German) + " €";

    public static string Money(long cents) => Money(cents / 100m);

    /// <summary>An amount in euros as it reads back into a form field ("50000,00" in German, "50000.00" in English); empty for none.</summary>
    public static string AmountField(decimal? euros) => euros is { } v ? Format(v, "0.00") : "";

    private static bool IsEnglish(CultureInfo language) => language.TwoLetterISOLanguageName == "en";

    private static string? Clean(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null
            : text.Replace("€", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal).Replace("\u00a0", "", StringComparison.Ordinal);

    /// <summary>Sign, whole part (plain digits, or groups of three after the first), then the decimal mark and digits.</summary>
    private static decimal? Read(string text, char decimalMark, char groupMark)
    {
        var parts = text.Split(decimalMark);
        if (parts.Length > 2 || (parts.Length == 2 && (parts[1].Length == 0 || !parts[1].All(char.IsAsciiDigit))))
        {
            return null;
        }

        var whole = parts[0];
        var sign = whole.StartsWith('-') ? "-" : "";
        whole = whole.StartsWith('-') || whole.StartsWith('+') ? whole[1..] : whole;
        var groups = whole.Split(groupMark);
        var wellGrouped = groups.All(g => g.Length > 0 && g.All(char.IsAsciiDigit))
            && (groups.Length == 1 || (groups[0].Length <= 3 && groups[0][0] != '0' && groups.Skip(1).All(g => g.Length == 3)));
        if (!wellGrouped && !(whole.Length == 0 && parts.Length == 2))
        {
            return null;
        }

        var invariant = sign + (whole.Length == 0 ? "0" : string.Concat(groups)) + (parts.Length == 2 ? "." + parts[1] : "");
        return decimal.TryParse(invariant, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            && Math.Abs(value) < Limit ? value : null;
    }
}

/// <summary>
/// Number fields of forms (int, long, decimal) read as <see cref="TypedNumber"/> does, so that "1.000" in German and
/// "1,000" in English mean a thousand. Values from the query string (invariant culture) keep the framework's reading.
/// </summary>
internal sealed class TypedNumberBinderProvider : IModelBinderProvider
{
    private static readonly Type[] Types = [typeof(int), typeof(long), typeof(decimal)];

    public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
        Types.Contains(context.Metadata.UnderlyingOrModelType) ? new Binder(context.Services.GetRequiredService<ILoggerFactory>()) : null;

    private sealed class Binder(ILoggerFactory loggers) : IModelBinder
    {
        public Task BindModelAsync(ModelBindingContext context)
        {
            var result = context.ValueProvider.GetValue(context.ModelName);
            var type = context.ModelMetadata.UnderlyingOrModelType;
            if (result == ValueProviderResult.None || Equals(result.Culture, CultureInfo.InvariantCulture) || string.IsNullOrWhiteSpace(result.FirstValue))
            {
                return new SimpleTypeModelBinder(context.ModelType, loggers).BindModelAsync(context);
            }

            context.ModelState.SetModelValue(context.ModelName, result);
            var text = result.FirstValue;
            object? value = TypedNumber.Parse(text, result.Culture) switch
            {
                null => null,
                var d when type == typeof(decimal) => d.Value,
                var d when d.Value == decimal.Truncate(d.Value) && type == typeof(int) && d.Value is >= int.MinValue and <= int.MaxValue => (int)d.Value,
                var d when d.Value == decimal.Truncate(d.Value) && type == typeof(long) && d.Value is >= long.MinValue and <= long.MaxValue => (long)d.Value,
                _ => null,
            };
            if (value is null)
            {
                context.ModelState.TryAddModelError(context.ModelName, context.ModelMetadata.ModelBindingMessageProvider.AttemptedValueIsInvalidAccessor(text, context.ModelMetadata.GetDisplayName()));
                context.Result = ModelBindingResult.Failed();
                return Task.CompletedTask;
            }

            context.Result = ModelBindingResult.Success(value);
            return Task.CompletedTask;
        }
    }
}
