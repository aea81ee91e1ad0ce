using Google.OrTools.LinearSolver;

namespace Masterplan.Algorithms.Sortition;

/// <summary>
/// LEXIMIN panel selection: among all lotteries over quota-feasible panels, the one that maximises the
/// smallest selection probability, then the second smallest, and so on.
/// </summary>
/// <remarks>
/// <para>
/// Method: Flanigan, Gölz, Gupta, Hennig, Procaccia, "Fair algorithms for selecting citizens' assemblies",
/// Nature 596 (2021) 548–552, algorithm LEXIMIN. Stage by stage, the restricted master LP "maximise z such
/// that every respondent not yet fixed has probability ≥ z, every fixed one keeps their probability, and the
/// lottery sums to 1" is solved over the panels found so far (GLOP). Its dual prices — a weight y ≥ 0 per
/// respondent, summing to 1 over the unfixed ones, and a bound ŷ for the sum — price a new panel: the
/// quota-feasible panel of largest total weight (an integer program, SCIP). If it weighs more than ŷ it is
/// added, together with a few cheap swap neighbours that also weigh more, and the LP is solved again;
/// otherwise the stage is optimal, and every respondent with positive dual weight is fixed at the stage's
/// value z (by complementary slackness no optimal lottery gives them more). The lottery of the last stage is
/// the result. The first LP starts from the first feasible panel and its single-swap neighbours.
/// </para>
/// <para>
/// Speed-up over the published implementation: respondents with the same value in every category
/// (a "type") are interchangeable for the quotas, and the LEXIMIN lottery is unique in its probabilities and
/// invariant under swapping interchangeable people, so they all get the same probability. The column
/// generation therefore runs over panel compositions (how many members of each type), which has as many
/// variables as there are types rather than people — 3 instead of 2,000 in the published example_large_200,
/// whose pool is described by two binary categories. Each composition is then split into concrete panels by systematic sampling that gives every
/// member of a type exactly the type's share (see the remarks of the expansion in the source).
/// </para>
/// <para>
/// Relaxation first (<see cref="LeximinMethod.RelaxationFirst"/>, the default): the expected composition of any lottery
/// meets the quotas in its sums, so it lies in the LP relaxation of the compositions (0 ≤ y_t ≤ n_t, Σ y_t = k, quota
/// sums within their bounds). The LEXIMIN over that relaxation (<see cref="RelaxedLeximin"/>, one LP with a variable
/// per type per stage) is therefore at least as fair as the true one; if a lottery over real compositions realises
/// it, that lottery is the LEXIMIN. <see cref="LotteryDecomposition"/> looks for one, and only when the exact pricing
/// proves that none exists — fractional panels can be fairer than any lottery; the tests keep such a pool — does the
/// column generation below run. On the generated registration pools the relaxation was always realisable: 2,000
/// respondents with 842 types and a panel of 100 in under 40 s, where the column generation alone had not ended its
/// second stage after 60 s (bench/RESULTS.md).
/// </para>
/// <para>
/// Speed on pools with hundreds of types (real registration pools with 5–7 categories): the duals of the
/// restricted LP jump between rounds, so the exact pricing runs at smoothed duals (half the current duals, half the best duals of the stage so far), which
/// damps the oscillation of the duals between rounds; when it finds no column that improves the LP, the
/// current duals are priced exactly, and only that proof ends the stage. Besides the types with positive LP
/// dual, a stage fixes the types whose weight in the best smoothed duals proves, with a margin far below
/// 1e-9, that they cannot get more than the stage's value — several levels then need no stage of their own.
/// </para>
/// <para>
/// Most rounds need no integer program (<see cref="LeximinMethod.LocalSearchFirst"/>, the default): from each
/// composition the lottery uses, a local search moves one member at a time to the type that gains most at the
/// smoothed duals, and every local optimum that improves the LP at the current duals becomes a column — up to 40
/// different columns per round for the cost of one LP. Every second round of a stage, and whenever the local
/// search finds nothing, the exact pricing runs as above; it alone ends a stage, so the result is the same
/// LEXIMIN. The climbs run on all cores.
/// </para>
/// <para>
/// The restricted LP keeps its basis from round to round (GLOP without presolve and scaling takes added columns from
/// the last basis), and when it has grown to several columns per type it drops those furthest from use, as each
/// solve costs time that grows with the columns it holds.
/// </para>
/// </remarks>
public static class LeximinSolver
{
    private const double PricingTolerance = 1e-9;
    internal const double FixingThreshold = 1e-7;

    // How far a respondent's probability in the returned lottery may be from the level LEXIMIN fixed them at.
    private const double RealisationTolerance = 1e-9;

    // A type with weight w in proven-optimal smoothed duals whose bound is ε above the stage value can get at most
    // ε / w more than the stage value; it is fixed when that is below this.
    private const double SmoothedFixingMargin = 1e-11;

    // Columns: single-swap neighbours of a priced column and the first LP's seed columns; the weight of the
    // stage's best duals in the smoothed duals at which the exact pricing runs.
    private const int NeighboursPerRound = 40;
    private const int InitialColumns = 200;
    private const double Smoothing = 0.5;

    // Local-search pricing (LeximinMethod.LocalSearchFirst): starting compositions and new columns per round.
    // Every ExactEvery-th round of a stage runs the exact pricing even when the local search would find columns:
    // its columns are better, and it moves the stage's best duals on (measured on gen_1000_5_50: every 2nd round
    // 37 s CPU, every 3rd 50 s, every 10th slower still; both every round 35 s but slower on smaller pools).
    private const int ExactEvery = 2;
    private const int HeuristicStarts = 40;
    private const int HeuristicColumns = 40;

    // The LP drops to CompactTo × types columns when it holds more than CompactBetweenStages × types at a stage's start
    // or CompactWithinStage × types at a round's start (measured on gen_1000_5_50, 233 types, idle machine: 14 s
    // without; 9.5–9.9 s between stages only; 7.6–7.8 s with 5 × types within a stage too, 8.6–10 s with 4 or 4.5,
    // 11.4 s with 6; keeping fewer columns was slower again, as the pricing had to find them back).
    private const int CompactBetweenStages = 4;
    private const int CompactWithinStage = 5;
    private const double CompactTo = 2.5;

    /// <summary>Computes the LEXIMIN distribution for <paramref name="problem"/>.</summary>
    /// <exception cref="InfeasibleQuotasException">No panel meets the quotas; the exception explains why and proposes a relaxation.</exception>
    /// <exception cref="LeximinLimitException">The default round cap was reached.</exception>
    public static PanelDistribution Solve(SortitionProblem problem, CancellationToken cancellationToken = default) =>
        Solve(problem, null, null, cancellationToken);

    /// <summary>Computes the LEXIMIN distribution for <paramref name="problem"/> within <paramref name="settings"/>, reporting progress.</summary>
    /// <param name="problem">The pool, the quotas and the panel size.</param>
    /// <param name="settings">Round cap and time limit; null for the defaults.</param>
    /// <param name="progress">Receives the stage, the panels found and the time, after every stage and every few rounds.</param>
    /// <param name="cancellationToken">Stops the computation, also in the middle of an integer program.</param>
    /// <exception cref="InfeasibleQuotasException">No panel meets the quotas; the exception explains why and proposes a relaxation.</exception>
    /// <exception cref="LeximinLimitException">The round cap or the time limit was reached; the message says where the computation stood.</exception>
    public static PanelDistribution Solve(SortitionProblem problem, LeximinSettings? settings, IProgress<LeximinProgress>? progress, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(problem);
        settings ??= new LeximinSettings();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var types = new RespondentTypes(problem);
        var typeCount = types.Count;
        using var pricer = new CompositionPricer(problem, types);
        var calls = 0;
        var rounds = 0;
        var stage = 1;
        var unfixed = typeCount;
        var fixedRespondents = 0;
        using var pool = new MasterLp(types);
        var fast = settings.Method != LeximinMethod.Plain;

        // The local search replaces the swap neighbours of the priced column (with both, the LP grows faster than it gains).
        var neighbours = fast ? 0 : NeighboursPerRound;

        var relaxedPanels = -1;
        double? lotteryShare = null;
        LeximinProgress Progress() => new(stage, Math.Max(stage, stage - 1 + unfixed), relaxedPanels >= 0 ? relaxedPanels : pool.Found, rounds, fixedRespondents, problem.Pool.Count, watch.Elapsed, lotteryShare);

        LeximinLimitException Limit(string what, LeximinLimit limit)
        {
            var now = Progress();
            return new LeximinLimitException(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"LEXIMIN stopped at {what}: stage {now.Stage} of at most {now.MaxStages}, {now.Panels} panel compositions, {now.Rounds} rounds, {now.FixedRespondents} of {now.Respondents} respondents' probabilities fixed, after {now.Elapsed.TotalSeconds:F1} s. No lottery is returned, because its fairness is not proven; allow more time or rounds, or use fewer quota categories."), now, limit);
        }

        TimeSpan? Remaining() => settings.TimeLimit is { } limit ? limit - watch.Elapsed : null;

        bool OutOfTime() => Remaining() is { } left && left <= TimeSpan.Zero;

        LeximinLimitException TimeLimit() => Limit($"the time limit of {settings.TimeLimit!.Value.TotalSeconds:F0} s", LeximinLimit.TimeLimit);

        // Before every pricing round, of the column generation and of the lottery's decomposition alike.
        void NextRound()
        {
            if (rounds >= settings.MaxRounds)
            {
                throw Limit($"the round cap of {settings.MaxRounds}", LeximinLimit.RoundCap);
            }

            if (OutOfTime())
            {
                throw TimeLimit();
            }

            rounds++;
        }

        (int[] Counts, double Value)? Price(double[] weights)
        {
            if (OutOfTime())
            {
                throw TimeLimit();
            }

            calls++;
            try
            {
                return pricer.Maximize(weights, Remaining(), cancellationToken);
            }
            catch (TimeoutException)
            {
                throw TimeLimit();
            }
        }

        var first = Price(new double[typeCount]);
        if (first is null)
        {
            throw new InfeasibleQuotasException(QuotaRelaxation.Explain(problem)
                ?? throw new InvalidOperationException("The pricing model found no panel, but the relaxation model found the quotas feasible."));
        }

        if (settings.Method == LeximinMethod.RelaxationFirst)
        {
            // The relaxation's LEXIMIN, and a lottery that realises it: then it is the LEXIMIN (see the remarks).
            var relaxed = RelaxedLeximin.Solve(problem, types, (done, left, fixedNow) =>
            {
                stage = done;
                unfixed = left + 1;
                fixedRespondents = fixedNow;
                progress?.Report(Progress());
            }, cancellationToken);
            var levels = relaxed?.Levels ?? [];
            calls += relaxed?.Stages ?? 0;
            stage = (relaxed?.Stages ?? 0) + 1;
            unfixed = 1;
            relaxedPanels = 1;
            var lottery = relaxed is null ? null : LotteryDecomposition.Find(problem, types, levels, first.Value.Counts,
                (roundsSoFar, columns, share) =>
                {
                    relaxedPanels = columns;
                    lotteryShare = share;
                    NextRound();
                    calls++;
                    if (roundsSoFar % 10 == 0)
                    {
                        progress?.Report(Progress());
                    }
                },
                OutOfTime,
                Price,
                cancellationToken);
            if (lottery is not null)
            {
                var distribution = Distribution(problem, types, lottery.Lottery, calls);
                if (Unrealised(problem, types, levels, distribution) is null)
                {
                    unfixed = 0;
                    relaxedPanels = lottery.Columns;
                    lotteryShare = 1;
                    progress?.Report(Progress());
                    return distribution;
                }
            }

            // No lottery over real panels reaches the relaxation's LEXIMIN (or none was found within the decomposition's
            // rounds): the column generation finds the true one.
            stage = 1;
            unfixed = typeCount;
            fixedRespondents = 0;
            relaxedPanels = -1;
            lotteryShare = null;
        }

        pool.Add(first.Value.Counts);

        // Seed the first LP with the single-swap neighbours of the priced panel, those that bring in a type it
        // leaves out first, so that the first stage does not start from one panel.
        var seedWeights = first.Value.Counts.Select(c => c == 0 ? 1.0 : 0.0).ToArray();
        foreach (var neighbour in Neighbours(problem, types, first.Value.Counts, seedWeights, double.NegativeInfinity, InitialColumns))
        {
            pool.Add(neighbour);
        }

        var fixedAt = new double[typeCount];
        var isFixed = new bool[typeCount];
        var weights = new double[typeCount];
        var smoothed = new double[typeCount];
        var smoothedWeights = new double[typeCount];
        var center = new double[typeCount];
        LpSolution lp = default;

        // Keeps the last lottery's columns, those nearest to entering at the last duals, and those added since. Within a
        // stage the LP's value cannot fall (the lottery stays), and the stage still ends only on the exact pricing's proof
        // over all compositions, dropped ones included.
        void Compact()
        {
            var scored = Enumerable.Range(0, lp.Columns.Length)
                .OrderByDescending(c => lp.Lambda[c] > 1e-12 ? double.PositiveInfinity : Value(weights, lp.Columns[c]))
                .Take(Math.Max((int)(CompactTo * typeCount), lp.Lambda.Count(l => l > 1e-12)));
            pool.Compact(scored.Concat(Enumerable.Range(lp.Columns.Length, pool.Count - lp.Columns.Length)));
        }

        while (unfixed > 0)
        {
            var hasCenter = false;
            var stageRound = 0;
            var centerBound = double.PositiveInfinity;
            var fixedPart = 0.0;
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                NextRound();
                if (rounds % 10 == 0)
                {
                    progress?.Report(Progress());
                }

                if (fast && lp.Columns is not null && pool.Count > CompactWithinStage * typeCount)
                {
                    Compact();
                }

                try
                {
                    lp = pool.Solve(unfixed, Remaining());
                }
                catch (TimeoutException)
                {
                    throw TimeLimit();
                }
                calls++;

                // Dual prices: y_t ≥ 0 for "type t gets at least z (or its fixed value)", ŷ for "the lottery sums to 1".
                for (var t = 0; t < typeCount; t++)
                {
                    weights[t] = lp.Y[t] / types.Size[t];
                }

                var bound = lp.ConvexityDual + PricingTolerance;

                stageRound++;
                if (fast && hasCenter && stageRound % ExactEvery != 0)
                {
                    // Cheap columns first: local optima of the smoothed duals (which damp the oscillation as for the
                    // exact pricing), reached from the lottery's own compositions, kept when they improve the LP at
                    // the current duals. Only when these find nothing does the exact integer program run, and only
                    // it can end the stage.
                    for (var t = 0; t < typeCount; t++)
                    {
                        smoothedWeights[t] = ((Smoothing * center[t]) + ((1 - Smoothing) * lp.Y[t])) / types.Size[t];
                    }

                    var found = LocalSearch.Columns(problem, types, lp.Lambda, lp.Columns, smoothedWeights, weights, bound, HeuristicStarts, HeuristicColumns, pool.Add, OutOfTime, cancellationToken);
                    if (found > 0)
                    {
                        continue;
                    }
                }

                // Exact pricing at smoothed duals: between the stage's best duals and the current ones.
                double[] priceAt;
                if (hasCenter)
                {
                    for (var t = 0; t < typeCount; t++)
                    {
                        smoothed[t] = (Smoothing * center[t]) + ((1 - Smoothing) * lp.Y[t]);
                        smoothedWeights[t] = smoothed[t] / types.Size[t];
                    }

                    priceAt = smoothed;
                }
                else
                {
                    priceAt = lp.Y;
                }

                var best = Price(hasCenter ? smoothedWeights : weights);
                if (best is null)
                {
                    throw new InvalidOperationException("The pricing model found no panel although one was found before.");
                }

                // The Lagrangian bound of these duals on the stage's value, and whether they are the best so far.
                fixedPart = 0.0;
                for (var t = 0; t < typeCount; t++)
                {
                    if (isFixed[t])
                    {
                        fixedPart += priceAt[t] * fixedAt[t];
                    }
                }

                var priceBound = best.Value.Value - fixedPart;
                if (priceBound < centerBound)
                {
                    centerBound = priceBound;
                    Array.Copy(priceAt, center, typeCount);
                    hasCenter = true;
                }

                var atCurrent = Value(weights, best.Value.Counts);
                if (atCurrent > bound && pool.Add(best.Value.Counts))
                {
                    foreach (var neighbour in Neighbours(problem, types, best.Value.Counts, weights, bound, neighbours))
                    {
                        pool.Add(neighbour);
                    }

                    continue;
                }

                if (priceAt != lp.Y)
                {
                    // The smoothed duals found nothing that improves the LP: only the current duals can end the stage.
                    best = Price(weights) ?? throw new InvalidOperationException("The pricing model found no panel although one was found before.");
                    if (best.Value.Value > bound && pool.Add(best.Value.Counts))
                    {
                        foreach (var neighbour in Neighbours(problem, types, best.Value.Counts, weights, bound, neighbours))
                        {
                            pool.Add(neighbour);
                        }

                        continue;
                    }
                }

                break;
            }

            // The stage is optimal. Fix every type with positive dual (complementary slackness: no optimal lottery
            // gives it more than z), and every type that the best smoothed duals pin down just as tightly.
            var value = lp.Z;
            var gap = Math.Max(0, centerBound - value);
            var newlyFixed = 0;
            var strongest = -1;
            for (var t = 0; t < typeCount; t++)
            {
                if (isFixed[t])
                {
                    continue;
                }

                if (lp.Y[t] > FixingThreshold || (hasCenter && center[t] > FixingThreshold && gap <= SmoothedFixingMargin * center[t]))
                {
                    isFixed[t] = true;
                    fixedAt[t] = Math.Clamp(value, 0, 1);
                    pool.Fix(t, fixedAt[t]);
                    fixedRespondents += types.Size[t];
                    newlyFixed++;
                }
                else if (strongest < 0 || lp.Y[t] > lp.Y[strongest])
                {
                    strongest = t;
                }
            }

            if (newlyFixed == 0)
            {
                // Cannot happen in exact arithmetic (the prices of the unfixed types sum to 1); a guard against numerical noise.
                isFixed[strongest] = true;
                fixedAt[strongest] = Math.Clamp(value, 0, 1);
                pool.Fix(strongest, fixedAt[strongest]);
                fixedRespondents += types.Size[strongest];
                newlyFixed = 1;
            }

            unfixed -= newlyFixed;
            progress?.Report(Progress());
            if (unfixed > 0)
            {
                stage++;
                if (fast && pool.Count > CompactBetweenStages * typeCount)
                {
                    Compact();
                }
            }
        }

        // The lottery: the last stage's LP, whose remaining types were all fixed at its value.
        var result = Distribution(problem, types, Enumerable.Range(0, lp.Columns.Length).Select(c => (lp.Columns[c], lp.Lambda[c])), calls);
        if (Unrealised(problem, types, fixedAt, result) is { } error)
        {
            throw new InvalidOperationException(error);
        }

        progress?.Report(Progress());
        return result;
    }

    // Splits every composition with positive weight into concrete panels.
    private static PanelDistribution Distribution(SortitionProblem problem, RespondentTypes types, IEnumerable<(int[] Counts, double Weight)> lottery, int calls)
    {
        var panels = new List<WeightedPanel>();
        var compositions = 0;
        foreach (var (counts, lambda) in lottery)
        {
            if (lambda <= 1e-12)
            {
                continue;
            }

            compositions++;
            foreach (var (indices, weight) in CompositionExpander.Expand(types, counts))
            {
                panels.Add(new WeightedPanel([.. indices.Select(i => problem.Pool[i].Id)], lambda * weight));
            }
        }

        return new PanelDistribution(problem, panels, compositions, calls);
    }

    private static double Value(double[] weights, int[] counts)
    {
        var value = 0.0;
        for (var t = 0; t < counts.Length; t++)
        {
            value += weights[t] * counts[t];
        }

        return value;
    }

    private readonly record struct LpSolution(double Z, double[] Y, double ConvexityDual, double[] Lambda, int[][] Columns);

    /// <summary>
    /// The restricted master LP: maximise z such that every unfixed type gets at least z, every fixed type at
    /// least its level, and the lottery sums to 1 (GLOP). The model lives across rounds and stages; columns are
    /// only added, and fixing a type turns its row into "at least the level".
    /// </summary>
    private sealed class MasterLp : IDisposable
    {
        private readonly RespondentTypes _types;
        private readonly double?[] _levels;
        private readonly List<Variable> _lambdas = [];
        private Solver _solver;
        private Variable _z;
        private Constraint[] _rows;
        private Constraint _convexity;
        private readonly HashSet<string> _known = new(StringComparer.Ordinal);

        public MasterLp(RespondentTypes types)
        {
            _types = types;
            _levels = new double?[types.Count];
            (_solver, _z, _rows, _convexity) = Build(types.Count);
        }

        // GLOP keeps its basis between solves when only columns were added — the column generation's case — but only
        // without presolve and scaling, which would change the model it sees with every new column (measured on
        // gen_1000_5_50: 101,799 simplex iterations and 28 s with them, 37,320 and 14 s without).
        private static (Solver, Variable, Constraint[], Constraint) Build(int typeCount)
        {
            var solver = Solver.CreateSolver("GLOP") ?? throw new InvalidOperationException("The GLOP solver of Google OR-Tools is not available.");
            if (!solver.SetSolverSpecificParametersAsString("use_preprocessing: false, use_scaling: false"))
            {
                throw new InvalidOperationException("GLOP refused its parameters.");
            }

            var z = solver.MakeNumVar(double.NegativeInfinity, double.PositiveInfinity, "z");
            var rows = new Constraint[typeCount];
            for (var t = 0; t < typeCount; t++)
            {
                rows[t] = solver.MakeConstraint(0, double.PositiveInfinity, string.Empty);
                rows[t].SetCoefficient(z, -1);
            }

            var convexity = solver.MakeConstraint(1, 1, "sum");
            solver.Objective().SetCoefficient(z, 1);
            solver.Objective().SetMaximization();
            return (solver, z, rows, convexity);
        }

        public List<int[]> Columns { get; private set; } = [];

        public int Count => Columns.Count;

        /// <summary>Compositions found so far, also those a compaction dropped (for the progress).</summary>
        public int Found { get; private set; }

        /// <summary>Adds a composition as a column; false if it is already there.</summary>
        public bool Add(int[] counts)
        {
            if (!Insert(counts))
            {
                return false;
            }

            Found++;
            return true;
        }

        private bool Insert(int[] counts)
        {
            if (!_known.Add(string.Join(',', counts)))
            {
                return false;
            }

            Columns.Add(counts);
            var lambda = _solver.MakeNumVar(0, double.PositiveInfinity, string.Empty);
            _lambdas.Add(lambda);
            _convexity.SetCoefficient(lambda, 1);
            for (var t = 0; t < counts.Length; t++)
            {
                if (counts[t] != 0)
                {
                    _rows[t].SetCoefficient(lambda, (double)counts[t] / _types.Size[t]);
                }
            }

            return true;
        }

        /// <summary>Holds type <paramref name="t"/> at <paramref name="level"/>, exactly: a slack below the level would free probability that lifts the next stage above its true value, and the error would grow from stage to stage.</summary>
        public void Fix(int t, double level)
        {
            _levels[t] = level;
            HoldAtLevel(t, level);
        }

        private void HoldAtLevel(int t, double level)
        {
            _rows[t].SetCoefficient(_z, 0);
            _rows[t].SetLb(level);
        }

        /// <summary>
        /// Rebuilds the LP with only the columns at <paramref name="keep"/> (indices into <see cref="Columns"/>). Each
        /// solve costs GLOP time that grows with the columns even when the basis is warm, so once the LP is large the
        /// columns no lottery is likely to use go, at the price of one solve from scratch. A dropped column can come
        /// back: the pricing finds it again if the duals want it.
        /// </summary>
        public void Compact(IEnumerable<int> keep)
        {
            var kept = keep.Select(c => Columns[c]).ToList();
            _solver.Dispose();
            (_solver, _z, _rows, _convexity) = Build(_types.Count);
            for (var t = 0; t < _levels.Length; t++)
            {
                if (_levels[t] is { } level)
                {
                    HoldAtLevel(t, level);
                }
            }

            Columns = [];
            _lambdas.Clear();
            _known.Clear();
            foreach (var counts in kept)
            {
                Insert(counts);
            }
        }

        /// <param name="unfixed">How many types are not fixed yet, for the message of a failed solve.</param>
        /// <param name="remaining">The time left of the whole solve: GLOP gets it as its limit, so one big LP cannot overrun it.</param>
        public LpSolution Solve(int unfixed, TimeSpan? remaining = null)
        {
            if (remaining is { } left)
            {
                _solver.SetTimeLimit((long)Math.Max(1, Math.Ceiling(left.TotalMilliseconds)));
            }

            var watch = System.Diagnostics.Stopwatch.StartNew();
            var status = _solver.Solve();
            if (status == Solver.ResultStatus.ABNORMAL)
            {
                _solver.Reset();
                status = _solver.Solve();
            }

            // GLOP stops a little before its time limit when it expects the next iteration to overrun it, and then
            // reports FEASIBLE (seen on gen_2000_7_100: stopped after 0.44 s of a 0.466 s limit), so that status with a
            // limit set is the limit too, not a failed LP.
            if (status != Solver.ResultStatus.OPTIMAL && remaining is { } limit && (watch.Elapsed >= limit || status == Solver.ResultStatus.FEASIBLE))
            {
                throw new TimeoutException();
            }

            if (status != Solver.ResultStatus.OPTIMAL)
            {
                throw new InvalidOperationException($"The LEXIMIN master LP ended with status {status} ({Columns.Count} compositions, {unfixed} types unfixed).");
            }

            var y = new double[_rows.Length];
            for (var t = 0; t < y.Length; t++)
            {
                y[t] = Math.Max(0, -_rows[t].DualValue());
            }

            return new LpSolution(_z.SolutionValue(), y, _convexity.DualValue(), [.. _lambdas.Select(l => l.SolutionValue())], [.. Columns]);
        }

        public void Dispose() => _solver.Dispose();
    }

    /// <summary>
    /// The final primal check: every respondent's probability in the returned lottery is the level LEXIMIN fixed
    /// their type at. A lottery that does not realise the computed levels is never returned.
    /// </summary>
    /// <returns>Null when it does; otherwise the message naming the respondent furthest off.</returns>
    private static string? Unrealised(SortitionProblem problem, RespondentTypes types, double[] fixedAt, PanelDistribution distribution)
    {
        var worst = 0.0;
        var worstPerson = 0;
        for (var i = 0; i < problem.Pool.Count; i++)
        {
            var error = Math.Abs(distribution.Probabilities[i] - fixedAt[types.TypeOfPerson[i]]);
            if (error > worst)
            {
                worst = error;
                worstPerson = i;
            }
        }

        return worst <= RealisationTolerance ? null : string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"The LEXIMIN lottery does not realise the computed probabilities: respondent '{problem.Pool[worstPerson].Id}' gets {distribution.Probabilities[worstPerson]:R} instead of {fixedAt[types.TypeOfPerson[worstPerson]]:R} (difference {worst:E2}); the result is withheld.");
    }

    /// <summary>
    /// Cheap extra columns: compositions that differ from <paramref name="counts"/> by moving one member from
    /// one type to another, still meet the quotas and still beat the dual bound; the best few by weight.
    /// Adding them with the priced column saves many pricing rounds.
    /// </summary>
    private static IEnumerable<int[]> Neighbours(SortitionProblem problem, RespondentTypes types, int[] counts, double[] weights, double bound, int limit)
    {
        var quotaCount = new int[problem.Quotas.Count];
        var value = 0.0;
        for (var t = 0; t < counts.Length; t++)
        {
            value += weights[t] * counts[t];
            foreach (var q in types.QuotasOfType[t])
            {
                quotaCount[q] += counts[t];
            }
        }

        var candidates = new List<(double Value, int From, int To)>();
        for (var from = 0; from < counts.Length; from++)
        {
            if (counts[from] == 0)
            {
                continue;
            }

            for (var to = 0; to < counts.Length; to++)
            {
                if (to == from || counts[to] == types.Size[to])
                {
                    continue;
                }

                var newValue = value - weights[from] + weights[to];
                if (newValue <= bound)
                {
                    continue;
                }

                var feasible = true;
                var qf = types.QuotasOfType[from];
                var qt = types.QuotasOfType[to];
                for (var c = 0; c < qf.Length && feasible; c++)
                {
                    if (qf[c] != qt[c])
                    {
                        feasible = quotaCount[qf[c]] - 1 >= problem.Quotas[qf[c]].Min && quotaCount[qt[c]] + 1 <= problem.Quotas[qt[c]].Max;
                    }
                }

                if (feasible)
                {
                    candidates.Add((newValue, from, to));
                }
            }
        }

        foreach (var (_, from, to) in candidates.OrderByDescending(c => c.Value).Take(limit))
        {
            var neighbour = (int[])counts.Clone();
            neighbour[from]--;
            neighbour[to]++;
            yield return neighbour;
        }
    }
}
