using System.Globalization;

namespace Masterplan.Algorithms.Sortition;

/// <summary>Reads a pool and its quotas from the two public CSV formats (see <see cref="SortitionFileFormat"/>).</summary>
/// <remarks>
/// The format is detected from the header of the quota file unless forced. Every problem is collected with
/// its file and line (missing columns, numbers that are not whole non-negative numbers, duplicate quotas or
/// ids, a respondent value that has no quota, rows with the wrong number of fields) and reported together in
/// a <see cref="SortitionFormatException"/>; a file with errors yields nothing. Values are compared after
/// trimming surrounding spaces, case-sensitively. Columns of the respondent file that are not quota
/// categories (names, addresses) are ignored and not kept.
/// </remarks>
public static class SortitionFileReader
{
    private const int MaxErrors = 50;
    private static readonly string[] ReplicationHeader = ["category", "feature", "min", "max"];
    private static readonly string[] FoundationHeader = ["feature", "value", "min", "max"];

    /// <summary>Reads the files at the given paths (UTF-8, with or without BOM).</summary>
    public static SortitionData Read(string respondentsPath, string categoriesPath, SortitionFileFormat format = SortitionFileFormat.Auto)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(respondentsPath);
        ArgumentException.ThrowIfNullOrWhiteSpace(categoriesPath);
        using var respondents = new StreamReader(respondentsPath, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        using var categories = new StreamReader(categoriesPath, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return Parse(respondents, Path.GetFileName(respondentsPath), categories, Path.GetFileName(categoriesPath), format);
    }

    /// <summary>Reads from text readers; the names are used in error messages.</summary>
    public static SortitionData Parse(TextReader respondents, string respondentsName, TextReader categories, string categoriesName, SortitionFileFormat format = SortitionFileFormat.Auto)
    {
        ArgumentNullException.ThrowIfNull(respondents);
        ArgumentNullException.ThrowIfNull(categories);
        var errors = new List<SortitionFormatError>();
        void Error(string file, int line, string message)
        {
            if (errors.Count < MaxErrors)
            {
                errors.Add(new SortitionFormatError(file, line, message));
            }
        }

        var quotaRows = CsvRecords.Read(categories, (line, message) => Error(categoriesName, line, message)).ToList();
        if (quotaRows.Count == 0)
        {
            throw new SortitionFormatException([new SortitionFormatError(categoriesName, 0, "The file is empty.")]);
        }

        var header = quotaRows[0].Fields.Select(f => f.Trim().ToLowerInvariant()).ToArray();
        var detected = StartsWith(header, ReplicationHeader) ? SortitionFileFormat.Replication
            : StartsWith(header, FoundationHeader) ? SortitionFileFormat.SortitionFoundation
            : SortitionFileFormat.Auto;
        if (detected == SortitionFileFormat.Auto || (format != SortitionFileFormat.Auto && format != detected))
        {
            var expected = format switch
            {
                SortitionFileFormat.Replication => "'category,feature,min,max' (replication format)",
                SortitionFileFormat.SortitionFoundation => "'feature,value,min,max[,min_flex,max_flex]' (Sortition Foundation format)",
                _ => "'category,feature,min,max' (replication format) or 'feature,value,min,max[,min_flex,max_flex]' (Sortition Foundation format)",
            };
            throw new SortitionFormatException([new SortitionFormatError(categoriesName, quotaRows[0].Line, $"The header is '{string.Join(',', quotaRows[0].Fields)}'; expected {expected}.")]);
        }

        var quotas = ReadQuotas(quotaRows, header, detected, categoriesName, Error);
        var pool = ReadRespondents(respondents, respondentsName, quotas, detected, Error);
        if (errors.Count > 0)
        {
            throw new SortitionFormatException(errors);
        }

        return new SortitionData(pool, quotas, detected);
    }

    private static List<Quota> ReadQuotas(List<(int Line, string[] Fields)> rows, string[] header, SortitionFileFormat format, string file, Action<string, int, string> error)
    {
        var minFlexColumn = format == SortitionFileFormat.SortitionFoundation ? Array.IndexOf(header, "min_flex") : -1;
        var maxFlexColumn = format == SortitionFileFormat.SortitionFoundation ? Array.IndexOf(header, "max_flex") : -1;
        var quotas = new List<Quota>();
        var seen = new HashSet<(string, string)>();
        foreach (var (line, fields) in rows.Skip(1))
        {
            if (fields.Length != header.Length)
            {
                error(file, line, $"Expected {header.Length} fields, found {fields.Length}.");
                continue;
            }

            var category = fields[0].Trim();
            var value = fields[1].Trim();
            if (category.Length == 0 || value.Length == 0)
            {
                error(file, line, $"The {header[0]} and the {header[1]} must not be empty.");
                continue;
            }

            var min = Number(fields[2], "min", line);
            var max = Number(fields[3], "max", line);
            int? minFlex = minFlexColumn >= 0 && fields[minFlexColumn].Trim().Length > 0 ? Number(fields[minFlexColumn], "min_flex", line) : null;
            int? maxFlex = maxFlexColumn >= 0 && fields[maxFlexColumn].Trim().Length > 0 ? Number(fields[maxFlexColumn], "max_flex", line) : null;
            if (min is null || max is null || (minFlexColumn >= 0 && fields[minFlexColumn].Trim().Length > 0 && minFlex is null) || (maxFlexColumn >= 0 && fields[maxFlexColumn].Trim().Length > 0 && maxFlex is null))
            {
                continue;
            }

            if (min > max)
            {
                error(file, line, $"The minimum {min} of {category} = {value} is above its maximum {max}.");
                continue;
            }

            if (!seen.Add((category, value)))
            {
                error(file, line, $"{category} = {value} is listed twice.");
                continue;
            }

            quotas.Add(new Quota(category, value, min.Value, max.Value) { MinFlex = minFlex, MaxFlex = maxFlex });
        }

        if (rows.Count == 1)
        {
            error(file, rows[0].Line, "The file has a header but no quotas.");
        }

        return quotas;

        int? Number(string text, string column, int line)
        {
            if (int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                return n;
            }

            error(file, line, $"The {column} '{text}' is not a whole number ≥ 0.");
            return null;
        }
    }

    private static List<Respondent> ReadRespondents(TextReader reader, string file, List<Quota> quotas, SortitionFileFormat format, Action<string, int, string> error)
    {
        var rows = CsvRecords.Read(reader, (line, message) => error(file, line, message)).ToList();
        var pool = new List<Respondent>();
        if (rows.Count == 0)
        {
            error(file, 0, "The file is empty.");
            return pool;
        }

        var (headerLine, header) = rows[0];
        var names = header.Select(h => h.Trim()).ToArray();
        int Column(string name)
        {
            var exact = Array.IndexOf(names, name);
            return exact >= 0 ? exact : Array.FindIndex(names, h => string.Equals(h, name, StringComparison.OrdinalIgnoreCase));
        }

        var idColumn = format == SortitionFileFormat.SortitionFoundation
            ? (Column("nationbuilder_id") is var nb and >= 0 ? nb : Column("id"))
            : Column("id");
        if (idColumn < 0 && format == SortitionFileFormat.SortitionFoundation)
        {
            error(file, headerLine, "The id column 'nationbuilder_id' (or 'id') is missing.");
        }

        var categories = quotas.Select(q => q.Category).Distinct().ToList();
        var valuesOf = categories.ToDictionary(c => c, c => quotas.Where(q => q.Category == c).Select(q => q.Value).ToHashSet(StringComparer.Ordinal));
        var categoryColumns = new List<(string Category, int Column)>();
        foreach (var category in categories)
        {
            var column = Column(category);
            if (column < 0)
            {
                error(file, headerLine, $"The column for the category '{category}' is missing (columns: {string.Join(", ", names)}).");
            }
            else
            {
                categoryColumns.Add((category, column));
            }
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        var number = 0;
        foreach (var (line, fields) in rows.Skip(1))
        {
            number++;
            if (fields.Length != names.Length)
            {
                error(file, line, $"Expected {names.Length} fields as in the header, found {fields.Length}.");
                continue;
            }

            var id = idColumn >= 0 ? fields[idColumn].Trim() : number.ToString(CultureInfo.InvariantCulture);
            if (id.Length == 0)
            {
                error(file, line, "The id is empty.");
                continue;
            }

            if (!ids.Add(id))
            {
                error(file, line, $"The id '{id}' occurs more than once.");
                continue;
            }

            var features = new Dictionary<string, string>(StringComparer.Ordinal);
            var ok = true;
            foreach (var (category, column) in categoryColumns)
            {
                var value = fields[column].Trim();
                if (!valuesOf[category].Contains(value))
                {
                    error(file, line, value.Length == 0
                        ? $"The value for '{category}' is empty."
                        : $"{category} = '{value}' has no quota; the quota values of '{category}' are {string.Join(", ", valuesOf[category])}.");
                    ok = false;
                }

                features[category] = value;
            }

            if (ok)
            {
                pool.Add(new Respondent(id, features));
            }
        }

        if (rows.Count == 1)
        {
            error(file, headerLine, "The file has a header but no respondents.");
        }

        return pool;
    }

    private static bool StartsWith(string[] header, string[] expected) =>
        header.Length >= expected.Length && expected.Select((e, i) => header[i] == e).All(b => b);
}
