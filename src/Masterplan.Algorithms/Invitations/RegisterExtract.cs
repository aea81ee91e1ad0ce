using System.Collections;
using System.Text;

namespace Masterplan.Algorithms.Invitations;

/// <summary>
/// A validated population-register extract (Einwohnermelderegister-Auszug), held compactly: names and
/// addresses as UTF-8 in large blocks, birth year, gender and district as small numbers, sub-district names
/// interned. 600,000 residents take about 45 MB.
/// </summary>
/// <remarks>
/// Created by <see cref="RegisterExtractReader"/> (from a CSV file, with every check) or by
/// <see cref="FromPersons"/> (e.g. from rows stored earlier). <see cref="RowsSha256"/> is the SHA-256 of the
/// canonical form of the rows in their order, which <see cref="InviteeDraw.InputHash(RegisterExtract, int, SamplingMethod, DateOnly)"/> builds on: each row as
/// name, address, birth year, gender code (m, w, d, x), district, sub-district (empty if none), separated by a
/// tab and ended by a line feed, in UTF-8 with Unicode normalisation form C, surrounding spaces removed.
/// No field may contain a tab or a line break, so the form is unambiguous.
/// </remarks>
public sealed class RegisterExtract : IReadOnlyList<RegisterPerson>
{
    private readonly TextStore _text;
    private readonly int[] _line;
    private readonly int[] _name;
    private readonly int[] _nameLength;
    private readonly int[] _address;
    private readonly int[] _addressLength;
    private readonly short[] _birthYear;
    private readonly byte[] _gender;
    private readonly byte[] _district;
    private readonly int[] _subDistrict;

    internal RegisterExtract(RegisterExtractBuilder builder)
    {
        _text = builder.Text;
        _line = builder.Lines.ToArray();
        _name = builder.NameStart.ToArray();
        _nameLength = builder.NameLength.ToArray();
        _address = builder.AddressStart.ToArray();
        _addressLength = builder.AddressLength.ToArray();
        _birthYear = builder.BirthYears.ToArray();
        _gender = builder.Genders.ToArray();
        _district = builder.DistrictIndices.ToArray();
        _subDistrict = builder.SubDistrictIndices.ToArray();
        Districts = builder.Districts;
        SubDistricts = builder.SubDistrictNames;
        HasSubDistricts = builder.HasSubDistricts;
        RowsSha256 = builder.FinishHash();
    }

    /// <summary>The number of residents.</summary>
    public int Count => _line.Length;

    /// <summary>The districts the extract was checked against, in the order given.</summary>
    public IReadOnlyList<string> Districts { get; }

    /// <summary>The distinct sub-district names in order of first appearance (empty when the extract has none).</summary>
    public IReadOnlyList<string> SubDistricts { get; }

    /// <summary>Whether the extract names a statistical sub-district for every resident.</summary>
    public bool HasSubDistricts { get; }

    /// <summary>SHA-256 (lower-case hex) of the canonical form of the rows (see the remarks of the type).</summary>
    public string RowsSha256 { get; }

    /// <summary>The resident at <paramref name="index"/> (0-based, in file order).</summary>
    public RegisterPerson this[int index] => new(
        _line[index], NameOf(index), AddressOf(index), _birthYear[index], (RegisterGender)_gender[index],
        Districts[_district[index]], _subDistrict[index] < 0 ? null : SubDistricts[_subDistrict[index]]);

    /// <summary>Creates an extract from residents that were checked before; no duplicate or birth-year checks are made.</summary>
    /// <exception cref="ArgumentException">A district is not in <paramref name="districts"/>, a required field is empty or has a tab or line break, or only some residents have a sub-district.</exception>
    public static RegisterExtract FromPersons(IEnumerable<RegisterPerson> persons, IReadOnlyList<string> districts)
    {
        ArgumentNullException.ThrowIfNull(persons);
        var list = persons as IReadOnlyCollection<RegisterPerson> ?? [.. persons];
        using var builder = new RegisterExtractBuilder(districts, hasSubDistricts: list.Count > 0 && list.First().SubDistrict is not null);
        foreach (var p in list)
        {
            ArgumentNullException.ThrowIfNull(p);
            var district = builder.FindDistrict(p.District)
                ?? throw new ArgumentException($"Line {p.Line}: '{p.District}' is not one of the districts ({string.Join(", ", builder.Districts)}).", nameof(persons));
            if ((p.SubDistrict is null) == builder.HasSubDistricts)
            {
                throw new ArgumentException($"Line {p.Line}: either every resident has a sub-district or none has.", nameof(persons));
            }

            var name = RegisterExtractBuilder.Canonical(p.Name);
            var address = RegisterExtractBuilder.Canonical(p.Address);
            var sub = p.SubDistrict is null ? null : RegisterExtractBuilder.Canonical(p.SubDistrict);
            if (name.Length == 0 || address.Length == 0 || sub is { Length: 0 } || HasControl(name) || HasControl(address) || (sub is not null && HasControl(sub)))
            {
                throw new ArgumentException($"Line {p.Line}: name, address and sub-district must be non-empty and free of tabs and line breaks.", nameof(persons));
            }

            builder.Add(p.Line, name, address, p.BirthYear, p.Gender, district, sub is null ? -1 : builder.InternSubDistrict(sub));
        }

        return new RegisterExtract(builder);
    }

    /// <summary>The 1-based file line of the resident at <paramref name="index"/>.</summary>
    public int LineOf(int index) => _line[index];

    /// <summary>The name of the resident at <paramref name="index"/>.</summary>
    public string NameOf(int index) => _text.GetString(_name[index], _nameLength[index]);

    /// <summary>The address of the resident at <paramref name="index"/>.</summary>
    public string AddressOf(int index) => _text.GetString(_address[index], _addressLength[index]);

    /// <summary>The birth year of the resident at <paramref name="index"/>.</summary>
    public int BirthYearOf(int index) => _birthYear[index];

    /// <summary>The gender of the resident at <paramref name="index"/>.</summary>
    public RegisterGender GenderOf(int index) => (RegisterGender)_gender[index];

    /// <summary>The position in <see cref="Districts"/> of the district of the resident at <paramref name="index"/>.</summary>
    public int DistrictIndexOf(int index) => _district[index];

    /// <summary>The position in <see cref="SubDistricts"/> of the resident's sub-district; -1 when the extract has none.</summary>
    public int SubDistrictIndexOf(int index) => _subDistrict[index];

    /// <inheritdoc/>
    public IEnumerator<RegisterPerson> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private static bool HasControl(string s) => s.AsSpan().ContainsAnyInRange('\0', '\u001F') || s.Contains('\u007F', StringComparison.Ordinal);
}

/// <summary>UTF-8 text in blocks of 1 MiB, addressed by block × 2^20 + offset; no string object per field.</summary>
internal sealed class TextStore
{
    private const int BlockBits = 20;
    private const int BlockSize = 1 << BlockBits;
    private readonly List<byte[]> _blocks = [];
    private int _used = BlockSize;

    public int Add(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > BlockSize)
        {
            throw new ArgumentException("A field longer than 1 MiB cannot be stored.", nameof(utf8));
        }

        if (_used + utf8.Length > BlockSize)
        {
            _blocks.Add(new byte[BlockSize]);
            _used = 0;
        }

        utf8.CopyTo(_blocks[^1].AsSpan(_used));
        var handle = ((_blocks.Count - 1) << BlockBits) | _used;
        _used += utf8.Length;
        return handle;
    }

    public ReadOnlySpan<byte> Get(int handle, int length) => _blocks[handle >>> BlockBits].AsSpan(handle & (BlockSize - 1), length);

    public string GetString(int handle, int length) => Encoding.UTF8.GetString(Get(handle, length));
}
