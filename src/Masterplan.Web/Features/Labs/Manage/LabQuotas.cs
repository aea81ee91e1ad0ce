using System.Globalization;
using Masterplan.Algorithms.Sortition;
using Masterplan.Web.Shared;

namespace Masterplan.Web.Features.Labs.Manage;

/// <summary>The quota lines of the panel draw ("Kategorie; Wert; min; max"): a suggestion, the reader and the German checks against the pool.</summary>
public static class LabQuotas
{
    /// <summary>A starting point for the quota form: every value that occurs, from 0 to the panel size.</summary>
    public static string Suggest(IReadOnlyList<Respondent> pool, int panelSize) =>
        string.Join('\n', pool.SelectMany(r => r.Features).Select(f => (f.Key, f.Value)).Distinct().OrderBy(f => f.Key, StringComparer.Ordinal).ThenBy(f => f.Value, StringComparer.Ordinal)
            .Select(f => string.Create(CultureInfo.InvariantCulture, $"{f.Key}; {f.Value}; 0; {panelSize}")));

    /// <summary>Reads "Kategorie; Wert; min; max" per line; German messages for what is malformed.</summary>
    public static (List<Quota> Quotas, FieldErrors Errors) Parse(string? text)
    {
        var quotas = new List<Quota>();
        var errors = new FieldErrors();
        var lineNumber = 0;
        foreach (var raw in (text ?? "").Split('\n'))
        {
            lineNumber++;
            var line = raw.Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var parts = line.Split(';', StringSplitOptions.TrimEntries);
            if (parts.Length != 4 || parts[0].Length == 0 || parts[1].Length == 0
                || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var min) || !int.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var max))
            {
                errors.Add("", "Quotenzeile {0}: erwartet wird „Kategorie; Wert; Mindestzahl; Höchstzahl“, z. B. „Geschlecht; weiblich; 4; 6“.", lineNumber);
                continue;
            }

            if (min > max)
            {
                errors.Add("", "Quotenzeile {0}: Für {1} = {2} liegt die Mindestzahl {3} über der Höchstzahl {4}.", lineNumber, parts[0], parts[1], min, max);
            }

            if (quotas.Any(q => q.Category == parts[0] && q.Value == parts[1]))
            {
                errors.Add("", "Quotenzeile {0}: Für {1} = {2} gibt es schon eine Quote.", lineNumber, parts[0], parts[1]);
                continue;
            }

            quotas.Add(new Quota(parts[0], parts[1], min, max));
        }

        if (quotas.Count == 0 && errors.Count == 0)
        {
            errors.Add("", "Bitte geben Sie die Quoten an, eine je Zeile.");
        }

        return (quotas, errors);
    }

    /// <summary>
    /// German checks of quotas and panel size against the pool, before the solver runs (docs/domain.md#bad-input):
    /// panel size above the pool, minimums above the panel size, maximums that cannot fill it, values without a quota.
    /// </summary>
    public static FieldErrors Check(IReadOnlyList<Respondent> pool, IReadOnlyList<Quota> quotas, int panelSize)
    {
        var errors = new FieldErrors();
        if (panelSize < 1)
        {
            errors.Add("", "Die Zahl der Teilnehmenden muss mindestens 1 sein.");
        }
        else if (panelSize > pool.Count)
        {
            errors.Add("", "Es sollen {0} Teilnehmende ausgelost werden, angemeldet haben sich aber nur {1}.", panelSize, pool.Count);
        }

        var asked = pool.SelectMany(r => r.Features.Keys).ToHashSet(StringComparer.Ordinal);
        foreach (var category in quotas.Select(q => q.Category).Distinct().Where(c => !asked.Contains(c)))
        {
            errors.Add("", "Das Merkmal „{0}“ wird bei der Anmeldung nicht erfragt; möglich sind: {1}.", category, string.Join(", ", asked.Order(StringComparer.Ordinal)));
        }

        foreach (var category in quotas.Select(q => q.Category).Distinct().Where(asked.Contains))
        {
            var ofCategory = quotas.Where(q => q.Category == category).ToList();
            var available = ofCategory.ToDictionary(q => q.Value, q => pool.Count(r => r.Features.GetValueOrDefault(category) == q.Value));
            var minSum = ofCategory.Sum(q => q.Min);
            if (minSum > panelSize)
            {
                errors.Add("", "Die Mindestzahlen bei „{0}“ ergeben zusammen {1}, mehr als die {2} Plätze.", category, minSum, panelSize);
            }

            var reachable = ofCategory.Sum(q => Math.Min(q.Max, available[q.Value]));
            if (panelSize <= pool.Count && reachable < panelSize)
            {
                errors.Add("", "Die Höchstzahlen bei „{0}“ lassen mit den vorhandenen Anmeldungen höchstens {1} Plätze zu, gebraucht werden {2}.", category, reachable, panelSize);
            }

            foreach (var q in ofCategory.Where(q => q.Min > available[q.Value]))
            {
                errors.Add(available[q.Value] == 1
                    ? new FieldError("", "Für {0} = {1} verlangt die Quote mindestens {2}, angemeldet ist aber nur {3}.", category, q.Value, q.Min, available[q.Value])
                    : new FieldError("", "Für {0} = {1} verlangt die Quote mindestens {2}, angemeldet sind aber nur {3}.", category, q.Value, q.Min, available[q.Value]));
            }

            foreach (var value in pool.Select(r => r.Features.GetValueOrDefault(category)).Where(v => v is not null && !available.ContainsKey(v)).Distinct())
            {
                errors.Add("", "Für {0} = {1} fehlt eine Quote; {2} Anmeldungen haben diesen Wert.", category, value!, pool.Count(r => r.Features.GetValueOrDefault(category) == value));
            }
        }

        foreach (var category in pool.SelectMany(r => r.Features.Keys).Distinct().Where(c => quotas.All(q => q.Category != c)))
        {
            errors.Add("", "Für die Kategorie „{0}“ fehlen die Quoten.", category);
        }

        return errors;
    }
}
