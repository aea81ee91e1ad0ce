using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Masterplan.Algorithms.SeatAllocation;
using Masterplan.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Masterplan.Web.Features.Organizations;

/// <summary>
/// The public file of a seat-allocation lot (format <see cref="PublicSeatLot.Format"/>, docs/architecture.md "Public draw file"):
/// the fractions' council seats it was drawn for, the tie, the seed with its public act and the winners; replayed by
/// <c>masterplan sortition replay --file</c> without the database.
/// </summary>
public sealed record PublicSeatLotFile
{
    public string Format { get; init; } = PublicSeatLot.Format;

    public string? About { get; init; }

    /// <summary>hare-niemeyer, the method of 004 §3.</summary>
    public string Method { get; init; } = "hare-niemeyer";

    /// <summary>The seats the fractions share in the Vollversammlung.</summary>
    public int Seats { get; init; }

    /// <summary>The fractions with their council seats, as the lot was drawn for them.</summary>
    public required IReadOnlyList<PublicFractionSeats> Fractions { get; init; }

    public required IReadOnlyList<string> TiedParties { get; init; }

    public int SeatsInDispute { get; init; }

    public required string Seed { get; init; }

    public string? SeedAct { get; init; }

    public DateTimeOffset DrawnAt { get; init; }

    /// <summary>The fractions that won a seat, in the order drawn.</summary>
    public required IReadOnlyList<string> Winners { get; init; }

    /// <summary>The seats per fraction after the lot.</summary>
    public required IReadOnlyList<PublicFractionSeats> Allocation { get; init; }
}

/// <summary>A fraction and a number of seats (council seats in <c>fractions</c>, Vollversammlung seats in <c>allocation</c>).</summary>
public sealed record PublicFractionSeats(string Name, int Seats);

/// <summary>Writes and replays the public file of a seat lot.</summary>
public static class PublicSeatLot
{
    public const string Format = "masterplan-seat-lot/1";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static byte[] Serialize(PublicSeatLotFile file) => JsonSerializer.SerializeToUtf8Bytes(file, Json);

    public static PublicSeatLotFile? Deserialize(Stream stream) => JsonSerializer.Deserialize<PublicSeatLotFile>(stream, Json);

    /// <summary>The file of a recorded lot, or null when there is none with that id.</summary>
    public static async Task<PublicSeatLotFile?> BuildAsync(AppDbContext db, int id, CancellationToken ct)
    {
        if (await db.SeatLots.AsNoTracking().FirstOrDefaultAsync(l => l.Id == id, ct) is not { } lot)
        {
            return null;
        }

        var fractions = Fractions(lot.Signature);
        var decided = Decide(fractions, lot.Seed);
        return new PublicSeatLotFile
        {
            About = "Öffentliche Daten eines Loses um Sitze der Ratsfraktionen in der Vollversammlung (Hare-Niemeyer, 004 §3) zum Nachprüfen: masterplan sortition replay --file DATEI.",
            Seats = Composition.FractionSeatsInPlenary, Fractions = fractions, TiedParties = lot.TiedParties.Split('|'), SeatsInDispute = lot.SeatsInDispute,
            Seed = lot.Seed, SeedAct = lot.SeedAct, DrawnAt = lot.DrawnAt, Winners = lot.Winners.Split('|'),
            Allocation = [.. decided.Parties.Select(p => new PublicFractionSeats(p.Name, p.Seats))],
        };
    }

    /// <summary>
    /// Allocates the seats again from the council seats, checks that the tie is the published one, draws the lot again with the seed
    /// (<see cref="SeatAllocator.ResolveTieByLot(SeatAllocationResult, string)"/>, as <see cref="Composition"/> does) and compares
    /// winners and seats. Returns what was checked and every difference.
    /// </summary>
    public static (List<string> Checked, List<string> Differences) Replay(PublicSeatLotFile file)
    {
        var differences = new List<string>();
        var undecided = SeatAllocator.HareNiemeyer(file.Seats, [.. Ordered(file.Fractions).Select(f => new PartyVotes(f.Name, f.Seats))]);
        if (undecided.Tie is not { } tie)
        {
            differences.Add("Sitzlos: nach Hare-Niemeyer gibt es bei diesen Sitzen im Rat keinen Gleichstand; ein Los war nicht nötig.");
            return ([], differences);
        }

        if (!tie.Parties.Order(StringComparer.Ordinal).SequenceEqual(file.TiedParties.Order(StringComparer.Ordinal)) || tie.SeatsInDispute != file.SeatsInDispute)
        {
            differences.Add(string.Create(CultureInfo.InvariantCulture,
                $"Sitzlos: nachgerechnet sind {tie.SeatsInDispute} Sitze zwischen {string.Join(", ", tie.Parties)} offen, veröffentlicht {file.SeatsInDispute} zwischen {string.Join(", ", file.TiedParties)}."));
        }

        var decided = SeatAllocator.ResolveTieByLot(undecided, file.Seed);
        if (!decided.Lot!.Winners.SequenceEqual(file.Winners))
        {
            differences.Add($"Sitzlos: gezogen wurden nachgerechnet {string.Join(", ", decided.Lot.Winners)}, veröffentlicht {string.Join(", ", file.Winners)}.");
        }

        var published = file.Allocation.ToDictionary(a => a.Name, a => a.Seats, StringComparer.Ordinal);
        foreach (var party in decided.Parties)
        {
            var shown = published.TryGetValue(party.Name, out var seats) ? seats.ToString(CultureInfo.InvariantCulture) : "keine Angabe";
            if (shown != party.Seats.ToString(CultureInfo.InvariantCulture))
            {
                differences.Add(string.Create(CultureInfo.InvariantCulture, $"Sitzlos: {party.Name}: veröffentlicht {shown} Sitze, nachgerechnet {party.Seats}."));
            }
        }

        return ([string.Create(CultureInfo.InvariantCulture, $"Sitzlos: {file.Seats} Sitze nach Hare-Niemeyer für {file.Fractions.Count} Fraktionen, {tie.SeatsInDispute} durch Los zwischen {string.Join(", ", tie.Parties)}, Seed „{file.Seed}“.")], differences);
    }

    private static List<PublicFractionSeats> Fractions(string signature) =>
        Ordered(signature.Split('|').Select(part => new PublicFractionSeats(part[..part.LastIndexOf('=')], int.Parse(part[(part.LastIndexOf('=') + 1)..], CultureInfo.InvariantCulture))));

    // The order Composition allocates in: most council seats first, then by name.
    private static List<PublicFractionSeats> Ordered(IEnumerable<PublicFractionSeats> fractions) =>
        [.. fractions.Where(f => f.Seats > 0).OrderByDescending(f => f.Seats).ThenBy(f => f.Name, StringComparer.Ordinal)];

    private static SeatAllocationResult Decide(IReadOnlyList<PublicFractionSeats> fractions, string seed) =>
        SeatAllocator.ResolveTieByLot(SeatAllocator.HareNiemeyer(Composition.FractionSeatsInPlenary, [.. fractions.Select(f => new PartyVotes(f.Name, f.Seats))]), seed);
}
