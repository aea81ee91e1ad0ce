namespace Masterplan.Algorithms.Sortition;

/// <summary>How <see cref="LeximinSolver"/> finds the panel compositions of its restricted LP; both are exact.</summary>
public enum LeximinMethod
{
    /// <summary>Local-search pricing first, the exact integer program only when it finds nothing; unused columns are parked.</summary>
    LocalSearchFirst,

    /// <summary>The exact integer program every round, every column kept (the method before the local search; for comparison).</summary>
    Plain,
}
