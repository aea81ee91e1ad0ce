namespace Masterplan.Algorithms.Sortition;

/// <summary>A pool and its quotas as read from files, before the panel size is chosen.</summary>
/// <param name="Respondents">The respondents in file order.</param>
/// <param name="Quotas">The quotas in file order.</param>
/// <param name="Format">The format the files were read in.</param>
public sealed record SortitionData(IReadOnlyList<Respondent> Respondents, IReadOnlyList<Quota> Quotas, SortitionFileFormat Format)
{
    /// <summary>The selection problem for panel size <paramref name="panelSize"/>.</summary>
    /// <exception cref="SortitionInputException">The panel size does not fit the pool, or the data are inconsistent.</exception>
    public SortitionProblem ToProblem(int panelSize) => new(Respondents, Quotas, panelSize);
}
