namespace Masterplan.Algorithms.Invitations;

/// <summary>What is wrong with a register extract; lets a caller translate <see cref="RegisterExtractError.Message"/>.</summary>
public enum RegisterErrorKind
{
    /// <summary>The file is empty.</summary>
    EmptyFile,

    /// <summary>The file is not UTF-8 (e.g. ISO-8859-1/Windows-1252, or UTF-16).</summary>
    Encoding,

    /// <summary>Required columns are missing or a column appears twice.</summary>
    Header,

    /// <summary>A row has more or fewer fields than the header, or a quote is misplaced.</summary>
    RowShape,

    /// <summary>A required field is empty.</summary>
    EmptyField,

    /// <summary>A field contains a line break or another control character.</summary>
    ControlCharacter,

    /// <summary>A name, address or statistical district is longer than <see cref="RegisterReadOptions.MaximumFieldLength"/>.</summary>
    TooLong,

    /// <summary>The birth year is not a year, lies after the reference date, or means an age above the maximum or below the minimum.</summary>
    BirthYear,

    /// <summary>The gender is not one of the register's values.</summary>
    Gender,

    /// <summary>The district is not one of the given districts.</summary>
    District,

    /// <summary>The same person (name, address and birth year) appears on an earlier line.</summary>
    Duplicate,
}
