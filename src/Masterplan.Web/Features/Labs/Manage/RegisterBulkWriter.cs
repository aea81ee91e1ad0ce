using System.Data.Common;
using Masterplan.Algorithms.Invitations;
using Masterplan.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Masterplan.Web.Features.Labs.Manage;

/// <summary>
/// Writes a register extract's rows into <c>RegisterEntries</c> inside the caller's open transaction, in bulk: PostgreSQL binary
/// COPY, SQLite one prepared INSERT bound again per row. EF's <c>Add</c> wrote about 12,000 rows a second; 600,000 rows are
/// a usual extract. Table and column names come from the EF model, so a renamed property or table cannot silently miss.
/// </summary>
internal static class RegisterBulkWriter
{
    /// <summary>The columns written, in this order; Id is left to the database.</summary>
    private static readonly string[] Properties =
    [
        nameof(RegisterEntry.LabId), nameof(RegisterEntry.RowIndex), nameof(RegisterEntry.Line), nameof(RegisterEntry.Name), nameof(RegisterEntry.Address),
        nameof(RegisterEntry.BirthYear), nameof(RegisterEntry.Gender), nameof(RegisterEntry.District), nameof(RegisterEntry.SubDistrict),
    ];

    public static async Task WriteAsync(AppDbContext db, int labId, RegisterExtract extract, Action<int> written, CancellationToken ct)
    {
        var (table, columns) = Mapping(db);
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction() ?? throw new InvalidOperationException("The register is written inside a transaction.");
        switch (connection)
        {
            case NpgsqlConnection npgsql:
                await CopyAsync(npgsql, table, columns, labId, extract, written, ct);
                break;
            case SqliteConnection sqlite:
                await InsertAsync(sqlite, (SqliteTransaction)transaction, table, columns, labId, extract, written, ct);
                break;
            default:
                throw new NotSupportedException($"No bulk insert for {connection.GetType().Name}.");
        }
    }

    /// <summary>The table and the columns as the model maps them (quoted), checked against the entity's properties.</summary>
    private static (string Table, string[] Columns) Mapping(AppDbContext db)
    {
        var entity = db.Model.FindEntityType(typeof(RegisterEntry)) ?? throw new InvalidOperationException("RegisterEntry is not in the model.");
        var name = entity.GetTableName() ?? throw new InvalidOperationException("RegisterEntry is not mapped to a table.");
        var store = StoreObjectIdentifier.Table(name, entity.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        var columns = Properties.Select(p => sql.DelimitIdentifier(
            (entity.FindProperty(p) ?? throw new InvalidOperationException($"RegisterEntry.{p} is not in the model.")).GetColumnName(store)
            ?? throw new InvalidOperationException($"RegisterEntry.{p} has no column."))).ToArray();

        // Every stored property but the generated key is written: a new property in the model must be added here too.
        var missing = entity.GetProperties().Where(p => p.ValueGenerated == ValueGenerated.Never && !Properties.Contains(p.Name)).Select(p => p.Name).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException($"The register bulk insert does not write RegisterEntry.{string.Join(", ", missing)}.");
        }

        return (sql.DelimitIdentifier(name, entity.GetSchema()), columns);
    }

    private static async Task CopyAsync(NpgsqlConnection connection, string table, string[] columns, int labId, RegisterExtract extract, Action<int> written, CancellationToken ct)
    {
        await using var copy = await connection.BeginBinaryImportAsync($"COPY {table} ({string.Join(", ", columns)}) FROM STDIN (FORMAT BINARY)", ct);
        var districts = extract.Districts;
        var subDistricts = extract.SubDistricts;
        for (var i = 0; i < extract.Count; i++)
        {
            await copy.StartRowAsync(ct);
            await copy.WriteAsync(labId, NpgsqlDbType.Integer, ct);
            await copy.WriteAsync(i, NpgsqlDbType.Integer, ct);
            await copy.WriteAsync(extract.LineOf(i), NpgsqlDbType.Integer, ct);
            await copy.WriteAsync(extract.NameOf(i), NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(extract.AddressOf(i), NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(extract.BirthYearOf(i), NpgsqlDbType.Integer, ct);
            await copy.WriteAsync(RegisterImport.GenderCode(extract.GenderOf(i)), NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(districts[extract.DistrictIndexOf(i)], NpgsqlDbType.Varchar, ct);
            var sub = extract.SubDistrictIndexOf(i);
            if (sub < 0)
            {
                await copy.WriteNullAsync(ct);
            }
            else
            {
                await copy.WriteAsync(subDistricts[sub], NpgsqlDbType.Varchar, ct);
            }

            written(i + 1);
        }

        await copy.CompleteAsync(ct);
    }

    private static async Task InsertAsync(SqliteConnection connection, SqliteTransaction transaction, string table, string[] columns, int labId, RegisterExtract extract, Action<int> written, CancellationToken ct)
    {
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select((_, c) => "$p" + c))})";
        var p = columns.Select((_, c) => insert.Parameters.Add("$p" + c, c is 0 or 1 or 2 or 5 ? SqliteType.Integer : SqliteType.Text)).ToArray();
        insert.Prepare();
        p[0].Value = labId;
        var districts = extract.Districts;
        var subDistricts = extract.SubDistricts;
        for (var i = 0; i < extract.Count; i++)
        {
            ct.ThrowIfCancellationRequested();
            p[1].Value = i;
            p[2].Value = extract.LineOf(i);
            p[3].Value = extract.NameOf(i);
            p[4].Value = extract.AddressOf(i);
            p[5].Value = extract.BirthYearOf(i);
            p[6].Value = RegisterImport.GenderCode(extract.GenderOf(i));
            p[7].Value = districts[extract.DistrictIndexOf(i)];
            var sub = extract.SubDistrictIndexOf(i);
            p[8].Value = sub < 0 ? DBNull.Value : subDistricts[sub];

            // SQLite runs in-process: the synchronous call does the same work without a task per row.
            insert.ExecuteNonQuery();
            written(i + 1);
        }
    }
}
