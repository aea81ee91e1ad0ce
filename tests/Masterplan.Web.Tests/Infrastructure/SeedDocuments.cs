using System.Text.RegularExpressions;

namespace Masterplan.Web.Tests.Infrastructure;

/// <summary>
/// The German source documents in ../shared/seeds. Tests read the facts from the documents themselves,
/// so the seeded data is checked against the source, not against a copy of itself.
/// </summary>
public static partial class SeedDocuments
{
    public static string Directory
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "shared", "seeds");
                if (System.IO.Directory.Exists(candidate))
                {
                    return candidate;
                }
            }

            throw new DirectoryNotFoundException("../shared/seeds was not found above the test's folder; the seed documents must sit beside the repository.");
        }
    }

    public static string Read(string prefix) =>
        File.ReadAllText(System.IO.Directory.GetFiles(Directory, prefix + "_*.txt").Single());

    /// <summary>Every numbered entry of 001 §II: ("3.3.1.1", "Gas/Strom/Benzin"), and the four fields ("1", "Prävention …").</summary>
    public static IReadOnlyList<(string Number, string Title)> CatalogueOf001()
    {
        var text = Read("001");
        var section = text[text.IndexOf("Handlungsfeld 1 – Prävention und sozialer Zusammenhalt:", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("Die Quartierslabore, die in", StringComparison.Ordinal)];
        var fields = FieldLine().Matches(text).Select(m => (m.Groups[1].Value, m.Groups[2].Value.Trim().TrimEnd(':'))).Distinct();
        var entries = EntryLine().Matches(section).Select(m => (m.Groups[1].Value, m.Groups[2].Value.Trim()));
        return fields.Concat(entries).ToList();
    }

    /// <summary>The Beratungsfolge in the header of 001: (body, date, role).</summary>
    public static IReadOnlyList<(string Body, DateOnly Date, string Role)> ConsultationsOf001()
    {
        var text = Read("001");
        return ConsultationLine().Matches(text)
            .Select(m => (m.Groups[1].Value.Trim(), DateOnly.ParseExact(m.Groups[2].Value, "dd.MM.yyyy"), m.Groups[3].Value))
            .ToList();
    }

    [GeneratedRegex(@"^Handlungsfeld (\d) – ([^\r\n→]+)$", RegexOptions.Multiline)]
    private static partial Regex FieldLine();

    [GeneratedRegex(@"^\s*- (\d+(?:\.\d+)+) ([^\r\n]+)$", RegexOptions.Multiline)]
    private static partial Regex EntryLine();

    [GeneratedRegex(@"^([^\t\r\n]+)\t(\d\d\.\d\d\.\d{4})\t(Empfehlung|Beschluss|Beratung)\s*$", RegexOptions.Multiline)]
    private static partial Regex ConsultationLine();
}
