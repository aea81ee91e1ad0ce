using System.Security.Cryptography;
using System.Text;

namespace Masterplan.Algorithms.Random;

/// <summary>
/// The project's own deterministic random generator for every draw that must be replayable
/// (lots that break seat ties, invitations and panels of the Quartierslabore).
/// </summary>
/// <remarks>
/// xoshiro256** (Blackman and Vigna, 2018). The state is seeded from the SHA-256 of the seed text,
/// so a seed read out in a public session ("17 4 33 8") is usable as it is. Unlike
/// <see cref="System.Random"/>, whose sequence for a given seed may change between .NET versions,
/// the sequence here is fixed by this file: a recorded seed replays the same draw forever.
/// Integers in a range are drawn without modulo bias (Lemire's multiply-and-reject method).
/// Not thread-safe; not for cryptographic use.
/// </remarks>
public sealed class SeededRandom
{
    private ulong _s0, _s1, _s2, _s3;

    /// <summary>Creates a generator whose sequence is fully determined by <paramref name="seed"/>.</summary>
    /// <param name="seed">Any non-empty text, e.g. numbers drawn in a public session.</param>
    public SeededRandom(string seed)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(seed);
        Seed = seed;
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(seed));
        _s0 = BitConverter.ToUInt64(hash, 0);
        _s1 = BitConverter.ToUInt64(hash, 8);
        _s2 = BitConverter.ToUInt64(hash, 16);
        _s3 = BitConverter.ToUInt64(hash, 24);
        if (!BitConverter.IsLittleEndian)
        {
            (_s0, _s1, _s2, _s3) = (Swap(_s0), Swap(_s1), Swap(_s2), Swap(_s3));
        }

        if ((_s0 | _s1 | _s2 | _s3) == 0)
        {
            _s0 = 0x9E3779B97F4A7C15UL; // the all-zero state is the one state xoshiro cannot leave
        }
    }

    /// <summary>The seed text this generator was created with.</summary>
    public string Seed { get; }

    /// <summary>Creates a fresh seed from the operating system's cryptographic generator, for draws without a public seed.</summary>
    public static string NewSeed() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16));

    /// <summary>The next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        var result = RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>A uniformly distributed integer in [0, <paramref name="maxExclusive"/>).</summary>
    public long NextInt64(long maxExclusive)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxExclusive);
        var range = (ulong)maxExclusive;
        var product = Math.BigMul(NextUInt64(), range, out var low);
        if (low < range)
        {
            var threshold = (0 - range) % range;
            while (low < threshold)
            {
                product = Math.BigMul(NextUInt64(), range, out low);
            }
        }

        return (long)product;
    }

    /// <summary>A uniformly distributed integer in [0, <paramref name="maxExclusive"/>).</summary>
    public int NextInt(int maxExclusive) => (int)NextInt64(maxExclusive);

    /// <summary>A uniformly distributed double in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Shuffles <paramref name="items"/> in place (Fisher–Yates).</summary>
    public void Shuffle<T>(IList<T> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = NextInt(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    /// <summary>
    /// Draws <paramref name="count"/> distinct indices from [0, <paramref name="populationSize"/>) uniformly,
    /// in the order drawn (partial Fisher–Yates over a sparse map, so memory grows with the sample, not the population).
    /// </summary>
    public int[] SampleIndices(int populationSize, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(populationSize);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, populationSize);
        var swapped = new Dictionary<int, int>(count);
        var result = new int[count];
        for (var i = 0; i < count; i++)
        {
            var j = i + NextInt(populationSize - i);
            var atJ = swapped.TryGetValue(j, out var vj) ? vj : j;
            var atI = swapped.TryGetValue(i, out var vi) ? vi : i;
            swapped[j] = atI;
            result[i] = atJ;
        }

        return result;
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));

    private static ulong Swap(ulong x) => System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(x);
}
