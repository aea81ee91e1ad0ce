using System.Text;

namespace Masterplan.Algorithms.Sortition;

/// <summary>A small RFC 4180 reader: quoted fields, doubled quotes, line breaks inside quotes, CRLF or LF, a BOM.</summary>
internal static class CsvRecords
{
    /// <summary>The non-blank records, each with the line on which it starts.</summary>
    public static IEnumerable<(int Line, string[] Fields)> Read(TextReader reader, Action<int, string> onError)
    {
        var line = 1;
        var fields = new List<string>();
        var field = new StringBuilder();
        var inQuotes = false;
        var quotedField = false;
        var startLine = 1;
        int c;
        while ((c = reader.Read()) != -1)
        {
            var ch = (char)c;
            if (inQuotes)
            {
                if (ch == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        reader.Read();
                        field.Append('"');
                    }
                    else
                    {
                        inQuotes = false;
                    }
                }
                else
                {
                    if (ch == '\n')
                    {
                        line++;
                    }

                    field.Append(ch);
                }

                continue;
            }

            switch (ch)
            {
                case '\uFEFF' when field.Length == 0 && fields.Count == 0 && line == 1:
                    break;
                case '"' when field.Length == 0 && !quotedField:
                    inQuotes = true;
                    quotedField = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    quotedField = false;
                    break;
                case '\r':
                    break;
                case '\n':
                    fields.Add(field.ToString());
                    field.Clear();
                    quotedField = false;
                    if (fields.Count > 1 || fields[0].Trim().Length > 0)
                    {
                        yield return (startLine, [.. fields]);
                    }

                    fields.Clear();
                    line++;
                    startLine = line;
                    break;
                default:
                    if (quotedField)
                    {
                        onError(line, "Text after a closing quote; a field that contains quotes must be quoted as a whole, with inner quotes doubled.");
                        quotedField = false;
                    }

                    field.Append(ch);
                    break;
            }
        }

        if (inQuotes)
        {
            onError(startLine, "A quoted field is not closed before the end of the file.");
        }

        fields.Add(field.ToString());
        if (fields.Count > 1 || fields[0].Trim().Length > 0)
        {
            yield return (startLine, [.. fields]);
        }
    }
}
