namespace Masterplan.Algorithms.Invitations;

/// <summary>The age bands of the stratified draw and how an age is computed from a birth year.</summary>
/// <remarks>
/// Bands: 0-15 (only populated when an extract is read with a minimum age below 16), 16-24, 25-34, 35-49,
/// 50-64, 65+; the common bands of citizens' assemblies in Germany, starting at 16, the voting age in local
/// elections in North Rhine-Westphalia. The register extract holds only the birth year, so the age is the age
/// reached in the reference date's calendar year: reference year − birth year. Someone born in December 2010
/// counts as 16 for any reference date in 2026. Changing the bands changes every stratified draw; they are
/// part of the input hash.
/// </remarks>
public static class AgeBands
{
    /// <summary>The bands in ascending order; they cover every age from 0 up.</summary>
    public static IReadOnlyList<AgeBand> All { get; } =
    [
        new(0, 15), new(16, 24), new(25, 34), new(35, 49), new(50, 64), new(65, null),
    ];

    /// <summary>The age reached in the calendar year of <paramref name="referenceDate"/>.</summary>
    public static int Age(int birthYear, DateOnly referenceDate) => referenceDate.Year - birthYear;

    /// <summary>The index in <see cref="All"/> of the band that holds <paramref name="age"/>; ages below 0 count as 0.</summary>
    public static int IndexOf(int age)
    {
        for (var i = All.Count - 1; i > 0; i--)
        {
            if (age >= All[i].MinAge)
            {
                return i;
            }
        }

        return 0;
    }
}
