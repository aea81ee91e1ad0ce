namespace Masterplan.Algorithms.Invitations;

/// <summary>What a register extract is checked against.</summary>
public sealed class RegisterReadOptions
{
    /// <summary>The reference date: birth years after its year are impossible, and ages are computed for its year.</summary>
    public required DateOnly ReferenceDate { get; init; }

    /// <summary>The districts a resident may live in (default: the 12 Dortmund districts).</summary>
    public IReadOnlyList<string> Districts { get; init; } = DortmundDistricts.Names;

    /// <summary>
    /// The youngest age (reached in the reference year) the extract may contain; default 16, the youngest age
    /// invited to a Quartierslabor. An extract with younger residents was requested wrongly.
    /// </summary>
    public int MinimumAge { get; init; } = 16;

    /// <summary>The oldest plausible age; a birth year implying more is an error (default 120).</summary>
    public int MaximumAge { get; init; } = 120;

    /// <summary>
    /// The longest name, address or statistical district in characters (default 200, within what the platform stores on
    /// either database engine); a longer field is an error of its line, not a failed import.
    /// </summary>
    public int MaximumFieldLength { get; init; } = 200;

    /// <summary>How many problems are reported in full; the rest are only counted (default 100).</summary>
    public int MaxErrors { get; init; } = 100;
}
