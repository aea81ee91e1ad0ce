namespace Masterplan.Algorithms.Sortition;

/// <summary>The public CSV formats for a pool and its quotas.</summary>
public enum SortitionFileFormat
{
    /// <summary>Detect the format from the header of the quota file.</summary>
    Auto,

    /// <summary>
    /// The replication data of Flanigan et al. (Nature 596, 2021): <c>categories.csv</c> with the columns
    /// category,feature,min,max and <c>respondents.csv</c> with one column per category (an optional
    /// <c>id</c> column; otherwise the data row number is the id).
    /// </summary>
    Replication,

    /// <summary>
    /// The Sortition Foundation's format: <c>features.csv</c> with feature,value,min,max and optionally
    /// min_flex,max_flex, and <c>candidates.csv</c> with the id column <c>nationbuilder_id</c> (or <c>id</c>),
    /// personal columns (ignored) and one column per feature.
    /// </summary>
    SortitionFoundation,
}
