using Google.OrTools.LinearSolver;

namespace Masterplan.Algorithms.Sortition;

/// <summary>
/// The pricing problem of the column generation: among all quota-feasible panel compositions (how many
/// members of each respondent type), the one with the largest total weight. An integer program solved with
/// SCIP; the model is built once and only its objective changes between calls.
/// </summary>
internal sealed class CompositionPricer : IDisposable
{
    private readonly Solver _solver;
    private readonly Variable[] _x;
    private readonly MPSolverParameters _parameters;

    public CompositionPricer(SortitionProblem problem, RespondentTypes types)
    {
        _solver = Solver.CreateSolver("SCIP") ?? throw new InvalidOperationException("The SCIP solver of Google OR-Tools is not available.");
        _solver.SuppressOutput();
        _x = new Variable[types.Count];
        for (var t = 0; t < types.Count; t++)
        {
            _x[t] = _solver.MakeIntVar(0, types.Size[t], $"x{t}");
        }

        var size = _solver.MakeConstraint(problem.PanelSize, problem.PanelSize, "k");
        foreach (var x in _x)
        {
            size.SetCoefficient(x, 1);
        }

        var quotaRows = new Constraint[problem.Quotas.Count];
        for (var q = 0; q < quotaRows.Length; q++)
        {
            quotaRows[q] = _solver.MakeConstraint(problem.Quotas[q].Min, problem.Quotas[q].Max, $"q{q}");
        }

        for (var t = 0; t < types.Count; t++)
        {
            foreach (var q in types.QuotasOfType[t])
            {
                quotaRows[q].SetCoefficient(_x[t], 1);
            }
        }

        _solver.Objective().SetMaximization();
        _parameters = new MPSolverParameters();
        _parameters.SetDoubleParam(MPSolverParameters.DoubleParam.RELATIVE_MIP_GAP, 1e-9);
        _parameters.SetDoubleParam(MPSolverParameters.DoubleParam.PRIMAL_TOLERANCE, 1e-9);
    }

    /// <summary>
    /// The composition maximising the sum over types of weight × count, and that sum; null when no panel
    /// meets the quotas (proven by the solver).
    /// </summary>
    /// <remarks>
    /// Only a proven optimum may end a LEXIMIN stage: a composition that is merely feasible could hide a better
    /// one, and the stage would be fixed too low. So anything but OPTIMAL or INFEASIBLE is solved once more from
    /// a fresh model state and, if it still is not proven, stops the computation with a message.
    /// </remarks>
    /// <exception cref="InvalidOperationException">The solver did not prove optimality or infeasibility twice in a row.</exception>
    /// <exception cref="TimeoutException">The run reached <paramref name="timeLimit"/> without a proof.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled; a running solve is interrupted.</exception>
    public (int[] Counts, double Value)? Maximize(IReadOnlyList<double> weightPerMember, TimeSpan? timeLimit = null, CancellationToken cancellationToken = default)
    {
        var objective = _solver.Objective();
        for (var t = 0; t < _x.Length; t++)
        {
            objective.SetCoefficient(_x[t], weightPerMember[t]);
        }

        using var interrupt = cancellationToken.Register(() => _solver.InterruptSolve());
        var status = Run(timeLimit, cancellationToken);
        if (status is not (Solver.ResultStatus.OPTIMAL or Solver.ResultStatus.INFEASIBLE))
        {
            _solver.Reset();
            status = Run(timeLimit, cancellationToken);
        }

        if (status == Solver.ResultStatus.INFEASIBLE)
        {
            return null;
        }

        if (status != Solver.ResultStatus.OPTIMAL)
        {
            throw new InvalidOperationException($"The pricing integer program (SCIP) ended with status {status} twice, so it is not proven that no better panel exists; the LEXIMIN lottery cannot be certified. Try again, or simplify the quotas.");
        }

        var counts = new int[_x.Length];
        var value = 0.0;
        for (var t = 0; t < _x.Length; t++)
        {
            counts[t] = (int)Math.Round(_x[t].SolutionValue());
            value += weightPerMember[t] * counts[t];
        }

        return (counts, value);
    }

    private Solver.ResultStatus Run(TimeSpan? timeLimit, CancellationToken cancellationToken)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        if (timeLimit is { } limit)
        {
            _solver.SetTimeLimit((long)Math.Max(1, Math.Ceiling(limit.TotalMilliseconds)));
        }

        var status = _solver.Solve(_parameters);
        cancellationToken.ThrowIfCancellationRequested();
        if (status is not (Solver.ResultStatus.OPTIMAL or Solver.ResultStatus.INFEASIBLE) && timeLimit is { } used && watch.Elapsed >= used)
        {
            throw new TimeoutException("The pricing integer program reached the time limit.");
        }

        return status;
    }

    public void Dispose()
    {
        _parameters.Dispose();
        _solver.Dispose();
    }
}
