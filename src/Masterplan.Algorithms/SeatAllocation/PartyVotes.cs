namespace Masterplan.Algorithms.SeatAllocation;

/// <summary>One party (a council group, a list, a state) and the number it is apportioned by.</summary>
/// <remarks>
/// The "votes" may be votes cast, council seats (for the Vollversammlung, 004 §3) or residents; only
/// their ratios matter. Nothing is checked here: <see cref="SeatAllocator"/> checks the whole input at
/// once and names the offending field.
/// </remarks>
/// <param name="Name">The party's name; must be non-empty and unique after trimming (ordinal comparison).</param>
/// <param name="Votes">Its votes; must not be negative.</param>
public sealed record PartyVotes(string Name, long Votes);
