using Masterplan.Algorithms.LabRotation;

namespace Masterplan.Algorithms.Tests.LabRotation;

public class RotationPlannerTests
{
    private static readonly IReadOnlyList<string> Districts = DortmundDistricts.Names;
    private static readonly Quarter First = new(2027, 1);

    // 004 §5 speaks of 8 districts without a lab; these four had one (dates invented for the test).
    private static readonly PastLab[] History =
    [
        new("Innenstadt-Nord", new DateOnly(2024, 8, 17)),
        new("Hörde", new DateOnly(2025, 3, 8)),
        new("Innenstadt-Nord", new DateOnly(2023, 5, 6)),
        new("Scharnhorst", new DateOnly(2024, 11, 9)),
        new("Huckarde", new DateOnly(2026, 6, 20)),
    ];

    [Fact]
    public void Without_history_the_districts_come_in_the_given_order_and_each_once()
    {
        var plan = RotationPlanner.Plan(Districts, [], First, 12);

        Assert.Equal(Districts, plan.Select(p => p.District));
        Assert.All(plan, p => Assert.Equal((RotationBasis.NoLabYet, "noch kein Labor", (Quarter?)null), (p.Basis, p.Reason, p.PreviousLab)));
        Assert.Equal(Enumerable.Range(0, 12).Select(First.AddQuarters), plan.Select(p => p.Quarter));
    }

    [Fact]
    public void Districts_without_a_lab_come_first_then_the_oldest_last_lab()
    {
        var plan = RotationPlanner.Plan(Districts, History, First, 13);

        Assert.Equal(
            [
                ("2027-Q1", "Innenstadt-West", "noch kein Labor"),
                ("2027-Q2", "Innenstadt-Ost", "noch kein Labor"),
                ("2027-Q3", "Eving", "noch kein Labor"),
                ("2027-Q4", "Brackel", "noch kein Labor"),
                ("2028-Q1", "Aplerbeck", "noch kein Labor"),
                ("2028-Q2", "Hombruch", "noch kein Labor"),
                ("2028-Q3", "Lütgendortmund", "noch kein Labor"),
                ("2028-Q4", "Mengede", "noch kein Labor"),
                ("2029-Q1", "Innenstadt-Nord", "letztes Labor 2024-Q3"),
                ("2029-Q2", "Scharnhorst", "letztes Labor 2024-Q4"),
                ("2029-Q3", "Hörde", "letztes Labor 2025-Q1"),
                ("2029-Q4", "Huckarde", "letztes Labor 2026-Q2"),
                ("2030-Q1", "Innenstadt-West", "letztes Labor 2027-Q1"),
            ],
            plan.Select(p => (p.Quarter.ToString(), p.District, p.Reason)));
        Assert.Equal(RotationBasis.OldestLastLab, plan[8].Basis);
        Assert.Equal(new Quarter(2024, 3), plan[8].PreviousLab);
    }

    [Fact]
    public void Labs_on_the_same_day_are_ordered_by_the_district_list()
    {
        var day = new DateOnly(2025, 2, 1);
        var plan = RotationPlanner.Plan(["A", "B", "C"], [new PastLab("C", day), new PastLab("B", day), new PastLab("A", day.AddDays(1))], First, 3);

        Assert.Equal(["B", "C", "A"], plan.Select(p => p.District));
    }

    [Fact]
    public void A_fixed_quarter_is_kept_and_the_rest_of_the_plan_respects_it()
    {
        var fix = new RotationOverride(new Quarter(2027, 3), "Mengede", "Stadtteilfest im August");

        var plan = RotationPlanner.Plan(Districts, History, First, 12, [fix]);

        Assert.Equal(("Mengede", RotationBasis.Override, "Festlegung: Stadtteilfest im August"), (plan[2].District, plan[2].Basis, plan[2].Reason));
        Assert.Equal(1, plan.Count(p => p.District == "Mengede")); // not also chosen before or after as "no lab yet"
        Assert.Equal(12, plan.Select(p => p.District).Distinct().Count());
        Assert.Equal(["Innenstadt-West", "Innenstadt-Ost", "Mengede", "Eving", "Brackel", "Aplerbeck", "Hombruch", "Lütgendortmund"], plan.Take(8).Select(p => p.District));
    }

    [Fact]
    public void A_fixed_district_that_had_a_lab_recently_counts_from_the_fixed_quarter_on()
    {
        var plan = RotationPlanner.Plan(Districts, History, First, 14, [new RotationOverride(new Quarter(2027, 2), "Huckarde", "Nachtermin")]);

        Assert.Equal("Festlegung: Nachtermin", plan[1].Reason);
        Assert.Equal(new Quarter(2026, 2), plan[1].PreviousLab);
        Assert.Equal("letztes Labor 2027-Q2", plan.Skip(2).Single(p => p.District == "Huckarde").Reason);
    }

    [Fact]
    public void Every_window_of_twelve_quarters_visits_twelve_districts()
    {
        var plan = RotationPlanner.Plan(Districts, History, First, 40);

        for (var i = 0; i + 12 <= plan.Count; i++)
        {
            Assert.Equal(12, plan.Skip(i).Take(12).Select(p => p.District).Distinct().Count());
        }
    }

    [Fact]
    public void Wrong_input_is_refused_with_a_reason()
    {
        Assert.Contains("'Dortmund-Mitte' is not one of the districts", Assert.Throws<ArgumentException>(() => RotationPlanner.Plan(Districts, [new PastLab("Dortmund-Mitte", new DateOnly(2024, 1, 1))], First, 4)).Message, StringComparison.Ordinal);
        Assert.Contains("not before the first planned quarter 2027-Q1", Assert.Throws<ArgumentException>(() => RotationPlanner.Plan(Districts, [new PastLab("Eving", new DateOnly(2027, 2, 1))], First, 4)).Message, StringComparison.Ordinal);
        Assert.Contains("outside the plan 2027-Q1–2027-Q4", Assert.Throws<ArgumentException>(() => RotationPlanner.Plan(Districts, [], First, 4, [new RotationOverride(new Quarter(2028, 1), "Eving", "x")])).Message, StringComparison.Ordinal);
        Assert.Contains("fixed twice", Assert.Throws<ArgumentException>(() => RotationPlanner.Plan(Districts, [], First, 4, [new RotationOverride(First, "Eving", "x"), new RotationOverride(First, "Hörde", "y")])).Message, StringComparison.Ordinal);
        Assert.Contains("needs a reason", Assert.Throws<ArgumentException>(() => RotationPlanner.Plan(Districts, [], First, 4, [new RotationOverride(First, "Eving", " ")])).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => RotationPlanner.Plan(["A", "a"], [], First, 4));
    }

    [Fact]
    public void District_names_match_ignoring_case_and_the_plan_uses_the_list_spelling() =>
        Assert.Equal("Hörde", RotationPlanner.Plan(Districts, [], First, 1, [new RotationOverride(First, "hörde", "x")])[0].District);

    [Theory]
    [InlineData("2024-Q3", 2024, 3)]
    [InlineData("2024q1", 2024, 1)]
    [InlineData(" 2030-Q4 ", 2030, 4)]
    public void Quarters_parse_and_print(string text, int year, int number)
    {
        var q = Quarter.Parse(text);

        Assert.Equal(new Quarter(year, number), q);
        Assert.Equal($"{year}-Q{number}", q.ToString());
    }

    [Fact]
    public void Quarter_arithmetic()
    {
        Assert.Equal(new Quarter(2025, 2), new Quarter(2024, 3).AddQuarters(3));
        Assert.Equal(new Quarter(2023, 4), new Quarter(2024, 1).AddQuarters(-1));
        Assert.Equal(new Quarter(2024, 3), Quarter.Of(new DateOnly(2024, 9, 30)));
        Assert.Equal(new DateOnly(2024, 10, 1), new Quarter(2024, 4).FirstDay);
        Assert.False(Quarter.TryParse("2024-Q5", out _));
        Assert.Throws<FormatException>(() => Quarter.Parse("Q3/2024"));
    }
}
