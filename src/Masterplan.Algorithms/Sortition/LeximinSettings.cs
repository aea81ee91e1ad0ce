namespace Masterplan.Algorithms.Sortition;

/// <summary>Limits of a LEXIMIN computation.</summary>
public sealed record LeximinSettings
{
    /// <summary>The most pricing rounds (one restricted LP and one column search each) before giving up; default 20,000.</summary>
    public int MaxRounds { get; init; } = 20_000;

    /// <summary>The longest the computation may run; null (the default) means no limit.</summary>
    public TimeSpan? TimeLimit { get; init; }
}
