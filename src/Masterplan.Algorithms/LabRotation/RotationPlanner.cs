namespace Masterplan.Algorithms.LabRotation;

/// <summary>
/// Plans which district hosts the Quartierslabor of each quarter (001 "Handlungsfeld 4": one lab per quarter,
/// each in another district; 004 §5: the districts without a lab first).
/// </summary>
/// <remarks>
/// <para>
/// Rule, quarter by quarter: a quarter the Office fixed (<see cref="RotationOverride"/>) gets its district.
/// Every other quarter gets, among all districts, first one that never had a lab, otherwise the one whose last
/// lab is the oldest. "Last lab" counts the history, the quarters planned before, and — so that the rest of the
/// plan respects them — the fixed quarters anywhere in the plan: a district fixed for a later quarter counts as
/// having its lab then, so it is not also chosen shortly before. History labs are compared by date, planned
/// and fixed ones by the first day of their quarter. Ties (several districts without a lab, or two labs on the
/// same day) go to the district that comes first in the list of districts given, e.g. the city's official
/// order in <see cref="DortmundDistricts.Names"/>. The plan is fully determined by its inputs.
/// </para>
/// <para>
/// With as many quarters as districts and no fixed quarters, every district gets exactly one lab, and each
/// later round repeats the order of the first. Fixed quarters are taken as given, even when they repeat a
/// district.
/// </para>
/// </remarks>
public static class RotationPlanner
{
    /// <summary>Plans <paramref name="quarters"/> quarters from <paramref name="firstQuarter"/> on.</summary>
    /// <param name="districts">The districts in tie-break order; names are matched case-insensitively.</param>
    /// <param name="history">Labs held before the first planned quarter.</param>
    /// <param name="firstQuarter">The first quarter to plan.</param>
    /// <param name="quarters">How many quarters to plan (1 or more).</param>
    /// <param name="overrides">Quarters of the plan the Office fixed, at most one per quarter.</param>
    /// <returns>One entry per quarter, in order.</returns>
    /// <exception cref="ArgumentException">An unknown district, a history lab not before the first quarter, a fixed quarter outside the plan or twice, an empty reason.</exception>
    public static IReadOnlyList<PlannedLab> Plan(
        IReadOnlyList<string> districts,
        IEnumerable<PastLab> history,
        Quarter firstQuarter,
        int quarters,
        IEnumerable<RotationOverride>? overrides = null)
    {
        ArgumentNullException.ThrowIfNull(districts);
        ArgumentNullException.ThrowIfNull(history);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(quarters);
        if (districts.Count == 0)
        {
            throw new ArgumentException("At least one district is needed.", nameof(districts));
        }

        var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var d = 0; d < districts.Count; d++)
        {
            if (string.IsNullOrWhiteSpace(districts[d]) || !index.TryAdd(districts[d].Trim(), d))
            {
                throw new ArgumentException($"District names must be non-empty and distinct; '{districts[d]}' is not.", nameof(districts));
            }
        }

        int DistrictIndex(string name, string parameter) =>
            index.TryGetValue(name?.Trim() ?? string.Empty, out var d)
                ? d
                : throw new ArgumentException($"'{name}' is not one of the districts ({string.Join(", ", districts)}).", parameter);

        // Per district: the day number of its last lab so far (null: none), and that lab's quarter.
        var lastDay = new int?[districts.Count];
        var lastQuarter = new Quarter?[districts.Count];
        foreach (var lab in history)
        {
            var d = DistrictIndex(lab.District, nameof(history));
            var q = Quarter.Of(lab.Date);
            if (q >= firstQuarter)
            {
                throw new ArgumentException($"The lab in {lab.District} on {lab.Date:yyyy-MM-dd} ({q}) is not before the first planned quarter {firstQuarter}.", nameof(history));
            }

            if (lastDay[d] is null || lab.Date.DayNumber > lastDay[d])
            {
                lastDay[d] = lab.Date.DayNumber;
                lastQuarter[d] = q;
            }
        }

        var lastPlanned = firstQuarter.AddQuarters(quarters - 1);
        var fixedAt = new RotationOverride?[quarters];
        var fixedDistrict = new int[quarters];
        foreach (var o in overrides ?? [])
        {
            if (o.Quarter < firstQuarter || o.Quarter > lastPlanned)
            {
                throw new ArgumentException($"The fixed quarter {o.Quarter} is outside the plan {firstQuarter}–{lastPlanned}.", nameof(overrides));
            }

            if (string.IsNullOrWhiteSpace(o.Reason))
            {
                throw new ArgumentException($"The fixed quarter {o.Quarter} needs a reason.", nameof(overrides));
            }

            var offset = Offset(firstQuarter, o.Quarter);
            if (fixedAt[offset] is not null)
            {
                throw new ArgumentException($"The quarter {o.Quarter} is fixed twice.", nameof(overrides));
            }

            fixedAt[offset] = o;
            fixedDistrict[offset] = DistrictIndex(o.District, nameof(overrides));
        }

        var plan = new List<PlannedLab>(quarters);
        for (var i = 0; i < quarters; i++)
        {
            var quarter = firstQuarter.AddQuarters(i);
            int chosen;
            RotationBasis basis;
            if (fixedAt[i] is { } o)
            {
                chosen = fixedDistrict[i];
                basis = RotationBasis.Override;
            }
            else
            {
                chosen = Choose(districts.Count, lastDay, FutureFixedDays(fixedAt, fixedDistrict, firstQuarter, i, districts.Count));
                basis = lastDay[chosen] is null ? RotationBasis.NoLabYet : RotationBasis.OldestLastLab;
            }

            var previous = lastQuarter[chosen];
            var reason = basis switch
            {
                RotationBasis.Override => $"Festlegung: {fixedAt[i]!.Reason.Trim()}",
                RotationBasis.NoLabYet => "noch kein Labor",
                _ => $"letztes Labor {previous}",
            };
            plan.Add(new PlannedLab(quarter, districts[chosen], basis, previous, reason));
            lastDay[chosen] = quarter.FirstDay.DayNumber;
            lastQuarter[chosen] = quarter;
        }

        return plan;
    }

    private static int Choose(int count, int?[] lastDay, int?[] futureFixedDay)
    {
        // Sort key: (has any lab, past or fixed later; day of that lab; position in the list). Smallest wins.
        var best = -1;
        (bool, int) bestKey = default;
        for (var d = 0; d < count; d++)
        {
            var day = futureFixedDay[d] ?? lastDay[d];
            var key = (day is not null, day ?? 0);
            if (best < 0 || key.Item1.CompareTo(bestKey.Item1) < 0 || (key.Item1 == bestKey.Item1 && key.Item2 < bestKey.Item2))
            {
                best = d;
                bestKey = key;
            }
        }

        return best;
    }

    /// <summary>Per district, the first day of its first fixed quarter after quarter <paramref name="current"/> of the plan; null if none.</summary>
    private static int?[] FutureFixedDays(RotationOverride?[] fixedAt, int[] fixedDistrict, Quarter first, int current, int count)
    {
        var days = new int?[count];
        for (var j = fixedAt.Length - 1; j > current; j--)
        {
            if (fixedAt[j] is not null)
            {
                days[fixedDistrict[j]] = first.AddQuarters(j).FirstDay.DayNumber;
            }
        }

        return days;
    }

    private static int Offset(Quarter first, Quarter q) => ((q.Year - first.Year) * 4) + q.Number - first.Number;
}
