using Masterplan.Algorithms.Disclosure;

namespace Masterplan.Algorithms.Tests.Disclosure;

/// <summary>Small-cell suppression with counts 0–6: what is hidden, and that no hidden count can be worked out from what is shown.</summary>
public class SmallCellsTests
{
    private static string Shown(int[] counts)
    {
        var hidden = SmallCells.Suppress(counts);
        return string.Join(' ', counts.Append(counts.Sum()).Select((c, i) => hidden[i] ? "x" : c.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData(new[] { 0, 5, 6 }, "0 5 6 11")] // nothing small: all shown, 0 too
    [InlineData(new[] { 5, 6, 3 }, "x 6 x 14")] // 3 hidden, and 5 so that 14 − 6 leaves two unknowns
    [InlineData(new[] { 0, 6, 3 }, "0 x x 9")] // the hidden 3 takes the 6 with it, not the 0
    [InlineData(new[] { 0, 0, 3 }, "0 0 x x")] // the total equals the one count: both hidden
    [InlineData(new[] { 1, 2, 6 }, "x x 6 9")] // two small ones protect each other
    [InlineData(new[] { 4, 5, 6, 0 }, "x x 6 0 15")]
    [InlineData(new[] { 0, 1, 2, 3, 4, 5, 6 }, "0 x x x x 5 6 21")]
    [InlineData(new[] { 5, 5, 5, 5 }, "5 5 5 5 20")]
    [InlineData(new[] { 0, 0, 0 }, "0 0 0 0")]
    [InlineData(new[] { 6 }, "6 6")]
    [InlineData(new[] { 2 }, "x x")]
    public void A_list_hides_counts_from_1_to_4_and_what_would_reveal_them(int[] counts, string expected) =>
        Assert.Equal(expected, Shown(counts));

    [Fact]
    public void Every_list_of_counts_0_to_6_leaves_no_line_with_exactly_one_hidden_entry()
    {
        // All lists of three counts from 0 to 6 (343 of them): no count from 1 to 4 is shown, and the total never gives one away.
        for (var a = 0; a <= 6; a++)
        {
            for (var b = 0; b <= 6; b++)
            {
                for (var c = 0; c <= 6; c++)
                {
                    int[] counts = [a, b, c];
                    var hidden = SmallCells.Suppress(counts);
                    var all = counts.Append(a + b + c).ToArray();
                    Assert.All(Enumerable.Range(0, 4), i => Assert.True(hidden[i] || all[i] is 0 or >= 5, $"{string.Join(',', counts)}: {all[i]} shown"));
                    Assert.NotEqual(1, hidden.Count(h => h));
                }
            }
        }
    }

    [Fact]
    public void A_table_with_row_and_column_totals_hides_a_second_cell_in_each_row_and_column_of_a_small_one()
    {
        // Months × kinds: one small cell (3) in the middle.
        int[,] cells = { { 6, 5, 6 }, { 5, 3, 6 }, { 6, 6, 5 } };
        var hidden = SmallCells.Suppress(cells);
        Assert.True(hidden[1, 1]);
        for (var r = 0; r <= 3; r++)
        {
            Assert.NotEqual(1, Enumerable.Range(0, 4).Count(c => hidden[r, c]));
        }

        for (var c = 0; c <= 3; c++)
        {
            Assert.NotEqual(1, Enumerable.Range(0, 4).Count(r => hidden[r, c]));
        }

        // The grand total (56) is shown; not every cell went.
        Assert.False(hidden[3, 3]);
        Assert.True(Enumerable.Range(0, 3).SelectMany(r => Enumerable.Range(0, 3).Select(c => hidden[r, c])).Count(h => h) <= 4);
    }

    [Fact]
    public void Negative_counts_are_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => SmallCells.Suppress([1, -1]));
}
