namespace Masterplan.Algorithms.Invitations;

/// <summary>One resident from a register extract.</summary>
/// <param name="Line">The 1-based line of the extract file on which the person's row starts (0 if not read from a file).</param>
/// <param name="Name">The full name, as it goes on the letter.</param>
/// <param name="Address">The postal address, as it goes on the letter.</param>
/// <param name="BirthYear">The year of birth.</param>
/// <param name="Gender">The register's gender entry.</param>
/// <param name="District">The Stadtbezirk, spelled as in the list of districts given to the reader.</param>
/// <param name="SubDistrict">The statistical sub-district (statistischer Bezirk), or null when the extract has none.</param>
public sealed record RegisterPerson(int Line, string Name, string Address, int BirthYear, RegisterGender Gender, string District, string? SubDistrict);
