using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Sqlite.Migrations.Internal;

namespace Masterplan.Web.Data;

/// <summary>
/// EF's migrations history on SQLite, without the small model EF builds for the history table on every start (about a
/// third of a second of a cold start, mostly compiling its conventions). The table's script and column names are the ones
/// EF would generate; <c>ReferenceDataTests.The_migrations_history_script_is_EFs_own</c> compares them with EF's on every
/// test run, so an EF update that changes them fails there.
/// </summary>
#pragma warning disable EF1001 // SqliteHistoryRepository is EF's own internal base; the test above pins what it generates.
internal sealed class SqliteStartupHistoryRepository(HistoryRepositoryDependencies dependencies) : SqliteHistoryRepository(dependencies)
#pragma warning restore EF1001
{
    public const string CreateScript = """
        CREATE TABLE "__EFMigrationsHistory" (
            "MigrationId" TEXT NOT NULL CONSTRAINT "PK___EFMigrationsHistory" PRIMARY KEY,
            "ProductVersion" TEXT NOT NULL
        );

        """;

    protected override string MigrationIdColumnName => "MigrationId";

    protected override string ProductVersionColumnName => "ProductVersion";

    public override string GetCreateScript() => TableName == DefaultTableName && TableSchema is null ? CreateScript.ReplaceLineEndings() : base.GetCreateScript();
}
