using Masterplan.Algorithms.SeatAllocation;
using static Masterplan.Algorithms.Tests.SeatAllocation.Allocations;

namespace Masterplan.Algorithms.Tests.SeatAllocation;

/// <summary>
/// The Vollversammlung's 10 council seats, distributed by the Fraktionen's council seats with
/// Hare-Niemeyer (004 §3), for the two real compositions of the Rat der Stadt Dortmund.
/// </summary>
public class DortmundCouncilTests
{
    // Council 2020–2025, Fraktionen at the time of the 2023 motion (88 seats in Fraktionen).
    // Sources: radio912.de, lokalkompass.de, fdp-bl.de.
    private static readonly PartyVotes[] Council2020 = Parties(
        ("SPD", 27), ("GRÜNE", 22), ("CDU", 20), ("DIE LINKE+", 7), ("AfD", 5), ("FDP/Bürgerliste", 4), ("Die PARTEI", 3));

    // Council from November 2025, Fraktionen (minimum size 5; 95 seats in Fraktionen).
    // Sources: ruhr-journal.de (Dortmund wählt 2025), nordstadtblogger.de (Grüne & Volt 18 Sitze; Fraktionsgröße).
    private static readonly PartyVotes[] Council2025 = Parties(
        ("SPD", 26), ("CDU", 23), ("AfD", 18), ("GRÜNE & Volt", 18), ("Die Linke & Tierschutzpartei", 10));

    // By hand, total 88, quota = 10 × seats / 88 (remainders in 88ths):
    //   SPD        270/88 = 3 rest 6     GRÜNE  220/88 = 2 rest 44   CDU 200/88 = 2 rest 24
    //   DIE LINKE+  70/88 = 0 rest 70    AfD     50/88 = 0 rest 50
    //   FDP/BL      40/88 = 0 rest 40    PARTEI  30/88 = 0 rest 30
    // Whole parts 3+2+2 = 7, so 3 seats go by remainder: 70 (LINKE+), 50 (AfD), 44 (GRÜNE);
    // the next remainder is 40 (FDP/BL), so there is no tie.
    [Fact]
    public void Hare_Niemeyer_2020_council()
    {
        var result = SeatAllocator.HareNiemeyer(10, Council2020);

        Assert.Null(result.Tie);
        Assert.Equal(
            [("SPD", 3), ("GRÜNE", 3), ("CDU", 2), ("DIE LINKE+", 1), ("AfD", 1), ("FDP/Bürgerliste", 0), ("Die PARTEI", 0)],
            Seats(result));
        Assert.Equal("135/44", result["SPD"].QuotaFraction);
        Assert.Equal("3.068182", result["SPD"].QuotaDecimal);
        Assert.Equal("3/44", result["SPD"].RemainderFraction);
        Assert.Equal("5/2", result["GRÜNE"].QuotaFraction);
        Assert.Equal("2.5", result["GRÜNE"].QuotaDecimal);
        Assert.Equal("0.5", result["GRÜNE"].RemainderDecimal);
        Assert.Equal("25/11", result["CDU"].QuotaFraction);
        Assert.Equal("2.272727", result["CDU"].QuotaDecimal);
        Assert.Equal("35/44", result["DIE LINKE+"].QuotaFraction);
        Assert.Equal("0.795455", result["DIE LINKE+"].QuotaDecimal);
        Assert.Equal("0.795455", result["DIE LINKE+"].RemainderDecimal);
        Assert.Equal("5/11", result["FDP/Bürgerliste"].QuotaFraction);
        Assert.Equal("0.454545", result["FDP/Bürgerliste"].QuotaDecimal);
        Assert.Equal("15/44", result["Die PARTEI"].QuotaFraction);
        Assert.Equal("0.340909", result["Die PARTEI"].QuotaDecimal);
    }

    // By hand, total 95, quota = 10 × seats / 95 (remainders in 95ths):
    //   SPD 260/95 = 2 rest 70   CDU 230/95 = 2 rest 40   AfD 180/95 = 1 rest 85
    //   GRÜNE & Volt 180/95 = 1 rest 85                   Die Linke & Tierschutzpartei 100/95 = 1 rest 5
    // Whole parts 2+2+1+1+1 = 7, so 3 seats go by remainder: 85 (AfD), 85 (GRÜNE & Volt), 70 (SPD).
    // AfD and GRÜNE & Volt have equal remainders, but both are above the cut (the 3rd remainder is 70,
    // the 4th is 40): both get the extra seat and there is no tie.
    [Fact]
    public void Hare_Niemeyer_2025_council_has_equal_remainders_but_no_tie()
    {
        var result = SeatAllocator.HareNiemeyer(10, Council2025);

        Assert.Null(result.Tie);
        Assert.Equal(
            [("SPD", 3), ("CDU", 2), ("AfD", 2), ("GRÜNE & Volt", 2), ("Die Linke & Tierschutzpartei", 1)],
            Seats(result));
        Assert.Equal("52/19", result["SPD"].QuotaFraction);
        Assert.Equal("2.736842", result["SPD"].QuotaDecimal);
        Assert.Equal("14/19", result["SPD"].RemainderFraction);
        Assert.Equal("46/19", result["CDU"].QuotaFraction);
        Assert.Equal("2.421053", result["CDU"].QuotaDecimal);
        Assert.Equal("36/19", result["AfD"].QuotaFraction);
        Assert.Equal("1.894737", result["AfD"].QuotaDecimal);
        Assert.Equal(result["AfD"].Remainder, result["GRÜNE & Volt"].Remainder);
        Assert.Equal("17/19", result["GRÜNE & Volt"].RemainderFraction);
        Assert.Equal("20/19", result["Die Linke & Tierschutzpartei"].QuotaFraction);
        Assert.Equal("0.052632", result["Die Linke & Tierschutzpartei"].RemainderDecimal);
    }

    // D'Hondt, quotients seats/1, /2, /3, /4:
    //   SPD 27, 13.5, 9, 6.75 · GRÜNE 22, 11, 7.33 · CDU 20, 10, 6.67 · LINKE+ 7 · AfD 5 · FDP/BL 4 · PARTEI 3
    // The 10 highest: 27, 22, 20, 13.5, 11, 10, 9, 7.33, 7, 6.75; the 11th is 6.67 (CDU), no tie.
    [Fact]
    public void DHondt_2020_council()
    {
        var result = SeatAllocator.DHondt(10, Council2020);

        Assert.Null(result.Tie);
        Assert.Equal(
            [("SPD", 4), ("GRÜNE", 3), ("CDU", 2), ("DIE LINKE+", 1), ("AfD", 0), ("FDP/Bürgerliste", 0), ("Die PARTEI", 0)],
            Seats(result));
        Assert.Null(result["SPD"].Remainder);
        Assert.Equal("135/44", result["SPD"].QuotaFraction);
    }

    // Sainte-Laguë, quotients seats/1, /3, /5 (the same order as /0.5, /1.5, /2.5):
    //   SPD 27, 9, 5.4 · GRÜNE 22, 7.33, 4.4 · CDU 20, 6.67, 4 · LINKE+ 7 · AfD 5 · FDP/BL 4 · PARTEI 3
    // The 10 highest: 27, 22, 20, 9, 7.33, 7, 6.67, 5.4, 5, 4.4; the 11th is 4 (CDU and FDP/BL), no tie.
    [Fact]
    public void Sainte_Lague_2020_council()
    {
        var result = SeatAllocator.SainteLague(10, Council2020);

        Assert.Null(result.Tie);
        Assert.Equal(
            [("SPD", 3), ("GRÜNE", 3), ("CDU", 2), ("DIE LINKE+", 1), ("AfD", 1), ("FDP/Bürgerliste", 0), ("Die PARTEI", 0)],
            Seats(result));
    }

    // D'Hondt: SPD 26, 13, 8.67 · CDU 23, 11.5, 7.67 · AfD 18, 9, 6 · GRÜNE & Volt 18, 9, 6 · Linke & T. 10, 5
    // The 10 highest: 26, 23, 18, 18, 13, 11.5, 10, 9, 9, 8.67; the 11th is 7.67: the equal 9s of AfD and
    // GRÜNE & Volt are both inside, no tie.
    // Sainte-Laguë: SPD 26, 8.67, 5.2 · CDU 23, 7.67, 4.6 · AfD 18, 6 · GRÜNE & Volt 18, 6 · Linke & T. 10, 3.33
    // The 10 highest: 26, 23, 18, 18, 10, 8.67, 7.67, 6, 6, 5.2; the 11th is 4.6, no tie.
    [Theory]
    [InlineData(SeatAllocationMethod.DHondt)]
    [InlineData(SeatAllocationMethod.SainteLague)]
    public void Divisor_methods_2025_council(SeatAllocationMethod method)
    {
        var result = SeatAllocator.Allocate(method, 10, Council2025);

        Assert.Null(result.Tie);
        Assert.Equal(
            [("SPD", 3), ("CDU", 2), ("AfD", 2), ("GRÜNE & Volt", 2), ("Die Linke & Tierschutzpartei", 1)],
            Seats(result));
    }

    // With a house of 3 the equal sizes do straddle the cut, in every method:
    //   Hare-Niemeyer: quotas 3 × seats / 95 → 78, 69, 54, 54, 30 (95ths), no whole seats; the 3rd seat is
    //   between the two 54s. D'Hondt and Sainte-Laguë: the first quotients are 26, 23, 18, 18.
    [Theory]
    [InlineData(SeatAllocationMethod.HareNiemeyer)]
    [InlineData(SeatAllocationMethod.DHondt)]
    [InlineData(SeatAllocationMethod.SainteLague)]
    public void A_house_of_three_leaves_the_third_seat_to_a_lot_between_AfD_and_GRÜNE_Volt(SeatAllocationMethod method)
    {
        var result = SeatAllocator.Allocate(method, 3, Council2025);

        Assert.False(result.IsDecided);
        Assert.NotNull(result.Tie);
        Assert.Equal(["AfD", "GRÜNE & Volt"], result.Tie.Parties);
        Assert.Equal(1, result.Tie.SeatsInDispute);
        Assert.Equal(
            [("SPD", 1), ("CDU", 1), ("AfD", 0), ("GRÜNE & Volt", 0), ("Die Linke & Tierschutzpartei", 0)],
            Seats(result));
        Assert.Equal(2, result.SeatsAllocated);
    }
}
