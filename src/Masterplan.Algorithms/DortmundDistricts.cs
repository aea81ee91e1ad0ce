namespace Masterplan.Algorithms;

/// <summary>The 12 Stadtbezirke of Dortmund in the city's official order (the Bezirksvertretungen of seed 001).</summary>
/// <remarks>
/// The web application reads the districts from its reference data; this list serves the command-line tool
/// and tests, which have no database. The order is the tie-break order of the lab rotation.
/// </remarks>
public static class DortmundDistricts
{
    /// <summary>Innenstadt-West, Innenstadt-Nord, Innenstadt-Ost, Eving, Scharnhorst, Brackel, Aplerbeck, Hörde, Hombruch, Lütgendortmund, Huckarde, Mengede.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        "Innenstadt-West", "Innenstadt-Nord", "Innenstadt-Ost", "Eving", "Scharnhorst", "Brackel",
        "Aplerbeck", "Hörde", "Hombruch", "Lütgendortmund", "Huckarde", "Mengede",
    ];
}
