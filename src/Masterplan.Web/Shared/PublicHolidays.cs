namespace Masterplan.Web.Shared;

/// <summary>
/// The public holidays of North Rhine-Westphalia (Feiertagsgesetz NW § 2) and the working days around them, so that dates
/// the platform proposes — demo meetings, consultations, labs — never fall on a Sunday, Christmas Day or Easter Monday.
/// </summary>
public static class PublicHolidays
{
    /// <summary>Easter Sunday of <paramref name="year"/> (Gregorian calendar; the anonymous algorithm of Meeus/Jones/Butcher).</summary>
    public static DateOnly EasterSunday(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }

    /// <summary>The day's holiday name in German, or null: Neujahr, Karfreitag, Ostermontag, Tag der Arbeit, Christi Himmelfahrt, Pfingstmontag, Fronleichnam, Tag der Deutschen Einheit, Allerheiligen, 1. and 2. Weihnachtstag.</summary>
    public static string? Name(DateOnly day)
    {
        switch (day.Month, day.Day)
        {
            case (1, 1): return "Neujahr";
            case (5, 1): return "Tag der Arbeit";
            case (10, 3): return "Tag der Deutschen Einheit";
            case (11, 1): return "Allerheiligen";
            case (12, 25): return "1. Weihnachtstag";
            case (12, 26): return "2. Weihnachtstag";
        }

        return (day.DayNumber - EasterSunday(day.Year).DayNumber) switch
        {
            -2 => "Karfreitag",
            1 => "Ostermontag",
            39 => "Christi Himmelfahrt",
            50 => "Pfingstmontag",
            60 => "Fronleichnam",
            _ => null,
        };
    }

    public static bool IsHoliday(DateOnly day) => Name(day) is not null;

    /// <summary>Monday to Friday, not a public holiday, and not Christmas Eve or New Year's Eve (offices close early).</summary>
    public static bool IsWorkingDay(DateOnly day) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !IsHoliday(day) && !(day.Month == 12 && day.Day is 24 or 31);

    /// <summary><paramref name="day"/> if it is a working day, else the nearest one after it (<paramref name="forward"/>) or before it.</summary>
    public static DateOnly WorkingDayFrom(DateOnly day, bool forward = true)
    {
        while (!IsWorkingDay(day))
        {
            day = day.AddDays(forward ? 1 : -1);
        }

        return day;
    }
}
