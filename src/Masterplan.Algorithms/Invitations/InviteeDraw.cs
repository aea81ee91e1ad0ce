using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Masterplan.Algorithms.Random;

namespace Masterplan.Algorithms.Invitations;

/// <summary>
/// Stage 1 of the two-stage draw (docs/domain.md#two-stage-draw): which residents of a register extract get an invitation letter.
/// </summary>
/// <remarks>
/// <para>
/// Simple: N distinct residents uniformly at random (<see cref="SeededRandom.SampleIndices"/> over the extract
/// in file order).
/// </para>
/// <para>
/// Stratified: a stratum is area × age band × gender, where the area is the statistical sub-district if the
/// extract has them and the district otherwise, and the age band is one of <see cref="AgeBands.All"/> for the age
/// reached in the reference year. Strata are put in a canonical order that depends only on their values
/// (district name, then sub-district name, both compared ordinally, then age band, then gender m, w, d, x).
/// Each stratum gets its proportional share N × n_s / n rounded by the largest remainder method (Hare-Niemeyer):
/// first the share rounded down, then one more to each of the strata with the largest remainders until N is
/// reached. The remainders are compared exactly as integers (N × n_s mod n); ties are broken by the seeded
/// generator: the strata are shuffled with it (Fisher–Yates over the canonical order) and then stably sorted
/// by remainder. Then, stratum by stratum in canonical order, the allocated number of residents is drawn
/// uniformly from the stratum's members in file order, with the same generator.
/// </para>
/// <para>
/// Determinism: the generator is the project's own (<see cref="SeededRandom"/>), every order used is defined by
/// the data and not by hash tables, so the same extract, N, method, reference date and seed give the same
/// invitees on every run, machine and .NET version. <see cref="InputHash(RegisterExtract, int, SamplingMethod, DateOnly)"/> fingerprints these inputs.
/// </para>
/// </remarks>
public static class InviteeDraw
{
    /// <summary>
    /// SHA-256 (lower-case hex) of the canonical form of the draw's inputs other than the seed: the UTF-8 text
    /// <c>masterplan invitee draw v1\nrows-sha256: {extract.RowsSha256}\nrows: {count of residents}\ninvitees: {N}\nmethod: {simple|stratified}\nreference-date: {yyyy-MM-dd}\nage-bands: 0-15,16-24,25-34,35-49,50-64,65+\n</c>.
    /// </summary>
    /// <remarks>The rows enter through <see cref="RegisterExtract.RowsSha256"/>, whose canonical form is described at <see cref="RegisterExtract"/>.</remarks>
    public static string InputHash(RegisterExtract extract, int count, SamplingMethod method, DateOnly referenceDate)
    {
        ArgumentNullException.ThrowIfNull(extract);
        return InputHash(extract.RowsSha256, extract.Count, count, method, referenceDate);
    }

    /// <summary>
    /// The same hash from the extract's <see cref="RegisterExtract.RowsSha256"/> and size alone: a published draw that
    /// gives them can be checked against its recorded hash without the register.
    /// </summary>
    public static string InputHash(string rowsSha256, int rows, int count, SamplingMethod method, DateOnly referenceDate)
    {
        ArgumentNullException.ThrowIfNull(rowsSha256);
        var text = string.Create(CultureInfo.InvariantCulture,
            $"masterplan invitee draw v1\nrows-sha256: {rowsSha256}\nrows: {rows}\ninvitees: {count}\nmethod: {MethodName(method)}\nreference-date: {referenceDate:yyyy-MM-dd}\nage-bands: {string.Join(',', AgeBands.All.Select(b => b.Label))}\n");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>Draws <paramref name="count"/> invitees.</summary>
    /// <param name="extract">The register extract.</param>
    /// <param name="count">How many invitees (N), from 1 to the size of the extract.</param>
    /// <param name="method">Simple or stratified.</param>
    /// <param name="referenceDate">The date whose year the ages are computed for (usually the date of the draw).</param>
    /// <param name="seed">The public seed.</param>
    public static InviteeDrawResult Draw(RegisterExtract extract, int count, SamplingMethod method, DateOnly referenceDate, string seed)
    {
        ArgumentNullException.ThrowIfNull(extract);
        ArgumentException.ThrowIfNullOrWhiteSpace(seed);
        if (count < 1 || count > extract.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, $"The number of invitees must be between 1 and the {extract.Count} residents of the extract.");
        }

        var random = new SeededRandom(seed);
        var hash = InputHash(extract, count, method, referenceDate);
        switch (method)
        {
            case SamplingMethod.Simple:
                var drawn = random.SampleIndices(extract.Count, count);
                Array.Sort(drawn);
                return new InviteeDrawResult(seed, method, referenceDate, hash, drawn, []);
            case SamplingMethod.Stratified:
                var (invitees, strata) = DrawStratified(extract, count, referenceDate, random);
                return new InviteeDrawResult(seed, method, referenceDate, hash, invitees, strata);
            default:
                throw new ArgumentOutOfRangeException(nameof(method), method, "Unknown sampling method.");
        }
    }

    /// <summary>
    /// Splits <paramref name="count"/> over groups in proportion to <paramref name="populations"/> by the largest
    /// remainder method; each group gets its share rounded down or up, ties for the last places are broken by
    /// <paramref name="random"/> as described in the remarks of the type.
    /// </summary>
    /// <returns>The number per group, summing to <paramref name="count"/>.</returns>
    public static int[] Allocate(IReadOnlyList<int> populations, int count, SeededRandom random)
    {
        ArgumentNullException.ThrowIfNull(populations);
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        long total = 0;
        foreach (var p in populations)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(p, nameof(populations));
            total += p;
        }

        if (count > total)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, $"Cannot allocate {count} among {total}.");
        }

        var result = new int[populations.Count];
        if (count == 0)
        {
            return result;
        }

        var remainders = new long[populations.Count];
        var given = 0L;
        for (var s = 0; s < populations.Count; s++)
        {
            var product = (long)count * populations[s];
            result[s] = (int)(product / total);
            remainders[s] = product % total;
            given += result[s];
        }

        var order = Enumerable.Range(0, populations.Count).ToArray();
        random.Shuffle(order);
        foreach (var s in order.OrderByDescending(s => remainders[s]).Take((int)(count - given)))
        {
            result[s]++;
        }

        return result;
    }

    private static (int[] Invitees, List<StratumAllocation> Strata) DrawStratified(RegisterExtract extract, int count, DateOnly referenceDate, SeededRandom random)
    {
        const int genders = 4;
        var bands = AgeBands.All.Count;
        var areas = extract.HasSubDistricts ? extract.SubDistricts.Count + 1 : 1;

        // Stratum of every resident, numbered first by first appearance, then renumbered canonically.
        var byKey = new Dictionary<long, int>();
        var keys = new List<long>();
        var stratumOf = new int[extract.Count];
        for (var i = 0; i < extract.Count; i++)
        {
            var area = ((long)extract.DistrictIndexOf(i) * areas) + extract.SubDistrictIndexOf(i) + 1;
            var key = (((area * bands) + AgeBands.IndexOf(AgeBands.Age(extract.BirthYearOf(i), referenceDate))) * genders) + (int)extract.GenderOf(i);
            if (!byKey.TryGetValue(key, out var s))
            {
                s = keys.Count;
                byKey.Add(key, s);
                keys.Add(key);
            }

            stratumOf[i] = s;
        }

        var strata = keys.Select(key =>
        {
            var gender = (RegisterGender)(key % genders);
            var band = (int)(key / genders % bands);
            var area = key / genders / bands;
            var sub = (int)(area % areas) - 1;
            return (District: extract.Districts[(int)(area / areas)], SubDistrict: sub < 0 ? null : extract.SubDistricts[sub], Band: band, Gender: gender);
        }).ToList();
        var canonical = Enumerable.Range(0, strata.Count)
            .OrderBy(s => strata[s].District, StringComparer.Ordinal)
            .ThenBy(s => strata[s].SubDistrict, StringComparer.Ordinal)
            .ThenBy(s => strata[s].Band)
            .ThenBy(s => strata[s].Gender)
            .ToArray();
        var rank = new int[strata.Count];
        for (var r = 0; r < canonical.Length; r++)
        {
            rank[canonical[r]] = r;
        }

        // Members of each stratum in file order (counting sort by canonical rank).
        var populations = new int[strata.Count];
        foreach (var s in stratumOf)
        {
            populations[rank[s]]++;
        }

        var offsets = new int[strata.Count + 1];
        for (var r = 0; r < strata.Count; r++)
        {
            offsets[r + 1] = offsets[r] + populations[r];
        }

        var members = new int[extract.Count];
        var fill = (int[])offsets.Clone();
        for (var i = 0; i < extract.Count; i++)
        {
            members[fill[rank[stratumOf[i]]]++] = i;
        }

        var allocation = Allocate(populations, count, random);
        var invitees = new int[count];
        var next = 0;
        var result = new List<StratumAllocation>(strata.Count);
        for (var r = 0; r < strata.Count; r++)
        {
            foreach (var j in random.SampleIndices(populations[r], allocation[r]))
            {
                invitees[next++] = members[offsets[r] + j];
            }

            var st = strata[canonical[r]];
            result.Add(new StratumAllocation(st.District, st.SubDistrict, AgeBands.All[st.Band], st.Gender, populations[r], (double)count * populations[r] / extract.Count, allocation[r]));
        }

        Array.Sort(invitees);
        return (invitees, result);
    }

    private static string MethodName(SamplingMethod method) => method switch
    {
        SamplingMethod.Simple => "simple",
        SamplingMethod.Stratified => "stratified",
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, "Unknown sampling method."),
    };
}
