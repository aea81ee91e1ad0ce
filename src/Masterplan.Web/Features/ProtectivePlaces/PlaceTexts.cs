using Masterplan.Web.Shared;

namespace Masterplan.Web.Features.ProtectivePlaces;

/// <summary>"geöffnet, schließt um 04:00", "geschlossen, öffnet Samstag um 22:00": the state as a resource key with its arguments.</summary>
public static class PlaceTexts
{
    public static FieldError Status(PlaceStatus status, DateTime localNow)
    {
        if (!status.HasHours)
        {
            return new FieldError("", "Öffnungszeiten: bitte anrufen");
        }

        if (status.Open)
        {
            var closes = status.Closes!.Value;
            return closes - localNow > TimeSpan.FromDays(2) ? new FieldError("", "geöffnet, rund um die Uhr")
                : closes.Date == localNow.Date ? new FieldError("", "geöffnet, schließt um {0}", closes.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture))
                : new FieldError("", "geöffnet, schließt {0} um {1}", Day(closes, localNow), closes.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture));
        }

        if (status.Opens is not { } opens)
        {
            return new FieldError("", "geschlossen");
        }

        return opens.Date == localNow.Date
            ? new FieldError("", "geschlossen, öffnet um {0}", opens.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture))
            : new FieldError("", "geschlossen, öffnet {0} um {1}", Day(opens, localNow), opens.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture));
    }

    private static FieldError Day(DateTime at, DateTime localNow) =>
        at.Date == localNow.Date.AddDays(1) ? new FieldError("", "morgen") : new FieldError("", OpeningHours.DayName(at.DayOfWeek));

    public static string Time(TimeOnly t) => t.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The help text in the page's language: English where the Office wrote one, German otherwise.</summary>
    public static string Help(PublicPlace place) =>
        System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" && place.HelpEnglish is { } english ? english : place.Help;
}
