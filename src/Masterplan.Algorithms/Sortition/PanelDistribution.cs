using Masterplan.Algorithms.Random;

namespace Masterplan.Algorithms.Sortition;

/// <summary>
/// A lottery over quota-feasible panels: each panel with its probability, and the resulting selection
/// probability of every respondent (the sum of the probabilities of the panels that contain them).
/// </summary>
public sealed class PanelDistribution
{
    /// <summary>Creates a distribution; the probabilities are normalised to sum to 1.</summary>
    /// <param name="problem">The problem the panels belong to.</param>
    /// <param name="panels">The panels and their (unnormalised, non-negative) weights.</param>
    /// <param name="compositions">How many distinct panel compositions (counts per respondent type) the panels come from.</param>
    /// <param name="solverCalls">How many LP and ILP solves produced the distribution (0 for LEGACY).</param>
    public PanelDistribution(SortitionProblem problem, IReadOnlyList<WeightedPanel> panels, int compositions, int solverCalls)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(panels);
        if (panels.Count == 0 || panels.Any(p => p.Probability < 0 || double.IsNaN(p.Probability)))
        {
            throw new ArgumentException("A distribution needs at least one panel and no negative probabilities.", nameof(panels));
        }

        var total = panels.Sum(p => p.Probability);
        if (total <= 0)
        {
            throw new ArgumentException("The panel probabilities add up to zero.", nameof(panels));
        }

        Panels = [.. panels.Select(p => p with { Probability = p.Probability / total })];
        var index = problem.IndexById();
        var probabilities = new double[problem.Pool.Count];
        foreach (var panel in Panels)
        {
            foreach (var id in panel.Members)
            {
                probabilities[index[id]] += panel.Probability;
            }
        }

        Probabilities = probabilities;
        Compositions = compositions;
        SolverCalls = solverCalls;
    }

    /// <summary>The panels with positive probability; probabilities sum to 1.</summary>
    public IReadOnlyList<WeightedPanel> Panels { get; }

    /// <summary>The selection probability of every respondent, aligned with <see cref="SortitionProblem.Pool"/>; they sum to k.</summary>
    public IReadOnlyList<double> Probabilities { get; }

    /// <summary>How many distinct compositions (members per respondent type) the panels come from.</summary>
    public int Compositions { get; }

    /// <summary>How many LP and ILP solves produced the distribution (0 for LEGACY).</summary>
    public int SolverCalls { get; }

    /// <summary>Draws one panel: a single uniform number from <paramref name="random"/> is placed on the cumulative probabilities in <see cref="Panels"/> order.</summary>
    public WeightedPanel Draw(SeededRandom random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var u = random.NextDouble();
        var cumulative = 0.0;
        foreach (var panel in Panels)
        {
            cumulative += panel.Probability;
            if (u < cumulative)
            {
                return panel;
            }
        }

        return Panels[^1];
    }
}
