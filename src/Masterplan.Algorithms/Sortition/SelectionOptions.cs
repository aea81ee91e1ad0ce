namespace Masterplan.Algorithms.Sortition;

/// <summary>Settings of <see cref="PanelSelection"/>.</summary>
public sealed record SelectionOptions
{
    /// <summary>How long the reserve list should be; null means k (one reserve per panel seat).</summary>
    public int? ReserveSize { get; init; }

    /// <summary>How many LEGACY runs estimate its selection probabilities (default 1,000).</summary>
    public int LegacyRuns { get; init; } = 1_000;

    /// <summary>How many times LEGACY starts over when its greedy choice gets stuck (default 100).</summary>
    public int LegacyMaxAttempts { get; init; } = 100;

    /// <summary>The round cap and time limit of LEXIMIN (defaults: 20,000 rounds, no time limit).</summary>
    public LeximinSettings Leximin { get; init; } = new();
}
