namespace Masterplan.Web.Data;

/// <summary>SQL scripts shipped in the assembly (Data/Sql/*.sql) for migrations.</summary>
internal static class EmbeddedSql
{
    public static string Read(string fileName)
    {
        using var stream = typeof(EmbeddedSql).Assembly.GetManifestResourceStream($"Masterplan.Web.Data.Sql.{fileName}")
            ?? throw new InvalidOperationException($"The SQL script {fileName} is missing from the build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
