using Masterplan.Web.Shared;

namespace Masterplan.Web.Features.ProtectivePlaces;

/// <summary>One opening interval in Dortmund's wall-clock time.</summary>
public readonly record struct Interval(DateTime Start, DateTime End);

/// <summary>Whether a place is open at a moment, until when, or when it opens next; all in Dortmund's wall-clock time.</summary>
/// <param name="HasHours">Whether the place has any hours at all (otherwise "Öffnungszeiten: bitte anrufen").</param>
public sealed record PlaceStatus(bool Open, DateTime? Closes, DateTime? Opens, bool HasHours)
{
    public static readonly PlaceStatus NoHours = new(false, null, null, false);
}

/// <summary>A place's intervals around one day, sorted by start (<see cref="OpeningHours.Hours"/>).</summary>
/// <param name="Any">Whether the place has hours at all (weekly rules or exceptions).</param>
public sealed record PlaceHours(Interval[] Intervals, bool Any);

/// <summary>A weekly rule as the Office form sends it.</summary>
public sealed class RuleInput
{
    public DayOfWeek? Day { get; set; }

    public TimeOnly? Opens { get; set; }

    public TimeOnly? Closes { get; set; }

    public bool NextDay { get; set; }

    public bool IsEmpty => Day is null && Opens is null && Closes is null && !NextDay;
}

/// <summary>An exception date as the Office form sends it.</summary>
public sealed class ExceptionInput
{
    public DateOnly? Date { get; set; }

    public bool Closed { get; set; }

    public TimeOnly? Opens { get; set; }

    public TimeOnly? Closes { get; set; }

    public bool NextDay { get; set; }

    public string? Note { get; set; }

    public bool IsEmpty => Date is null && !Closed && Opens is null && Closes is null && !NextDay && string.IsNullOrWhiteSpace(Note);
}

/// <summary>
/// Opening hours: weekly rules plus dated exceptions, nights across midnight (the Guides' base is a Schutzraum in the
/// night-time economy, 002 lines 120–122), always read in Dortmund's time (<see cref="CityTime"/>) whatever zone the server
/// runs in. An exception date replaces that date's weekly rules: closed all day (a public holiday) or other hours.
/// </summary>
public static class OpeningHours
{
    private const int MinutesPerWeek = 7 * 24 * 60;

    /// <summary>Monday first, as people read a week in Germany.</summary>
    public static readonly DayOfWeek[] Week =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    public static string DayName(DayOfWeek day) => day switch
    {
        DayOfWeek.Monday => "Montag",
        DayOfWeek.Tuesday => "Dienstag",
        DayOfWeek.Wednesday => "Mittwoch",
        DayOfWeek.Thursday => "Donnerstag",
        DayOfWeek.Friday => "Freitag",
        DayOfWeek.Saturday => "Samstag",
        _ => "Sonntag",
    };

    /// <summary>The intervals that start on <paramref name="date"/>: the exception's if the date has one, the weekly rules' otherwise.</summary>
    public static IEnumerable<Interval> OnDate(DateOnly date, IEnumerable<OpeningRule> rules, IEnumerable<OpeningException> exceptions)
    {
        var special = exceptions.Where(e => e.Date == date).ToList();
        if (special.Count > 0)
        {
            return special.Any(e => e.Closed) ? []
                : special.Where(e => e.Opens is not null && e.Closes is not null).Select(e => Make(date, e.Opens!.Value, e.Closes!.Value, e.NextDay)).ToList();
        }

        return rules.Where(r => r.Day == date.DayOfWeek).Select(r => Make(date, r.Opens, r.Closes, r.NextDay)).ToList();
    }

    private static Interval Make(DateOnly date, TimeOnly opens, TimeOnly closes, bool nextDay) =>
        new(date.ToDateTime(opens), (nextDay ? date.AddDays(1) : date).ToDateTime(closes));

    /// <summary>The days whose intervals <see cref="Hours"/> reads: the day before (a night that began then) to a week ahead ("opens on …").</summary>
    public static (DateOnly From, DateOnly To) Days(DateOnly today) => (today.AddDays(-1), today.AddDays(8));

    /// <summary>
    /// The intervals that start from the day before <paramref name="today"/> (a night that began then) to a week ahead,
    /// sorted: all <see cref="At"/> needs.
    /// </summary>
    public static PlaceHours Hours(DateOnly today, IReadOnlyCollection<OpeningRule> rules, IReadOnlyCollection<OpeningException> exceptions)
    {
        var intervals = new List<Interval>();
        var (from, to) = Days(today);
        for (var date = from; date <= to; date = date.AddDays(1))
        {
            intervals.AddRange(OnDate(date, rules, exceptions));
        }

        intervals.Sort((a, b) => a.Start.CompareTo(b.Start));
        return new PlaceHours([.. intervals], rules.Count > 0 || exceptions.Count > 0);
    }

    /// <summary>
    /// The state at <paramref name="local"/> (Dortmund wall-clock time) from hours made for that day (<see cref="Hours"/>).
    /// A night that began yesterday counts (Saturday 22:00–04:00 is open at 01:30 on Sunday). <paramref name="window"/>
    /// limits an event help point to its event.
    /// </summary>
    public static PlaceStatus At(DateTime local, PlaceHours hours, Interval? window = null)
    {
        IReadOnlyList<Interval> intervals;
        if (!hours.Any)
        {
            if (window is null)
            {
                return PlaceStatus.NoHours;
            }

            intervals = [window.Value];
        }
        else
        {
            intervals = window is { } w ? [.. hours.Intervals.Select(i => Clip(i, w)).Where(i => i.End > i.Start)] : hours.Intervals;
        }

        var current = intervals.Where(i => i.Start <= local && local < i.End).ToList();
        if (current.Count > 0)
        {
            // Back-to-back intervals (Friday until 24:00, Saturday from 00:00) read as one.
            var end = current.Max(i => i.End);
            foreach (var i in intervals.Where(i => i.Start <= end && i.End > end))
            {
                end = i.End;
            }

            return new PlaceStatus(true, end, null, true);
        }

        var next = intervals.FirstOrDefault(i => i.Start > local);
        return new PlaceStatus(false, null, next == default ? null : next.Start, true);
    }

    /// <summary>Whether the place is open at <paramref name="local"/>; what the ranking of the list needs, without allocating.</summary>
    public static bool OpenAt(DateTime local, PlaceHours hours, Interval? window = null)
    {
        if (!hours.Any)
        {
            return window is { } only && only.Start <= local && local < only.End;
        }

        foreach (var i in hours.Intervals)
        {
            if (i.Start > local)
            {
                break;
            }

            var (start, end) = window is { } w ? Clip(i, w) : i;
            if (start <= local && local < end)
            {
                return true;
            }
        }

        return false;
    }

    private static Interval Clip(Interval i, Interval w) => new(i.Start < w.Start ? w.Start : i.Start, i.End > w.End ? w.End : i.End);

    /// <summary>
    /// Checks the weekly rules: every row complete, none that ends before it starts (a night needs "bis zum Folgetag"),
    /// none longer than a day, no two that overlap (Sunday night into Monday included). Fields are <c>Rules[i].…</c>.
    /// </summary>
    public static FieldErrors CheckRules(IReadOnlyList<RuleInput> rules)
    {
        var errors = new FieldErrors();
        var spans = new List<(int Index, int Start, int End)>();
        for (var i = 0; i < rules.Count; i++)
        {
            var r = rules[i];
            if (r.IsEmpty)
            {
                continue;
            }

            if (r.Day is null || !Enum.IsDefined(r.Day.Value))
            {
                errors.Add($"Rules[{i}].Day", "Zeile {0} der Öffnungszeiten: Bitte wählen Sie den Wochentag.", i + 1);
                continue;
            }

            if (Span(r.Opens, r.Closes, r.NextDay, $"Rules[{i}]", new FieldError("", DayName(r.Day.Value)), errors) is { } minutes)
            {
                var start = (((int)r.Day.Value + 6) % 7 * 1440) + (r.Opens!.Value.Hour * 60) + r.Opens.Value.Minute;
                spans.Add((i, start, start + minutes));
            }
        }

        for (var a = 0; a < spans.Count; a++)
        {
            for (var b = a + 1; b < spans.Count; b++)
            {
                if (Overlap(spans[a].Start, spans[a].End, spans[b].Start, spans[b].End))
                {
                    errors.Add($"Rules[{spans[b].Index}].Opens", "Die Öffnungszeiten in Zeile {0} und Zeile {1} überschneiden sich.", spans[a].Index + 1, spans[b].Index + 1);
                }
            }
        }

        return errors;
    }

    /// <summary>Checks the exception dates: a date, either closed or a complete interval, no overlaps on one date.</summary>
    public static FieldErrors CheckExceptions(IReadOnlyList<ExceptionInput> exceptions)
    {
        var errors = new FieldErrors();
        var spans = new List<(int Index, DateOnly Date, bool Closed, int Start, int End)>();
        for (var i = 0; i < exceptions.Count; i++)
        {
            var e = exceptions[i];
            if (e.IsEmpty)
            {
                continue;
            }

            if (e.Date is null)
            {
                errors.Add($"Exceptions[{i}].Date", "Zeile {0} der Ausnahmen: Bitte geben Sie das Datum an.", i + 1);
                continue;
            }

            if (e.Note?.Length > 200)
            {
                errors.Add($"Exceptions[{i}].Note", "Zeile {0} der Ausnahmen: Der Anlass ist zu lang (höchstens {1} Zeichen).", i + 1, 200);
            }

            if (e.Closed)
            {
                if (e.Opens is not null || e.Closes is not null)
                {
                    errors.Add($"Exceptions[{i}].Opens", "Zeile {0} der Ausnahmen: Ein geschlossener Tag hat keine Uhrzeiten. Lassen Sie sie leer oder nehmen Sie den Haken „geschlossen“ weg.", i + 1);
                }

                spans.Add((i, e.Date.Value, true, 0, 0));
                continue;
            }

            if (Span(e.Opens, e.Closes, e.NextDay, $"Exceptions[{i}]", e.Date.Value.ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture), errors) is { } minutes)
            {
                var start = (e.Opens!.Value.Hour * 60) + e.Opens.Value.Minute;
                spans.Add((i, e.Date.Value, false, start, start + minutes));
            }
        }

        foreach (var group in spans.GroupBy(s => s.Date))
        {
            var list = group.ToList();
            if (list.Count > 1 && list.Any(s => s.Closed))
            {
                errors.Add($"Exceptions[{list[1].Index}].Date", "Am {0:dd.MM.yyyy} ist der Ort schon als geschlossen eingetragen; bitte nur eine Angabe für diesen Tag.", group.Key.ToDateTime(TimeOnly.MinValue));
                continue;
            }

            for (var a = 0; a < list.Count; a++)
            {
                for (var b = a + 1; b < list.Count; b++)
                {
                    if (list[a].Start < list[b].End && list[b].Start < list[a].End)
                    {
                        errors.Add($"Exceptions[{list[b].Index}].Opens", "Die Ausnahmen in Zeile {0} und Zeile {1} überschneiden sich.", list[a].Index + 1, list[b].Index + 1);
                    }
                }
            }
        }

        return errors;
    }

    private static int? Span(TimeOnly? opens, TimeOnly? closes, bool nextDay, string prefix, object what, FieldErrors errors)
    {
        if (opens is null || closes is null)
        {
            errors.Add(opens is null ? prefix + ".Opens" : prefix + ".Closes", "{0}: Bitte geben Sie Beginn und Ende an.", what);
            return null;
        }

        var minutes = (closes.Value.Hour * 60) + closes.Value.Minute - (opens.Value.Hour * 60) - opens.Value.Minute + (nextDay ? 1440 : 0);
        if (minutes <= 0)
        {
            errors.Add(prefix + ".Closes", "{0}: Das Ende {1} liegt vor dem Beginn {2}. Geht es über Mitternacht, setzen Sie den Haken „bis zum Folgetag“.", what, closes.Value.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture), opens.Value.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture));
            return null;
        }

        if (minutes > 1440)
        {
            errors.Add(prefix + ".Closes", "{0}: Von {2} bis {1} am Folgetag sind mehr als 24 Stunden. Bitte teilen Sie die Zeit auf zwei Tage auf.", what, closes.Value.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture), opens.Value.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture));
            return null;
        }

        return minutes;
    }

    private static bool Overlap(int s1, int e1, int s2, int e2)
    {
        foreach (var shift in new[] { -MinutesPerWeek, 0, MinutesPerWeek })
        {
            if (s1 < e2 + shift && s2 + shift < e1)
            {
                return true;
            }
        }

        return false;
    }
}
