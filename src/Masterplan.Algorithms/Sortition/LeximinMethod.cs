namespace Masterplan.Algorithms.Sortition;

/// <summary>How <see cref="LeximinSolver"/> finds the panel compositions of its restricted LP; both are exact.</summary>
public enum LeximinMethod
{
    /// <summary>LEXIMIN over the LP relaxation of the compositions first, then a lottery that realises it (non-negative least squares with local-search and exact pricing); when no lottery can, the column generation of <see cref="LocalSearchFirst"/>.</summary>
    RelaxationFirst,

    /// <summary>Local-search pricing first, the exact integer program every second round and whenever it finds nothing; the LP drops its least useful columns when it has grown large.</summary>
    LocalSearchFirst,

    /// <summary>The exact integer program every round, with swap neighbours, every column kept (the method before the local search; for comparison).</summary>
    Plain,
}
