namespace Masterplan.Algorithms.Sortition;

/// <summary>Limits of a LEXIMIN computation.</summary>
public sealed record LeximinSettings
{
    /// <summary>The most pricing rounds (one restricted LP and one column search each) before giving up; default 20,000.</summary>
    public int MaxRounds { get; init; } = 20_000;

    /// <summary>The longest the computation may run; null (the default) means no limit.</summary>
    public TimeSpan? TimeLimit { get; init; }

    /// <summary>How columns are found; the default is the fastest. Every method returns the same, exact LEXIMIN.</summary>
    public LeximinMethod Method { get; init; } = LeximinMethod.RelaxationFirst;
}
