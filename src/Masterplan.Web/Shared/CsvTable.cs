using System.Globalization;
using System.Text;

namespace Masterplan.Web.Shared;

/// <summary>A problem in an uploaded CSV file, with the line it is on (1 = the header); the message is a resource key with arguments.</summary>
public sealed record CsvError(int Line, string Key, params object[] Args)
{
    public FieldError Error => new("", Key, Args);

    /// <summary>The message alone, in the current UI culture.</summary>
    public string Message(Microsoft.Extensions.Localization.IStringLocalizer t) => Error.Localize(t);

    /// <summary>"Zeile 3: …" in the current UI culture.</summary>
    public string Localize(Microsoft.Extensions.Localization.IStringLocalizer t) =>
        Line > 0 ? t["Zeile {0}: {1}", Line, Message(t)].Value : Message(t);

    public override string ToString() => Line > 0 ? $"Zeile {Line}: {Error.German}" : Error.German;
}

/// <summary>One data record of a CSV file and the line on which it starts.</summary>
public sealed record CsvRow(int Line, IReadOnlyList<string> Fields)
{
    public string Get(int column) => column >= 0 && column < Fields.Count ? Fields[column].Trim() : "";
}

/// <summary>
/// A CSV file as the Office uploads it: UTF-8 (with or without BOM), the separator taken from the header line
/// (';' as German spreadsheet programs write it, ',' or tab), RFC 4180 quoting. Problems are German and name the line.
/// </summary>
public sealed class CsvTable
{
    private CsvTable(char separator, IReadOnlyList<string> header, IReadOnlyList<CsvRow> rows)
    {
        Separator = separator;
        Header = header;
        Rows = rows;
    }

    public char Separator { get; }

    public IReadOnlyList<string> Header { get; }

    public IReadOnlyList<CsvRow> Rows { get; }

    /// <summary>
    /// Writes rows as a CSV file for spreadsheet programs: RFC 4180 (comma, CRLF, fields with a comma, quote or line
    /// break quoted, quotes doubled), UTF-8 with a BOM so Excel reads umlauts. A cell that starts with = + - @, a tab or a
    /// carriage return gets a leading apostrophe, so a spreadsheet shows it as text instead of running it as a formula
    /// (OWASP "CSV injection").
    /// </summary>
    /// <param name="numericColumns">
    /// Columns whose cells are numbers written by the program (invariant culture): a negative number there stays a number
    /// instead of getting the apostrophe. Any other text in them is escaped as usual.
    /// </param>
    public static byte[] Write(IEnumerable<IEnumerable<string?>> rows, IReadOnlySet<int>? numericColumns = null)
    {
        using var buffer = new MemoryStream();
        Write(buffer, rows, numericColumns);
        return buffer.ToArray();
    }

    /// <summary>The same into a stream (a file), row by row: a large table is never held as text in memory.</summary>
    public static void Write(Stream stream, IEnumerable<IEnumerable<string?>> rows, IReadOnlySet<int>? numericColumns = null)
    {
        using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 1 << 16, leaveOpen: true);
        foreach (var row in rows)
        {
            var i = 0;
            foreach (var value in row)
            {
                if (i > 0)
                {
                    writer.Write(',');
                }

                writer.Write(Cell(value, numericColumns?.Contains(i) == true));
                i++;
            }

            writer.Write("\r\n");
        }
    }

    private static string Cell(string? value, bool numeric)
    {
        value ??= "";
        if (numeric && decimal.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out _))
        {
            return value;
        }

        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    /// <summary>Reads the file; null (and at least one error) when it cannot be read at all.</summary>
    public static CsvTable? Read(byte[] bytes, List<CsvError> errors, int maxRows = 20_000)
    {
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            errors.Add(new CsvError(0, "Die Datei ist nicht UTF-8-kodiert. Speichern Sie sie bitte als „CSV UTF-8“ und laden Sie sie erneut hoch."));
            return null;
        }

        text = text.TrimStart('\uFEFF');
        var firstLine = text.Split('\n', 2)[0];
        var separator = firstLine.Contains(';') ? ';' : firstLine.Contains('\t') ? '\t' : ',';
        var records = Split(text, separator, errors);
        if (records.Count == 0)
        {
            errors.Add(new CsvError(0, "Die Datei ist leer."));
            return null;
        }

        if (records.Count - 1 > maxRows)
        {
            errors.Add(new CsvError(0, "Die Datei hat {0} Datenzeilen; höchstens {1} sind erlaubt.", records.Count - 1, maxRows));
            return null;
        }

        var header = records[0].Fields.Select(h => h.Trim()).ToList();
        return new CsvTable(separator, header, records.Skip(1).ToList());
    }

    /// <summary>The column whose header is one of <paramref name="names"/> (case-insensitive), or -1.</summary>
    public int Column(params string[] names)
    {
        for (var i = 0; i < Header.Count; i++)
        {
            if (names.Any(n => string.Equals(n, Header[i], StringComparison.OrdinalIgnoreCase)))
            {
                return i;
            }
        }

        return -1;
    }

    private static List<CsvRow> Split(string text, char separator, List<CsvError> errors)
    {
        var rows = new List<CsvRow>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var (line, start, inQuotes, quoted) = (1, 1, false, false);
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (inQuotes)
            {
                if (ch == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (ch == '"')
                {
                    inQuotes = false;
                }
                else
                {
                    line += ch == '\n' ? 1 : 0;
                    field.Append(ch);
                }

                continue;
            }

            if (ch == '"' && field.Length == 0 && !quoted)
            {
                (inQuotes, quoted) = (true, true);
            }
            else if (ch == separator)
            {
                fields.Add(field.ToString());
                (field, quoted) = (new StringBuilder(), false);
            }
            else if (ch == '\n')
            {
                End();
                line++;
                start = line;
            }
            else if (ch != '\r')
            {
                field.Append(ch);
            }
        }

        if (inQuotes)
        {
            errors.Add(new CsvError(start, "Ein Feld in Anführungszeichen wird bis zum Dateiende nicht geschlossen."));
        }

        End();
        return rows;

        void End()
        {
            fields.Add(field.ToString());
            if (fields.Count > 1 || fields[0].Trim().Length > 0)
            {
                rows.Add(new CsvRow(start, [.. fields]));
            }

            fields = [];
            (field, quoted) = (new StringBuilder(), false);
        }
    }
}
