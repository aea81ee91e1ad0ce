namespace Masterplan.Algorithms.Sortition;

/// <summary>The outcome of a panel selection: the lottery, everybody's probability, the drawn panel and the reserve.</summary>
public sealed class SelectionResult
{
    internal SelectionResult(SortitionAlgorithm algorithm, string seed, PanelDistribution distribution, IReadOnlyList<SelectionProbability> probabilities, IReadOnlyList<string> panel, IReadOnlyList<string> reserve)
    {
        Algorithm = algorithm;
        Seed = seed;
        Distribution = distribution;
        Probabilities = probabilities;
        Panel = panel;
        Reserve = reserve;
        var sorted = probabilities.Select(p => p.Probability).Order().ToArray();
        MinimumProbability = sorted[0];
        MaximumProbability = sorted[^1];
        MedianProbability = sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    /// <summary>The method used.</summary>
    public SortitionAlgorithm Algorithm { get; }

    /// <summary>The recorded seed; with the same inputs it replays the same panel and reserve.</summary>
    public string Seed { get; }

    /// <summary>The lottery over panels (for LEGACY: the panels observed in the estimation runs and their frequencies).</summary>
    public PanelDistribution Distribution { get; }

    /// <summary>Every respondent's selection probability, in pool order.</summary>
    public IReadOnlyList<SelectionProbability> Probabilities { get; }

    /// <summary>The ids of the drawn panel, in pool order.</summary>
    public IReadOnlyList<string> Panel { get; }

    /// <summary>The ordered reserve list (see <see cref="PanelSelection"/> for the rule).</summary>
    public IReadOnlyList<string> Reserve { get; }

    /// <summary>The smallest selection probability.</summary>
    public double MinimumProbability { get; }

    /// <summary>The median selection probability.</summary>
    public double MedianProbability { get; }

    /// <summary>The largest selection probability.</summary>
    public double MaximumProbability { get; }

    /// <summary>The number of panels with positive probability in <see cref="Distribution"/>.</summary>
    public int PanelCount => Distribution.Panels.Count;
}
