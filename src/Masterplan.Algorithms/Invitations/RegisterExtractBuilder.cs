using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Masterplan.Algorithms.Invitations;

/// <summary>Collects residents into the compact columns of a <see cref="RegisterExtract"/>, finds duplicates and hashes the canonical rows.</summary>
internal sealed class RegisterExtractBuilder : IDisposable
{
    private readonly Dictionary<string, int> _districtExact = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, int> _districtLenient = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _subDistricts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _districtLookup;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _subDistrictLookup;
    private readonly List<string> _subDistrictNames = [];

    // Duplicate detection keeps a 64-bit hash of the normalised (name, address, birth year) per resident and
    // compares the texts only when two hashes are equal; a real collision goes to the overflow list.
    private readonly Dictionary<ulong, int> _firstByKey = [];
    private readonly Dictionary<ulong, List<int>> _collisions = [];

    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly byte[] _hashBuffer = new byte[1 << 16];
    private int _hashUsed;
    private byte[] _utf8 = new byte[1024];

    public RegisterExtractBuilder(IReadOnlyList<string> districts, bool hasSubDistricts)
    {
        ArgumentNullException.ThrowIfNull(districts);
        if (districts.Count is 0 or > 255)
        {
            throw new ArgumentException("Between 1 and 255 districts are needed.", nameof(districts));
        }

        var names = new List<string>(districts.Count);
        foreach (var d in districts)
        {
            var name = string.IsNullOrWhiteSpace(d) ? string.Empty : Canonical(d);
            if (name.Length == 0 || !_districtExact.TryAdd(name, names.Count))
            {
                throw new ArgumentException($"District names must be non-empty and distinct; '{d}' is not.", nameof(districts));
            }

            _districtLenient.TryAdd(LenientKey(name), names.Count);
            names.Add(name);
        }

        Districts = names;
        HasSubDistricts = hasSubDistricts;
        _districtLookup = _districtExact.GetAlternateLookup<ReadOnlySpan<char>>();
        _subDistrictLookup = _subDistricts.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public IReadOnlyList<string> Districts { get; }

    public bool HasSubDistricts { get; }

    public IReadOnlyList<string> SubDistrictNames => _subDistrictNames;

    public TextStore Text { get; } = new();

    public List<int> Lines { get; } = [];

    public List<int> NameStart { get; } = [];

    public List<int> NameLength { get; } = [];

    public List<int> AddressStart { get; } = [];

    public List<int> AddressLength { get; } = [];

    public List<short> BirthYears { get; } = [];

    public List<byte> Genders { get; } = [];

    public List<byte> DistrictIndices { get; } = [];

    public List<int> SubDistrictIndices { get; } = [];

    /// <summary>Trimmed and in Unicode normalisation form C.</summary>
    public static string Canonical(string text)
    {
        var t = text.Trim();
        return t.IsNormalized(NormalizationForm.FormC) ? t : t.Normalize(NormalizationForm.FormC);
    }

    /// <summary>
    /// The district's position: exact match ignoring case first, then ignoring spaces, hyphens, dots and
    /// underscores and with ä/ö/ü/ß written as ae/oe/ue/ss ("Innenstadt West", "LUETGENDORTMUND").
    /// </summary>
    public int? FindDistrict(ReadOnlySpan<char> name)
    {
        if (_districtLookup.TryGetValue(name, out var d))
        {
            return d;
        }

        return _districtLenient.TryGetValue(LenientKey(name), out d) ? d : null;
    }

    public int? FindDistrict(string name) => FindDistrict(Canonical(name).AsSpan());

    public int InternSubDistrict(ReadOnlySpan<char> name)
    {
        if (_subDistrictLookup.TryGetValue(name, out var index))
        {
            return index;
        }

        var text = name.ToString();
        index = _subDistrictNames.Count;
        _subDistricts.Add(text, index);
        _subDistrictNames.Add(text);
        return index;
    }

    /// <summary>Adds a resident whose texts are canonical; returns the index of an earlier resident with the same name, address and birth year, or -1.</summary>
    public int Add(int line, ReadOnlySpan<char> name, ReadOnlySpan<char> address, int birthYear, RegisterGender gender, int district, int subDistrict)
    {
        var row = Lines.Count;
        Lines.Add(line);
        var nameBytes = Encode(name);
        NameStart.Add(Text.Add(nameBytes));
        NameLength.Add(nameBytes.Length);
        AppendToHash(nameBytes);
        AppendToHash("\t"u8);
        var addressBytes = Encode(address);
        AddressStart.Add(Text.Add(addressBytes));
        AddressLength.Add(addressBytes.Length);
        AppendToHash(addressBytes);
        BirthYears.Add((short)Math.Clamp(birthYear, short.MinValue, short.MaxValue));
        Genders.Add((byte)gender);
        DistrictIndices.Add((byte)district);
        SubDistrictIndices.Add(subDistrict);

        Span<byte> tail = stackalloc byte[32];
        var written = Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"\t{birthYear}\t{GenderCode(gender)}\t"), tail);
        AppendToHash(tail[..written]);
        AppendToHash(Encoding.UTF8.GetBytes(Districts[district]));
        AppendToHash("\t"u8);
        if (subDistrict >= 0)
        {
            AppendToHash(Encoding.UTF8.GetBytes(_subDistrictNames[subDistrict]));
        }

        AppendToHash("\n"u8);
        return FindOrAddDuplicate(row, PersonKeyHash(name, address, birthYear));
    }

    public void Dispose() => _hash.Dispose();

    public string FinishHash()
    {
        _hash.AppendData(_hashBuffer, 0, _hashUsed);
        _hashUsed = 0;
        return Convert.ToHexStringLower(_hash.GetHashAndReset());
    }

    /// <summary>The register's one-letter code: m, w, d, x.</summary>
    public static char GenderCode(RegisterGender gender) => gender switch
    {
        RegisterGender.Male => 'm',
        RegisterGender.Female => 'w',
        RegisterGender.Diverse => 'd',
        _ => 'x',
    };

    private int FindOrAddDuplicate(int row, ulong key)
    {
        if (_firstByKey.TryAdd(key, row))
        {
            return -1;
        }

        var first = _firstByKey[key];
        if (SamePerson(first, row))
        {
            return first;
        }

        if (!_collisions.TryGetValue(key, out var others))
        {
            _collisions[key] = [row];
            return -1;
        }

        foreach (var other in others)
        {
            if (SamePerson(other, row))
            {
                return other;
            }
        }

        others.Add(row);
        return -1;
    }

    private bool SamePerson(int a, int b) =>
        BirthYears[a] == BirthYears[b]
        && NormalizedKey(Text.GetString(NameStart[a], NameLength[a])) == NormalizedKey(Text.GetString(NameStart[b], NameLength[b]))
        && NormalizedKey(Text.GetString(AddressStart[a], AddressLength[a])) == NormalizedKey(Text.GetString(AddressStart[b], AddressLength[b]));

    /// <summary>FNV-1a (64 bit) over the normalised name and address (whitespace runs as one space, upper case) and the birth year.</summary>
    private static ulong PersonKeyHash(ReadOnlySpan<char> name, ReadOnlySpan<char> address, int birthYear)
    {
        const ulong prime = 1099511628211UL;
        var h = 14695981039346656037UL;
        h = Part(h, name);
        h = Part(h, address);
        return (h ^ (uint)birthYear) * prime;

        static ulong Part(ulong h, ReadOnlySpan<char> part)
        {
            var space = false;
            foreach (var c in part)
            {
                if (char.IsWhiteSpace(c))
                {
                    space = true;
                    continue;
                }

                if (space)
                {
                    h = (h ^ ' ') * prime;
                    space = false;
                }

                h = (h ^ char.ToUpperInvariant(c)) * prime;
            }

            return (h ^ 0x1F) * prime;
        }
    }

    private static string NormalizedKey(string text) =>
        string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToUpperInvariant();

    private static string LenientKey(ReadOnlySpan<char> name)
    {
        var sb = new StringBuilder(name.Length + 4);
        foreach (var c in name)
        {
            switch (char.ToLowerInvariant(c))
            {
                case ' ' or '-' or '.' or '_' or '\u2010' or '\u2011' or '\u2013':
                    break;
                case 'ä':
                    sb.Append("ae");
                    break;
                case 'ö':
                    sb.Append("oe");
                    break;
                case 'ü':
                    sb.Append("ue");
                    break;
                case 'ß':
                    sb.Append("ss");
                    break;
                case var lower:
                    sb.Append(lower);
                    break;
            }
        }

        return sb.ToString();
    }

    private ReadOnlySpan<byte> Encode(ReadOnlySpan<char> text)
    {
        var max = Encoding.UTF8.GetMaxByteCount(text.Length);
        if (_utf8.Length < max)
        {
            _utf8 = new byte[Math.Max(max, _utf8.Length * 2)];
        }

        return _utf8.AsSpan(0, Encoding.UTF8.GetBytes(text, _utf8));
    }

    private void AppendToHash(ReadOnlySpan<byte> bytes)
    {
        if (_hashUsed + bytes.Length > _hashBuffer.Length)
        {
            _hash.AppendData(_hashBuffer, 0, _hashUsed);
            _hashUsed = 0;
            if (bytes.Length > _hashBuffer.Length)
            {
                _hash.AppendData(bytes);
                return;
            }
        }

        bytes.CopyTo(_hashBuffer.AsSpan(_hashUsed));
        _hashUsed += bytes.Length;
    }
}
