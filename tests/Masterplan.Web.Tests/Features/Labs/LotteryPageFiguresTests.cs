using Masterplan.Algorithms.Sortition;
using Masterplan.Web.Features.Labs;

namespace Masterplan.Web.Tests.Features.Labs;

/// <summary>
/// The lottery page compares the panel with everyone registered by quota category; in a small quarter a count of 1 to 4 could
/// point at a person (the only registered person over 75), so such counts are hidden, and so is whatever would give them away.
/// </summary>
public class LotteryPageFiguresTests
{
    private static Dictionary<string, string> Person(string age, string gender) =>
        new Dictionary<string, string> { ["Alter"] = age, ["Geschlecht"] = gender };

    [Fact]
    public void Small_counts_and_what_would_reveal_them_are_hidden_per_category()
    {
        Quota[] quotas =
        [
            new("Alter", "65+", 1, 3), // the only age band with a quota: the others form the unshown rest
            new("Geschlecht", "weiblich", 2, 3),
            new("Geschlecht", "männlich", 2, 3),
        ];
        // Ten registered: seven aged 65+, three younger; five women, five men.
        var registered = Enumerable.Range(0, 10).Select(i => Person(i < 7 ? "65+" : "18-29", i % 2 == 0 ? "weiblich" : "männlich")).ToList();
        var panel = registered.Take(4).ToList();

        var rows = TransparencyModel.Compose(quotas, registered, panel);

        var age = rows.Single(r => r.Value == "65+");
        // 7 alone would give the three younger people away as 10 − 7: it is hidden with them.
        Assert.Null(age.Registered);
        Assert.Equal(10, age.RegisteredTotal);
        Assert.Equal([5, 5], rows.Where(r => r.Category == "Geschlecht").Select(r => r.Registered));
        // A panel of four: every count is small.
        Assert.All(rows, r => Assert.Null(r.Panel));
        Assert.Equal((1, 3), (age.Min, age.Max));
    }

    [Fact]
    public void Counts_of_five_and_more_show_when_nothing_small_is_left_over()
    {
        Quota[] quotas = [new("Geschlecht", "weiblich", 5, 6), new("Geschlecht", "männlich", 5, 6)];
        var registered = Enumerable.Range(0, 24).Select(i => Person("30-64", i < 14 ? "weiblich" : "männlich")).ToList();
        var panel = registered.Skip(9).Take(11).ToList(); // five women, six men

        var rows = TransparencyModel.Compose(quotas, registered, panel);

        Assert.Equal([14, 10], rows.Select(r => r.Registered));
        Assert.Equal([5, 6], rows.Select(r => r.Panel));
    }
}
