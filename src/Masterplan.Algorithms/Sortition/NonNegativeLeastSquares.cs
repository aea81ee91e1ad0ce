namespace Masterplan.Algorithms.Sortition;

/// <summary>
/// Non-negative least squares over a growing set of columns: the λ ≥ 0 that brings Σ λ_j a_j closest to a
/// target b. Lawson and Hanson's active-set method ("Solving Least Squares Problems", 1974, ch. 23), with the
/// QR factorisation of the columns in use updated when a column enters or leaves rather than computed again,
/// so that a step costs O(rows × columns in use). Columns can be added at any time; the next
/// <see cref="Solve"/> starts from the current solution.
/// </summary>
/// <remarks>
/// Used to split LEXIMIN probabilities into a lottery over panel compositions: when the target lies in the cone of
/// the columns, the residual goes to zero within rounding, and the columns in use (at most one per row) are the
/// lottery. An LP simplex on the same question pivots hundreds of times per added batch over a dense basis; here
/// only columns that enter or leave cost anything.
/// </remarks>
internal sealed class NonNegativeLeastSquares
{
    private const double DependenceTolerance = 1e-10;
    private const int StepsPerRow = 100;

    private readonly double[] _target;
    private readonly List<(int[] Index, double[] Value)> _columns = [];
    private readonly List<double> _lambda = [];

    // The columns in use (passive set), in the order of the factorisation: A_P = Q R, Q with orthonormal columns
    // (each of length rows), R upper triangular stored by column, and c = Qᵀ b.
    private readonly List<int> _passive = [];
    private readonly List<double[]> _q = [];
    private readonly List<double[]> _r = [];
    private readonly List<double> _c = [];

    // Columns that were found dependent on the passive set, or left at once after entering: not tried again
    // until the passive set changes otherwise.
    private readonly HashSet<int> _skip = [];

    // Columns with a positive gradient at the last full scan.
    private readonly List<int> _candidates = [];

    public NonNegativeLeastSquares(double[] target)
    {
        _target = (double[])target.Clone();
        Residual = (double[])target.Clone();
    }

    public int Rows => _target.Length;

    /// <summary>b − Σ λ_j a_j after the last <see cref="Solve"/>.</summary>
    public double[] Residual { get; private set; }

    /// <summary>The Euclidean length of <see cref="Residual"/>; it never grows from one solve to the next.</summary>
    public double ResidualNorm => Math.Sqrt(Dot(Residual, Residual));

    public double Lambda(int column) => _lambda[column];

    /// <summary>How many columns have positive weight (at most <see cref="Rows"/>).</summary>
    public int InUse => _passive.Count;

    /// <summary>Adds a sparse column (row indices and values); its λ starts at 0.</summary>
    public int Add(int[] index, double[] value)
    {
        _columns.Add((index, value));
        _lambda.Add(0);
        return _columns.Count - 1;
    }

    /// <summary>
    /// Runs the active-set method to the least-squares optimum over the columns added so far; stops early when
    /// <paramref name="stop"/> says so (time, cancellation) or after 100 steps per row, and then leaves a feasible but
    /// not optimal λ.
    /// </summary>
    /// <returns>The largest absolute entry of the residual.</returns>
    public double Solve(double gradientTolerance, Func<bool> stop)
    {
        UpdateResidual();

        // Lawson–Hanson ends in exact arithmetic; the cap guards against rounding making it cycle. A capped solve is not
        // optimal, and then the caller's exact pricing may find nothing to add and fall back to its slower method.
        var steps = 0;
        while (!stop() && steps++ < StepsPerRow * Rows)
        {
            // The column whose entry lowers the squared residual fastest, among those that had a positive gradient at
            // the last full scan (partial pricing); a full scan when none of them has one any more, and only a full scan
            // that finds none ends the solve.
            var best = BestEntering(_candidates, gradientTolerance);
            if (best < 0)
            {
                _candidates.Clear();
                for (var j = 0; j < _columns.Count; j++)
                {
                    if (_lambda[j] == 0 && !_skip.Contains(j) && Dot(_columns[j], Residual) > gradientTolerance)
                    {
                        _candidates.Add(j);
                    }
                }

                best = BestEntering(_candidates, gradientTolerance);
            }

            if (best < 0 || !Enter(best))
            {
                if (best < 0)
                {
                    break;
                }

                _skip.Add(best);
                continue;
            }

            var solution = SolvePassive();
            if (solution[^1] <= 0)
            {
                // In exact arithmetic a column with positive gradient enters with positive weight; with rounding it
                // may not, and would leave at once in a loop.
                Leave(_passive.Count - 1);
                _skip.Add(best);
                continue;
            }

            // Inner loop: step towards the unconstrained solution until no weight is negative.
            while (true)
            {
                var alpha = 1.0;
                for (var i = 0; i < _passive.Count; i++)
                {
                    if (solution[i] <= 0)
                    {
                        var current = _lambda[_passive[i]];
                        alpha = Math.Min(alpha, current / (current - solution[i]));
                    }
                }

                for (var i = 0; i < _passive.Count; i++)
                {
                    _lambda[_passive[i]] += alpha * (solution[i] - _lambda[_passive[i]]);
                }

                if (alpha >= 1.0)
                {
                    break;
                }

                for (var i = _passive.Count - 1; i >= 0; i--)
                {
                    if (_lambda[_passive[i]] <= 1e-15)
                    {
                        _lambda[_passive[i]] = 0;
                        Leave(i);
                    }
                }

                solution = SolvePassive();
            }

            _skip.Clear();
            UpdateResidual();
        }

        UpdateResidual();
        return Residual.Max(Math.Abs);
    }

    private int BestEntering(List<int> candidates, double gradientTolerance)
    {
        var best = -1;
        var bestGradient = gradientTolerance;
        foreach (var j in candidates)
        {
            if (_lambda[j] > 0 || _skip.Contains(j))
            {
                continue;
            }

            var gradient = Dot(_columns[j], Residual);
            if (gradient > bestGradient)
            {
                bestGradient = gradient;
                best = j;
            }
        }

        return best;
    }

    private void UpdateResidual()
    {
        var residual = (double[])_target.Clone();
        foreach (var j in _passive)
        {
            var (index, value) = _columns[j];
            for (var k = 0; k < index.Length; k++)
            {
                residual[index[k]] -= _lambda[j] * value[k];
            }
        }

        Residual = residual;
    }

    private static double Dot((int[] Index, double[] Value) column, double[] dense)
    {
        var sum = 0.0;
        for (var k = 0; k < column.Index.Length; k++)
        {
            sum += column.Value[k] * dense[column.Index[k]];
        }

        return sum;
    }

    // Appends column j to the factorisation (classical Gram–Schmidt, applied twice for orthogonality); false
    // when it is (numerically) in the span of the passive columns.
    private bool Enter(int j)
    {
        var (index, value) = _columns[j];
        var v = new double[Rows];
        var norm = 0.0;
        for (var k = 0; k < index.Length; k++)
        {
            v[index[k]] = value[k];
            norm += value[k] * value[k];
        }

        var s = _passive.Count;
        var r = new double[s + 1];
        for (var pass = 0; pass < 2; pass++)
        {
            for (var i = 0; i < s; i++)
            {
                var d = Dot(_q[i], v);
                r[i] += d;
                Axpy(-d, _q[i], v);
            }
        }

        var rho = Math.Sqrt(Dot(v, v));
        if (rho <= DependenceTolerance * Math.Sqrt(norm))
        {
            return false;
        }

        Axpy((1 / rho) - 1, v, v);

        r[s] = rho;
        var c = Dot(v, _target);

        _passive.Add(j);
        _q.Add(v);
        _r.Add(r);
        _c.Add(c);
        return true;
    }

    // Removes the passive column at position p and restores the triangular form with Givens rotations.
    private void Leave(int p)
    {
        _passive.RemoveAt(p);
        _r.RemoveAt(p);
        var s = _passive.Count;
        for (var i = p; i < s; i++)
        {
            // Column i (formerly i + 1) has an entry below the diagonal at row i + 1.
            var a = _r[i][i];
            var b = _r[i][i + 1];
            var h = Math.Sqrt((a * a) + (b * b));
            var cos = a / h;
            var sin = b / h;
            for (var col = i; col < s; col++)
            {
                var x = _r[col][i];
                var y = _r[col][i + 1];
                _r[col][i] = (cos * x) + (sin * y);
                _r[col][i + 1] = (-sin * x) + (cos * y);
            }

            Rotate(_q[i], _q[i + 1], cos, sin);

            var ci = _c[i];
            var cn = _c[i + 1];
            _c[i] = (cos * ci) + (sin * cn);
            _c[i + 1] = (-sin * ci) + (cos * cn);
            _r[i] = _r[i][..(i + 1)];
        }

        _q.RemoveAt(s);
        _c.RemoveAt(s);
    }

    // Back substitution R x = c, by columns so that the inner loop runs over contiguous memory.
    private double[] SolvePassive()
    {
        var s = _passive.Count;
        var x = new double[s];
        var rhs = _c.ToArray();
        for (var i = s - 1; i >= 0; i--)
        {
            x[i] = rhs[i] / _r[i][i];
            Axpy(-x[i], _r[i].AsSpan(0, i), rhs.AsSpan(0, i));
        }

        return x;
    }

    private static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var sum = System.Numerics.Vector<double>.Zero;
        var width = System.Numerics.Vector<double>.Count;
        var k = 0;
        for (; k <= a.Length - width; k += width)
        {
            sum += new System.Numerics.Vector<double>(a[k..]) * new System.Numerics.Vector<double>(b[k..]);
        }

        var result = System.Numerics.Vector.Sum(sum);
        for (; k < a.Length; k++)
        {
            result += a[k] * b[k];
        }

        return result;
    }

    // y += a x
    private static void Axpy(double a, ReadOnlySpan<double> x, Span<double> y)
    {
        var width = System.Numerics.Vector<double>.Count;
        var va = new System.Numerics.Vector<double>(a);
        var k = 0;
        for (; k <= x.Length - width; k += width)
        {
            (new System.Numerics.Vector<double>(y[k..]) + (va * new System.Numerics.Vector<double>(x[k..]))).CopyTo(y[k..]);
        }

        for (; k < x.Length; k++)
        {
            y[k] += a * x[k];
        }
    }

    // (x, y) ← (cos x + sin y, −sin x + cos y)
    private static void Rotate(Span<double> x, Span<double> y, double cos, double sin)
    {
        var width = System.Numerics.Vector<double>.Count;
        var vc = new System.Numerics.Vector<double>(cos);
        var vs = new System.Numerics.Vector<double>(sin);
        var k = 0;
        for (; k <= x.Length - width; k += width)
        {
            var a = new System.Numerics.Vector<double>(x[k..]);
            var b = new System.Numerics.Vector<double>(y[k..]);
            ((vc * a) + (vs * b)).CopyTo(x[k..]);
            ((vc * b) - (vs * a)).CopyTo(y[k..]);
        }

        for (; k < x.Length; k++)
        {
            var a = x[k];
            var b = y[k];
            x[k] = (cos * a) + (sin * b);
            y[k] = (cos * b) - (sin * a);
        }
    }
}
