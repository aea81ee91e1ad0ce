namespace Masterplan.Web.Shared;

/// <summary>Dortmund's wall-clock time: meetings are scheduled, shown and mailed in it, whatever zone the server runs in.</summary>
public static class CityTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    /// <summary>Dortmund's wall-clock time for a moment.</summary>
    public static DateTime Local(DateTimeOffset moment) => TimeZoneInfo.ConvertTime(moment, Zone).DateTime;

    /// <summary>Today's date in Dortmund.</summary>
    public static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(Local(time.GetUtcNow()));

    /// <summary>The moment of a Dortmund date and wall-clock time.</summary>
    public static DateTimeOffset ToUtc(DateOnly date, TimeOnly time) =>
        new(TimeZoneInfo.ConvertTimeToUtc(date.ToDateTime(time, DateTimeKind.Unspecified), Zone), TimeSpan.Zero);
}
