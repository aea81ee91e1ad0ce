using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Unicode;

namespace Masterplan.Algorithms.Invitations;

/// <summary>Reads and checks a register extract in CSV form (docs/domain.md#two-stage-draw); a file with any problem yields no residents.</summary>
/// <remarks>
/// <para>
/// Format: UTF-8 (a BOM is allowed), separator ';', ',' or tab (whichever occurs most often in the header
/// line; ';' on a tie), RFC 4180 quoting. The header names the columns in any order, case-insensitively;
/// spaces and hyphens count as underscores. Accepted names:
/// name: <c>name</c> (or <c>vorname</c>/<c>first_name</c> together with <c>nachname</c>/<c>familienname</c>/<c>last_name</c>, joined with a space);
/// address: <c>anschrift</c>, <c>adresse</c>, <c>address</c>;
/// birth year: <c>geburtsjahr</c>, <c>birth_year</c>, <c>year_of_birth</c>;
/// gender: <c>geschlecht</c>, <c>gender</c>, <c>sex</c>;
/// district: <c>stadtbezirk</c>, <c>bezirk</c>, <c>district</c>;
/// optional sub-district: <c>statistischer_bezirk</c>, <c>stat_bezirk</c>, <c>sub_district</c>, <c>subdistrict</c>.
/// Other columns are ignored and not kept (data minimisation).
/// </para>
/// <para>
/// Checks, each reported with its line and collected over the whole file: the file is UTF-8 (a Latin-1 or
/// Windows-1252 file is named as such, with the fix; its other checks still run on the Latin-1 reading), the
/// required columns exist once each, every row has as many fields as the header, required fields are not
/// empty and hold no line break or control character, the birth year is a number not after the reference
/// year and implies an age from <see cref="RegisterReadOptions.MinimumAge"/> to
/// <see cref="RegisterReadOptions.MaximumAge"/>, the gender is one of the register's values, the district is one
/// of the given ones, and nobody appears twice (same name, address and birth year, ignoring case and runs of
/// spaces; the later line names the earlier). When the sub-district column exists, it must be filled in.
/// </para>
/// <para>
/// Gender values (case-insensitive): the register's codes <c>m</c>, <c>w</c>, <c>d</c>, <c>x</c>; their words
/// <c>männlich</c>, <c>weiblich</c>, <c>divers</c>, <c>ohne Angabe</c>/<c>keine Angabe</c>; and the English
/// <c>male</c>, <c>female</c>, <c>f</c>, <c>diverse</c>, <c>unspecified</c>, which exports of English-language
/// software use. Districts match ignoring case, spaces, hyphens and dots, and with ä/ö/ü/ß written as ae/oe/ue/ss;
/// the extract keeps the spelling of the given list.
/// </para>
/// <para>
/// The file is read as a stream in one pass; 600,000 rows take a few seconds and about 45 MB for the result.
/// </para>
/// </remarks>
public static class RegisterExtractReader
{
    private static readonly string[] NameColumns = ["name", "vollname", "full_name"];
    private static readonly string[] FirstNameColumns = ["vorname", "vornamen", "first_name", "given_name"];
    private static readonly string[] LastNameColumns = ["nachname", "familienname", "last_name", "family_name", "surname"];
    private static readonly string[] AddressColumns = ["anschrift", "adresse", "address", "postanschrift"];
    private static readonly string[] BirthYearColumns = ["geburtsjahr", "birth_year", "year_of_birth", "birthyear"];
    private static readonly string[] GenderColumns = ["geschlecht", "gender", "sex"];
    private static readonly string[] DistrictColumns = ["stadtbezirk", "bezirk", "district"];
    private static readonly string[] SubDistrictColumns = ["statistischer_bezirk", "stat_bezirk", "sub_district", "subdistrict", "statistical_district"];

    private const string AcceptedColumns =
        "name (or vorname and nachname), anschrift (or adresse, address), geburtsjahr (or birth_year), geschlecht (or gender), stadtbezirk (or district), optionally statistischer_bezirk (or sub_district)";

    /// <summary>Reads the file at <paramref name="path"/>.</summary>
    /// <exception cref="RegisterExtractException">The file has problems; nothing was imported.</exception>
    public static RegisterExtract Read(string path, RegisterReadOptions options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        return Read(stream, Path.GetFileName(path), options);
    }

    /// <summary>Reads from <paramref name="stream"/>; <paramref name="fileName"/> appears in the messages.</summary>
    /// <exception cref="RegisterExtractException">The file has problems; nothing was imported.</exception>
    public static RegisterExtract Read(Stream stream, string fileName, RegisterReadOptions options)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.MaxErrors);
        return new Parser(stream, fileName ?? string.Empty, options).Run();
    }

    /// <summary>Parses a gender value as described in the remarks of the type.</summary>
    public static RegisterGender? ParseGender(ReadOnlySpan<char> value)
    {
        var v = value.Trim();
        if (v.Length == 1)
        {
            return char.ToLowerInvariant(v[0]) switch
            {
                'm' => RegisterGender.Male,
                'w' or 'f' => RegisterGender.Female,
                'd' => RegisterGender.Diverse,
                'x' => RegisterGender.Unspecified,
                _ => null,
            };
        }

        return v.ToString().ToLowerInvariant() switch
        {
            "männlich" or "maennlich" or "male" => RegisterGender.Male,
            "weiblich" or "female" => RegisterGender.Female,
            "divers" or "diverse" => RegisterGender.Diverse,
            "ohne angabe" or "keine angabe" or "unspecified" => RegisterGender.Unspecified,
            _ => null,
        };
    }

    private sealed class Parser(Stream stream, string file, RegisterReadOptions options)
    {
        private readonly List<RegisterExtractError> _errors = [];
        private int _omitted;
        private int _firstInvalidLine;
        private string _firstInvalidDetail = string.Empty;
        private readonly List<int> _invalidLines = [];
        private int _invalidLineCount;

        public RegisterExtract Run()
        {
            var csv = new Utf8CsvReader(stream);
            var start = csv.Unread;
            if (start.Length == 0)
            {
                throw Fail(0, RegisterErrorKind.EmptyFile, "The file is empty.");
            }

            if (start.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || start.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) || start[..Math.Min(start.Length, 4096)].Contains((byte)0))
            {
                throw Fail(0, RegisterErrorKind.Encoding, "The file is UTF-16 (or not a text file), not UTF-8. Save it as UTF-8 (in Excel: \"CSV UTF-8\"), e.g. iconv -f UTF-16 -t UTF-8 extract.csv > extract-utf8.csv.");
            }

            if (start.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            {
                csv.Skip(3);
            }

            csv.Separator = csv.DetectSeparator();
            if (!csv.Read(RowShapeError))
            {
                throw Fail(0, RegisterErrorKind.EmptyFile, "The file is empty.");
            }

            var columns = ReadHeader(csv);
            using var builder = new RegisterExtractBuilder(options.Districts, columns.SubDistrict >= 0);
            var refYear = options.ReferenceDate.Year;
            var refDate = options.ReferenceDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var districtList = string.Join(", ", builder.Districts);
            var expectedFields = columns.Count;
            var sep = csv.Separator == '\t' ? "tab" : $"'{(char)csv.Separator}'";

            while (csv.Read(RowShapeError))
            {
                var line = csv.Line;
                var latin1 = CheckEncoding(csv.RecordBytes, line);
                if (csv.FieldCount != expectedFields)
                {
                    Error(line, RegisterErrorKind.RowShape, $"The row has {csv.FieldCount} fields, the header has {expectedFields}. A field that contains the separator {sep} must be in double quotes.");
                    continue;
                }

                var ok = true;
                string? name;
                if (columns.Name >= 0)
                {
                    name = Text(csv, columns.Name, latin1, line, ref ok);
                }
                else
                {
                    var given = Text(csv, columns.FirstName, latin1, line, ref ok);
                    var family = Text(csv, columns.LastName, latin1, line, ref ok);
                    name = given is null || family is null ? null : $"{given} {family}";
                }

                var address = Text(csv, columns.Address, latin1, line, ref ok);
                var yearText = Text(csv, columns.BirthYear, latin1, line, ref ok);
                var genderText = Text(csv, columns.Gender, latin1, line, ref ok);
                var districtText = Text(csv, columns.District, latin1, line, ref ok);
                var subText = columns.SubDistrict >= 0 ? Text(csv, columns.SubDistrict, latin1, line, ref ok) : null;

                var year = 0;
                if (yearText is not null)
                {
                    if (yearText.Length is < 1 or > 4 || !int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out year))
                    {
                        ok = Error(line, RegisterErrorKind.BirthYear, $"The birth year '{yearText}' is not a year (four digits expected).", yearText, RegisterErrorReason.NotAYear);
                    }
                    else if (year > refYear)
                    {
                        ok = Error(line, RegisterErrorKind.BirthYear, $"The birth year {year} lies after the reference date {refDate}.", yearText, RegisterErrorReason.AfterReferenceDate);
                    }
                    else if (refYear - year > options.MaximumAge)
                    {
                        ok = Error(line, RegisterErrorKind.BirthYear, $"The birth year {year} means an age of {refYear - year} in {refYear}; more than {options.MaximumAge} is impossible.", yearText, RegisterErrorReason.AboveMaximumAge, limit: options.MaximumAge);
                    }
                    else if (refYear - year < options.MinimumAge)
                    {
                        ok = Error(line, RegisterErrorKind.BirthYear, $"The birth year {year} means an age of {refYear - year} in {refYear}; the extract should hold residents aged {options.MinimumAge} or more only.", yearText, RegisterErrorReason.BelowMinimumAge, limit: options.MinimumAge);
                    }
                }

                var gender = RegisterGender.Unspecified;
                if (genderText is not null)
                {
                    if (ParseGender(genderText) is { } g)
                    {
                        gender = g;
                    }
                    else
                    {
                        ok = Error(line, RegisterErrorKind.Gender, $"The gender '{genderText}' is unknown; the register uses m, w, d and x (also accepted: männlich, weiblich, divers, ohne Angabe, male, female, f, diverse).", genderText);
                    }
                }

                var district = -1;
                if (districtText is not null)
                {
                    if (builder.FindDistrict(districtText.AsSpan()) is { } d)
                    {
                        district = d;
                    }
                    else
                    {
                        ok = Error(line, RegisterErrorKind.District, $"The district '{districtText}' is not one of the {builder.Districts.Count} districts: {districtList}.", districtText);
                    }
                }

                // Non-short-circuit &: every field too long is reported.
                ok &= FitsLength(line, name, columns.Name) & FitsLength(line, address, columns.Address) & FitsLength(line, subText, columns.SubDistrict);
                if (!ok)
                {
                    continue;
                }

                var sub = subText is null ? -1 : builder.InternSubDistrict(subText.AsSpan());
                var duplicateOf = builder.Add(line, name!, address!, year, gender, district, sub);
                if (duplicateOf >= 0)
                {
                    Error(line, RegisterErrorKind.Duplicate, $"The same person as on line {builder.Lines[duplicateOf]} (same name, address and birth year).", otherLine: builder.Lines[duplicateOf]);
                }
            }

            if (_firstInvalidLine > 0)
            {
                var more = _invalidLineCount > 1
                    ? $", and {_invalidLineCount - 1} more lines have such bytes (lines {string.Join(", ", _invalidLines.Skip(1))}{(_invalidLineCount > _invalidLines.Count ? ", …" : string.Empty)})"
                    : string.Empty;
                var message = $"The file is not valid UTF-8: this line has {_firstInvalidDetail}{more}. The file was probably saved as ISO-8859-1 or Windows-1252 (Excel's plain \"CSV\"). Save it as \"CSV UTF-8\", or convert it, e.g. iconv -f WINDOWS-1252 -t UTF-8 extract.csv > extract-utf8.csv.";
                _errors.Add(new RegisterExtractError(file, _firstInvalidLine, RegisterErrorKind.Encoding, message));
            }

            if (_errors.Count > 0)
            {
                throw new RegisterExtractException([.. _errors.OrderBy(e => e.Line)], _omitted);
            }

            return new RegisterExtract(builder);
        }

        private Columns ReadHeader(Utf8CsvReader csv)
        {
            var latin1 = CheckEncoding(csv.RecordBytes, csv.Line);
            var names = new string[csv.FieldCount];
            for (var i = 0; i < names.Length; i++)
            {
                names[i] = Decode(csv.Field(i), latin1).Trim();
            }

            _header = names;

            var keys = names.Select(n => n.Normalize(NormalizationForm.FormC).ToLowerInvariant().Replace(' ', '_').Replace('-', '_')).ToArray();
            var problems = new List<RegisterExtractError>();
            int Find(string[] accepted, string meaning)
            {
                var found = Enumerable.Range(0, keys.Length).Where(i => accepted.Contains(keys[i])).ToList();
                if (found.Count > 1)
                {
                    problems.Add(new RegisterExtractError(file, csv.Line, RegisterErrorKind.Header, $"The columns {string.Join(" and ", found.Select(i => $"'{names[i]}'"))} all mean the {meaning}; keep one.")
                    {
                        Value = string.Join(", ", found.Select(i => names[i])), Reason = RegisterErrorReason.DuplicateColumns,
                    });
                }

                return found.Count > 0 ? found[0] : -1;
            }

            var c = new Columns
            {
                Count = names.Length,
                Name = Find(NameColumns, "name"),
                FirstName = Find(FirstNameColumns, "first name"),
                LastName = Find(LastNameColumns, "family name"),
                Address = Find(AddressColumns, "address"),
                BirthYear = Find(BirthYearColumns, "birth year"),
                Gender = Find(GenderColumns, "gender"),
                District = Find(DistrictColumns, "district"),
                SubDistrict = Find(SubDistrictColumns, "sub-district"),
            };
            var missing = new List<string>();
            if (c.Name < 0 && (c.FirstName < 0 || c.LastName < 0))
            {
                missing.Add(c.FirstName >= 0 ? "nachname (family name, to go with vorname)" : c.LastName >= 0 ? "vorname (first name, to go with nachname)" : "name");
            }

            if (c.Address < 0)
            {
                missing.Add("anschrift (address)");
            }

            if (c.BirthYear < 0)
            {
                missing.Add("geburtsjahr (birth year)");
            }

            if (c.Gender < 0)
            {
                missing.Add("geschlecht (gender)");
            }

            if (c.District < 0)
            {
                missing.Add("stadtbezirk (district)");
            }

            if (missing.Count > 0)
            {
                var sep = csv.Separator == '\t' ? "\t" : ((char)csv.Separator).ToString();
                problems.Insert(0, new RegisterExtractError(file, csv.Line, RegisterErrorKind.Header,
                    $"Missing {(missing.Count == 1 ? "column" : "columns")}: {string.Join(", ", missing)}. The header is '{string.Join(sep, names)}'; accepted column names: {AcceptedColumns}.")
                {
                    // The column names themselves, without the English explanation in brackets.
                    Value = string.Join(", ", missing.Select(m => m.Split(' ')[0])), Reason = RegisterErrorReason.MissingColumns,
                });
            }

            if (problems.Count > 0)
            {
                throw new RegisterExtractException(problems);
            }

            return c;
        }

        /// <summary>The trimmed, NFC-normalised field, or null (with an error) when it is empty or has a control character.</summary>
        private string? Text(Utf8CsvReader csv, int column, bool latin1, int line, ref bool ok)
        {
            var bytes = csv.Field(column);
            var text = Decode(bytes, latin1).Trim();
            if (text.Length == 0)
            {
                ok = Error(line, RegisterErrorKind.EmptyField, $"The field '{ColumnName(column)}' is empty.", ColumnName(column));
                return null;
            }

            if (text.AsSpan().ContainsAnyInRange('\0', '\u001F') || text.Contains('\u007F', StringComparison.Ordinal))
            {
                ok = Error(line, RegisterErrorKind.ControlCharacter, $"The field '{ColumnName(column)}' contains a line break or another control character; it must be on one line.", ColumnName(column));
                return null;
            }

            return text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
        }

        /// <summary>Whether a field is within <see cref="RegisterReadOptions.MaximumFieldLength"/>; column -1 is the name put together from first and family name.</summary>
        private bool FitsLength(int line, string? text, int column)
        {
            if (text is null || text.Length <= options.MaximumFieldLength)
            {
                return true;
            }

            var name = column < 0 ? "name" : ColumnName(column);
            return Error(line, RegisterErrorKind.TooLong, $"The field '{name}' has {text.Length} characters; at most {options.MaximumFieldLength} are possible.", name, limit: options.MaximumFieldLength);
        }

        private string ColumnName(int column) => _header is null ? column.ToString(CultureInfo.InvariantCulture) : _header[column];

        private string[]? _header;

        private static string Decode(ReadOnlySpan<byte> bytes, bool latin1) =>
            latin1 ? Encoding.Latin1.GetString(bytes) : Encoding.UTF8.GetString(bytes);

        /// <summary>Notes a line that is not valid UTF-8; true when it should be read as Latin-1 instead.</summary>
        private bool CheckEncoding(ReadOnlySpan<byte> record, int line)
        {
            if (Ascii.IsValid(record) || Utf8.IsValid(record))
            {
                return false;
            }

            _invalidLineCount++;
            if (_invalidLines.Count < 10)
            {
                _invalidLines.Add(line);
            }

            if (_firstInvalidLine == 0)
            {
                _firstInvalidLine = line;
                var buffer = ArrayPool<char>.Shared.Rent(record.Length);
                Utf8.ToUtf16(record, buffer, out var valid, out _, replaceInvalidSequences: false);
                ArrayPool<char>.Shared.Return(buffer);
                var b = record[valid];
                _firstInvalidDetail = b >= 0xA0
                    ? $"the byte 0x{b:X2}, which is '{(char)b}' in ISO-8859-1/Windows-1252"
                    : $"the byte 0x{b:X2}, which is not UTF-8";
            }

            return true;
        }

        private void RowShapeError(int line, string message) => Error(line, RegisterErrorKind.RowShape, message);

        /// <summary>Records a problem; always returns false so that callers can write <c>ok = Error(…)</c>.</summary>
        private bool Error(int line, RegisterErrorKind kind, string message, string? value = null, RegisterErrorReason reason = RegisterErrorReason.None, int? otherLine = null, int? limit = null)
        {
            if (_errors.Count < options.MaxErrors)
            {
                _errors.Add(new RegisterExtractError(file, line, kind, message) { Value = value, Reason = reason, OtherLine = otherLine, Limit = limit });
            }
            else
            {
                _omitted++;
            }

            return false;
        }

        private RegisterExtractException Fail(int line, RegisterErrorKind kind, string message) =>
            new([new RegisterExtractError(file, line, kind, message)]);

        private sealed class Columns
        {
            public int Count { get; init; }

            public int Name { get; init; }

            public int FirstName { get; init; }

            public int LastName { get; init; }

            public int Address { get; init; }

            public int BirthYear { get; init; }

            public int Gender { get; init; }

            public int District { get; init; }

            public int SubDistrict { get; init; }
        }
    }
}
