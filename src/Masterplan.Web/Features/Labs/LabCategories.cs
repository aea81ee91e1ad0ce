using Masterplan.Web.Shared;

namespace Masterplan.Web.Features.Labs;

/// <summary>An optional question of a lab's registration: its name and the answers offered, "keine Angabe" last.</summary>
public sealed record LabCategory(string Name, IReadOnlyList<string> Values);

/// <summary>
/// The lab's optional categories, one per line as "Merkmal: Wert, Wert". The one reader of that syntax: the concept form
/// checks with it, the registration form asks what it finds, and the panel's pool (also replayed by the command-line tool)
/// takes its values from it.
/// </summary>
public static class LabCategories
{
    /// <summary>
    /// The categories of <paramref name="text"/> and, for every line that cannot be used, a message at the field
    /// <c>Categories</c>; such lines are left out. Every category also allows "keine Angabe".
    /// </summary>
    public static (IReadOnlyList<LabCategory> Categories, FieldErrors Errors) Parse(string? text)
    {
        var categories = new List<LabCategory>();
        var errors = new FieldErrors();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { LabsModule.AgeCategory, LabsModule.GenderCategory };
        var lineNumber = 0;
        foreach (var line in (text ?? "").Split('\n').Select(l => l.Trim()))
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var values = colon < 0 ? [] : line[(colon + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (colon <= 0 || values.Length == 0)
            {
                errors.Add("Categories", "Merkmale, Zeile {0}: erwartet wird „Merkmal: Wert, Wert“, z. B. „Bildungsabschluss: Hauptschule, Realschule, Abitur“.", lineNumber);
                continue;
            }

            if (line.IndexOfAny([';', '=', '[', ']']) >= 0)
            {
                errors.Add("Categories", "Merkmale, Zeile {0}: Die Zeichen ; = [ ] sind in Merkmalen und Werten nicht möglich.", lineNumber);
                continue;
            }

            var name = line[..colon].Trim();
            if (!names.Add(name))
            {
                errors.Add("Categories", "Merkmale, Zeile {0}: Das Merkmal „{1}“ gibt es schon (Altersgruppe und Geschlecht werden immer gefragt).", lineNumber, name);
                continue;
            }

            categories.Add(new LabCategory(name, [.. values.Where(v => v != LabsModule.NoAnswer).Distinct(StringComparer.Ordinal).Append(LabsModule.NoAnswer)]));
        }

        return (categories, errors);
    }
}
