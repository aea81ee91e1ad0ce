using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Masterplan.Web.Shared;

/// <summary>
/// The one range every date a person types must lie in. Dates far outside it (0001-01-01, 9999-12-31) are never
/// meant and overflow the day arithmetic behind "as of the end of that day"; they get a message instead.
/// </summary>
public static class DateInput
{
    public static readonly DateOnly Min = new(1900, 1, 1);

    public static readonly DateOnly Max = new(2200, 12, 31);

    /// <summary>The German message (resource key; English in SharedResource.en.resx).</summary>
    public const string OutOfRange = "Bitte geben Sie ein Datum zwischen dem 01.01.1900 und dem 31.12.2200 an.";

    public static bool InRange(DateOnly day) => day >= Min && day <= Max;

    /// <summary>For APIs: the message when the date is given and out of range, otherwise null.</summary>
    public static string? Check(DateOnly? day) => day is { } d && !InRange(d) ? OutOfRange : null;

    /// <summary>
    /// A report's period as its form sends it (fields <c>Input.From</c> and <c>Input.To</c>): both given, the end not before
    /// the start, with <paramref name="notAfter"/> not ending after that day, and at most <paramref name="maxDays"/> long.
    /// </summary>
    /// <param name="tooLong">The message for a longer period (a resource key, like every message).</param>
    public static void CheckPeriod(FieldErrors errors, DateOnly? from, DateOnly? to, int maxDays, string tooLong, DateOnly? notAfter = null)
    {
        if (from is null)
        {
            errors.Add("Input.From", "Bitte geben Sie den Beginn des Zeitraums an.");
        }

        if (to is not { } end)
        {
            errors.Add("Input.To", "Bitte geben Sie das Ende des Zeitraums an.");
        }
        else if (from is { } start && end < start)
        {
            errors.Add("Input.To", "Das Ende des Zeitraums liegt vor seinem Beginn.");
        }
        else if (notAfter is { } last && end > last)
        {
            errors.Add("Input.To", "Das Ende des Zeitraums liegt in der Zukunft; berichtet wird über Vergangenes (bis heute, {0}).",
                last.ToString("dd.MM.yyyy", System.Globalization.CultureInfo.GetCultureInfo("de-DE")));
        }
        else if (from is { } first && end.DayNumber - first.DayNumber > maxDays)
        {
            errors.Add("Input.To", tooLong);
        }
    }
}

/// <summary>
/// Applies <see cref="DateInput"/> to every <see cref="DateOnly"/> that pages bind (query and form): a date out of
/// range is not bound and leaves the German field message in the model state.
/// </summary>
internal sealed class DateInputBinderProvider(IList<IModelBinderProvider> providers) : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        if (context.Metadata.UnderlyingOrModelType != typeof(DateOnly))
        {
            return null;
        }

        foreach (var provider in providers)
        {
            if (!ReferenceEquals(provider, this) && provider.GetBinder(context) is { } inner)
            {
                return new Binder(inner, context.Services.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizerFactory>().Create(typeof(SharedResource)));
            }
        }

        return null;
    }

    private sealed class Binder(IModelBinder inner, Microsoft.Extensions.Localization.IStringLocalizer t) : IModelBinder
    {
        public async Task BindModelAsync(ModelBindingContext context)
        {
            await inner.BindModelAsync(context);
            if (context.Result.IsModelSet && context.Result.Model is DateOnly day && !DateInput.InRange(day))
            {
                context.ModelState.TryAddModelError(context.ModelName, t[DateInput.OutOfRange]);
                context.Result = ModelBindingResult.Failed();
            }
        }
    }
}
