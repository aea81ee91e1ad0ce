namespace Masterplan.Algorithms.Disclosure;

/// <summary>
/// Small-cell suppression for published counts: a count from 1 to <c>threshold − 1</c> could point at a person, so it is
/// not shown (primary suppression; 0 reveals nobody and is shown). A table with row and column totals would still give a
/// suppressed cell away as the difference of its total and the other cells, so in every row and every column (each with
/// its total) the number of hidden entries must be zero or at least two: where it is one, the smallest other count is
/// hidden too (secondary suppression; the smallest non-zero count first, because a hidden 0 protects little), or, when
/// no count is left, the smallest total. This repeats
/// until nothing changes. A one-dimensional list with a total is a table of one row.
/// </summary>
public static class SmallCells
{
    /// <summary>The smallest count shown: 1 to 4 are hidden on every public figure of the platform.</summary>
    public const int Threshold = 5;

    /// <summary>
    /// Which entries to hide. <paramref name="cells"/> is rows × columns; the totals are computed, not given. The answer has
    /// one more row and one more column than <paramref name="cells"/>: the last column holds the row totals, the last row
    /// the column totals, and the corner the grand total.
    /// </summary>
    public static bool[,] Suppress(int[,] cells, int threshold = Threshold)
    {
        var rows = cells.GetLength(0);
        var columns = cells.GetLength(1);
        var values = new int[rows + 1, columns + 1];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                ArgumentOutOfRangeException.ThrowIfNegative(cells[r, c]);
                values[r, c] = cells[r, c];
                values[r, columns] += cells[r, c];
                values[rows, c] += cells[r, c];
                values[rows, columns] += cells[r, c];
            }
        }

        var hidden = new bool[rows + 1, columns + 1];
        for (var r = 0; r <= rows; r++)
        {
            for (var c = 0; c <= columns; c++)
            {
                hidden[r, c] = values[r, c] > 0 && values[r, c] < threshold;
            }
        }

        // Each line: the cells of a row with its total, or of a column with its total (the totals' row and column included).
        var lines = new List<(int R, int C)[]>();
        for (var r = 0; r <= rows; r++)
        {
            lines.Add([.. Enumerable.Range(0, columns + 1).Select(c => (r, c))]);
        }

        for (var c = 0; c <= columns; c++)
        {
            lines.Add([.. Enumerable.Range(0, rows + 1).Select(r => (r, c))]);
        }

        bool changed;
        do
        {
            changed = false;
            foreach (var line in lines)
            {
                if (line.Count(p => hidden[p.R, p.C]) != 1)
                {
                    continue;
                }

                // A line of one cell and its total: the total equals the cell, so hiding one hides both.
                var candidates = line.Where(p => !hidden[p.R, p.C]).ToList();
                var cellsOnly = candidates.Where(p => p.R < rows && p.C < columns).ToList();
                var totals = candidates.Except(cellsOnly).ToList();
                var pick = Smallest(cellsOnly, values) ?? Smallest(totals, values);
                if (pick is { } p)
                {
                    hidden[p.Item1, p.Item2] = true;
                    changed = true;
                }
            }
        }
        while (changed);

        return hidden;
    }

    /// <summary>The smallest non-zero entry of <paramref name="among"/>, else the first zero, else null.</summary>
    private static (int, int)? Smallest(List<(int R, int C)> among, int[,] values) =>
        among.Where(p => values[p.R, p.C] > 0).OrderBy(p => values[p.R, p.C]).Cast<(int, int)?>().FirstOrDefault() ?? among.Cast<(int, int)?>().FirstOrDefault();

    /// <summary>A list with its total: which entries to hide; the last entry is the total's.</summary>
    public static bool[] Suppress(IReadOnlyList<int> counts, int threshold = Threshold)
    {
        var cells = new int[1, counts.Count];
        for (var i = 0; i < counts.Count; i++)
        {
            cells[0, i] = counts[i];
        }

        var hidden = Suppress(cells, threshold);
        // One row: the column totals repeat the cells, the corner repeats the row total.
        return [.. Enumerable.Range(0, counts.Count + 1).Select(i => hidden[0, i] || hidden[1, i])];
    }
}
