namespace Masterplan.Algorithms.Sortition;

/// <summary>Which limit of <see cref="LeximinSettings"/> stopped a LEXIMIN computation.</summary>
public enum LeximinLimit
{
    /// <summary>Not said (an exception made without it).</summary>
    Unknown,

    /// <summary><see cref="LeximinSettings.MaxRounds"/> pricing rounds were used up.</summary>
    RoundCap,

    /// <summary><see cref="LeximinSettings.TimeLimit"/> passed.</summary>
    TimeLimit,
}
