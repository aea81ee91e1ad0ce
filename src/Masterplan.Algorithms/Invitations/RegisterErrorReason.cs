namespace Masterplan.Algorithms.Invitations;

/// <summary>Which rule a <see cref="RegisterExtractError"/> broke, where its <see cref="RegisterErrorKind"/> has several.</summary>
public enum RegisterErrorReason
{
    /// <summary>The kind says it all.</summary>
    None,

    /// <summary>The birth year is not a number of at most four digits.</summary>
    NotAYear,

    /// <summary>The birth year lies after the reference date.</summary>
    AfterReferenceDate,

    /// <summary>The birth year means an age above the maximum (<see cref="RegisterExtractError.Limit"/>).</summary>
    AboveMaximumAge,

    /// <summary>The birth year means an age below the minimum (<see cref="RegisterExtractError.Limit"/>).</summary>
    BelowMinimumAge,

    /// <summary>Required columns are missing (<see cref="RegisterExtractError.Value"/> lists them).</summary>
    MissingColumns,

    /// <summary>Several columns mean the same (<see cref="RegisterExtractError.Value"/> lists them).</summary>
    DuplicateColumns,
}
