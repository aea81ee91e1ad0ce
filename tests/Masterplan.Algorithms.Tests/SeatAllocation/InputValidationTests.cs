using Masterplan.Algorithms.SeatAllocation;
using static Masterplan.Algorithms.Tests.SeatAllocation.Allocations;

namespace Masterplan.Algorithms.Tests.SeatAllocation;

public class InputValidationTests
{
    private static readonly PartyVotes[] Valid = Parties(("A", 10), ("B", 5));

    public static TheoryData<int, PartyVotes[]?, string> Invalid => new()
    {
        { 0, Valid, "seats" },
        { -3, Valid, "seats" },
        { 10_001, Valid, "seats" },
        { 10, null, "parties" },
        { 10, [], "parties" },
        { 10, Numbered(Enumerable.Repeat(1L, 1_001).ToArray()), "parties" },
        { 10, [new("A", 1), null!, new("C", 1)], "parties[1]" },
        { 10, Parties(("A", 1), ("B", 1), ("C", 1), ("  ", 1)), "parties[3].name" },
        { 10, Parties(("A", 1), ("", 1)), "parties[1].name" },
        { 10, [new("A", 1), new(null!, 1)], "parties[1].name" },
        { 10, Parties(("A", 1), ("B", 1), (" A ", 1)), "parties[2].name" },
        { 10, Parties(("A", 1), ("B", 1), ("C", -1)), "parties[2].votes" },
        { 10, Parties(("A", 0), ("B", 0)), "parties" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Invalid_input_names_the_field(int seats, PartyVotes[]? parties, string field)
    {
        foreach (var method in AllMethods)
        {
            var error = Assert.Throws<SeatAllocationInputException>(() => SeatAllocator.Allocate(method, seats, parties!));

            Assert.Equal(field, error.Field);
            Assert.Equal(field, error.ParamName);
            Assert.IsAssignableFrom<ArgumentException>(error);
            Assert.DoesNotContain("(Parameter", error.Message, StringComparison.Ordinal);
            Assert.EndsWith(".", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Messages_say_what_is_wrong()
    {
        Assert.Equal(
            "The number of seats must be between 1 and 10,000; it was 0.",
            Assert.Throws<SeatAllocationInputException>(() => SeatAllocator.HareNiemeyer(0, Valid)).Message);
        Assert.Equal(
            "The name 'A' of party 2 is already used by party 0; names must be unique.",
            Assert.Throws<SeatAllocationInputException>(() => SeatAllocator.HareNiemeyer(1, Parties(("A", 1), ("B", 1), ("A ", 1)))).Message);
        Assert.Equal(
            "The votes of 'B' must not be negative; they were -5.",
            Assert.Throws<SeatAllocationInputException>(() => SeatAllocator.DHondt(1, Parties(("A", 1), ("B", -5)))).Message);
    }

    [Fact]
    public void An_unknown_method_names_the_method_field()
    {
        var error = Assert.Throws<SeatAllocationInputException>(() => SeatAllocator.Allocate((SeatAllocationMethod)99, 10, Valid));

        Assert.Equal("method", error.Field);
    }

    [Fact]
    public void Names_are_trimmed_and_compared_ordinally()
    {
        var result = SeatAllocator.HareNiemeyer(2, Parties((" Grüne ", 1), ("grüne", 1)));

        Assert.Equal(["Grüne", "grüne"], result.Parties.Select(p => p.Name));
        Assert.Equal(1, result[" Grüne"].Seats);
    }

    [Fact]
    public void The_limits_themselves_are_accepted()
    {
        // 1,000 parties with the largest possible votes and a house of 10,000: totals beyond long, exact all the way.
        var parties = Numbered(Enumerable.Range(0, SeatAllocator.MaxParties).Select(i => long.MaxValue - i).ToArray());

        foreach (var method in AllMethods)
        {
            var result = SeatAllocator.Allocate(method, SeatAllocator.MaxSeats, parties);

            Assert.Null(result.Tie);
            Assert.Equal(SeatAllocator.MaxSeats, result.SeatsAllocated);
            Assert.All(result.Parties, p => Assert.Equal(10, p.Seats));
        }
    }
}
