using Masterplan.Web.Features.Audit;

namespace Masterplan.Web.Features.Organizations;

/// <summary>
/// A lot drawn by the Office to decide a tie for the Vollversammlung's last fraction seat(s) (Hare-Niemeyer,
/// 004 §3). It applies to exactly the council composition it was drawn for (<see cref="Signature"/>) and replays
/// with the project's seeded generator: anyone can check the outcome from the seed.
/// </summary>
public sealed class SeatLot : IAudited
{
    public int Id { get; set; }

    /// <summary>The fractions and their council seats the lot was drawn for, e.g. "AfD-Fraktion=18|…".</summary>
    public required string Signature { get; set; }

    /// <summary>Tied fractions in canonical (ordinal) order, "|"-separated.</summary>
    public required string TiedParties { get; set; }

    public int SeatsInDispute { get; set; }

    /// <summary>The seed from a public act, e.g. numbers drawn in a session.</summary>
    public required string Seed { get; set; }

    /// <summary>The public act the seed came from (when, where, who drew), as the Office recorded it.</summary>
    public string? SeedAct { get; set; }

    /// <summary>Winners in the order drawn, "|"-separated.</summary>
    public required string Winners { get; set; }

    public DateTimeOffset DrawnAt { get; set; }

    public string? DrawnBy { get; set; }
}
