namespace Masterplan.Algorithms.Invitations;

/// <summary>
/// A streaming RFC 4180 reader over raw bytes: quoted fields, doubled quotes, line breaks inside quotes,
/// CRLF or LF. Fields stay bytes, so the caller decides how to decode them (and can tell invalid UTF-8 by line).
/// </summary>
internal sealed class Utf8CsvReader
{
    private readonly Stream _stream;
    private readonly byte[] _buffer = new byte[1 << 16];
    private readonly List<(int Start, int Length)> _fields = [];
    private byte[] _record = new byte[1024];
    private int _recordLength;
    private int _pos;
    private int _len;
    private int _nextLine = 1;

    public Utf8CsvReader(Stream stream)
    {
        _stream = stream;

        // Fill the whole buffer once so that the start of the file can be inspected (BOM, separator).
        while (_len < _buffer.Length)
        {
            var n = _stream.Read(_buffer, _len, _buffer.Length - _len);
            if (n == 0)
            {
                break;
            }

            _len += n;
        }
    }

    /// <summary>The bytes not yet read from the first buffer; before the first record, the start of the file.</summary>
    public ReadOnlySpan<byte> Unread => _buffer.AsSpan(_pos, _len - _pos);

    public byte Separator { get; set; } = (byte)';';

    /// <summary>The line on which the current record starts.</summary>
    public int Line { get; private set; }

    public int FieldCount => _fields.Count;

    /// <summary>The current record's field values (quotes removed) one after another.</summary>
    public ReadOnlySpan<byte> RecordBytes => _record.AsSpan(0, _recordLength);

    public ReadOnlySpan<byte> Field(int index) => _record.AsSpan(_fields[index].Start, _fields[index].Length);

    public void Skip(int bytes) => _pos += bytes;

    /// <summary>
    /// The separator of the first line: whichever of ';', tab and ',' occurs most often outside quotes
    /// (';' on a tie, the usual one in German spreadsheets).
    /// </summary>
    public byte DetectSeparator()
    {
        int semicolons = 0, tabs = 0, commas = 0;
        var inQuotes = false;
        foreach (var b in Unread)
        {
            if (b == '"')
            {
                inQuotes = !inQuotes;
            }
            else if (b == '\n' && !inQuotes)
            {
                break;
            }
            else if (!inQuotes)
            {
                semicolons += b == ';' ? 1 : 0;
                tabs += b == '\t' ? 1 : 0;
                commas += b == ',' ? 1 : 0;
            }
        }

        return semicolons >= tabs && semicolons >= commas ? (byte)';' : tabs >= commas ? (byte)'\t' : (byte)',';
    }

    /// <summary>Reads the next record that is not blank; false at the end of the file.</summary>
    public bool Read(Action<int, string> onError)
    {
        while (true)
        {
            _recordLength = 0;
            _fields.Clear();
            Line = _nextLine;
            var fieldStart = 0;
            bool inQuotes = false, pendingQuote = false, quoted = false, any = false, ended = false, reported = false;
            while (_pos < _len || Fill())
            {
                var b = _buffer[_pos++];
                any = true;
                if (inQuotes)
                {
                    if (pendingQuote)
                    {
                        pendingQuote = false;
                        if (b == '"')
                        {
                            Append(b);
                            continue;
                        }

                        inQuotes = false; // the quote closed the field; b is handled below
                    }
                    else
                    {
                        if (b == '"')
                        {
                            pendingQuote = true;
                            continue;
                        }

                        if (b == '\n')
                        {
                            _nextLine++;
                        }

                        Append(b);
                        continue;
                    }
                }

                if (b == Separator)
                {
                    EndField(ref fieldStart);
                    quoted = false;
                }
                else if (b == '\n')
                {
                    _nextLine++;
                    ended = true;
                    break;
                }
                else if (b == '\r' || (quoted && b == ' '))
                {
                    // CR of CRLF; spaces after a closing quote
                }
                else if (b == '"' && _recordLength == fieldStart && !quoted)
                {
                    inQuotes = quoted = true;
                }
                else
                {
                    if (quoted && !reported)
                    {
                        onError(_nextLine, "Text follows a closing quote; a field that contains quotes must be quoted as a whole, with inner quotes doubled.");
                        reported = true;
                    }

                    Append(b);
                }
            }

            if (!any)
            {
                return false;
            }

            if (inQuotes && !pendingQuote)
            {
                onError(Line, "A quoted field is not closed before the end of the file.");
            }

            EndField(ref fieldStart);
            if (!IsBlank())
            {
                return true;
            }

            if (!ended)
            {
                return false;
            }
        }
    }

    private bool IsBlank()
    {
        foreach (var b in RecordBytes)
        {
            if (b is not ((byte)' ' or (byte)'\t'))
            {
                return false;
            }
        }

        return true;
    }

    private void EndField(ref int fieldStart)
    {
        _fields.Add((fieldStart, _recordLength - fieldStart));
        fieldStart = _recordLength;
    }

    private void Append(byte b)
    {
        if (_recordLength == _record.Length)
        {
            Array.Resize(ref _record, _record.Length * 2);
        }

        _record[_recordLength++] = b;
    }

    private bool Fill()
    {
        _pos = 0;
        _len = _stream.Read(_buffer, 0, _buffer.Length);
        return _len > 0;
    }
}
