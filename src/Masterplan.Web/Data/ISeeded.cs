namespace Masterplan.Web.Data;

/// <summary>
/// A row that reference data created. <see cref="SeedKey"/> identifies it across seed versions;
/// <see cref="SeedHash"/> is the hash of the seeded values as last written, so a newer seed version
/// updates only rows nobody has edited since (see <see cref="ReferenceDataSeeder"/>).
/// </summary>
public interface ISeeded
{
    string? SeedKey { get; set; }

    string? SeedHash { get; set; }
}
