using System.Diagnostics;
using Masterplan.Web.Data;
using Masterplan.Web.Features.Districts;
using Masterplan.Web.Features.Geo;
using Masterplan.Web.Features.Open311;
using Masterplan.Web.Features.ServiceRequests;
using Masterplan.Web.Shared;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;

namespace Masterplan.Bench.ServiceRequests;

/// <summary>What the seed made: the categories and districts the reports use, the Open311 key, the counts.</summary>
internal sealed record Seeded(string[] Codes, int[] CategoryIds, int[] DistrictIds, string ApiKey, long Reports, TimeSpan Took, string How);

/// <summary>
/// The reports of the bench, written past the app (the app's own tables, the columns it writes): on PostgreSQL by binary
/// COPY (the generated PostGIS column and its GiST index fill themselves), on SQLite by one prepared INSERT in one
/// transaction (the triggers fill the R*Tree). Points uniform over Dortmund's bounding box (<see cref="GeoArea"/>), the
/// categories, districts and statuses in turn, created evenly over the last 365 days in the order they are written (so
/// the Open311 default window of 90 days holds about a quarter of them).
/// </summary>
internal static class Seed
{
    public const string Prefix = "Bench-Meldung";

    public static async Task<Seeded> RunAsync(IServiceProvider services, DatabaseProvider engine, string connectionString, int reports)
    {
        string[] codes;
        int[] categoryIds, districtIds;
        var key = HashedCodes.NewLinkToken();
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var categories = await db.ServiceCategories.OrderBy(c => c.Position).Select(c => new { c.Id, c.Code }).ToListAsync();
            (codes, categoryIds) = ([.. categories.Select(c => c.Code)], [.. categories.Select(c => c.Id)]);
            districtIds = [.. await db.Districts.OrderBy(d => d.Position).Select(d => d.Id).ToListAsync()];
            db.Open311Clients.Add(new Open311Client
            {
                Name = "Bench", Contact = "bench@example.org", KeyHash = HashedCodes.Hash(key), KeyPrefix = key[..6], IssuedAt = DateTimeOffset.UtcNow, IssuedBy = "Bench",
            });
            await db.SaveChangesAsync();
        }

        var watch = Stopwatch.StartNew();
        var how = engine == DatabaseProvider.Postgres
            ? await CopyAsync(connectionString, reports, categoryIds, districtIds)
            : await InsertSqliteAsync(connectionString, reports, categoryIds, districtIds);
        return new Seeded(codes, categoryIds, districtIds, key, reports, watch.Elapsed, how);
    }

    /// <summary>The n-th report's fields (deterministic: the same data in every run).</summary>
    private static IEnumerable<(string Hash, int Category, string Description, double Lat, double Lon, int District, string Status, DateTimeOffset Created)> Rows(
        int reports, int[] categoryIds, int[] districtIds)
    {
        var random = new Random(18);
        var now = DateTimeOffset.UtcNow;
        var statuses = ServiceRequestsModule.Statuses;
        for (var n = 0; n < reports; n++)
        {
            var lat = GeoArea.MinLatitude + random.NextDouble() * (GeoArea.MaxLatitude - GeoArea.MinLatitude);
            var lon = GeoArea.MinLongitude + random.NextDouble() * (GeoArea.MaxLongitude - GeoArea.MinLongitude);
            // In the order they came in, as a year of reports one by one would lie in the table (oldest first).
            var created = now.AddSeconds(-365 * 86400.0 * (reports - n) / reports - random.NextDouble() * 60);
            yield return (HashedCodes.Hash($"{Prefix}-{n}"), categoryIds[n % categoryIds.Length], $"{Prefix} {n}: Laterne an der Ecke ist seit Tagen dunkel.",
                lat, lon, districtIds[n % districtIds.Length], statuses[n / categoryIds.Length % statuses.Length], created);
        }
    }

    private static async Task<string> CopyAsync(string connectionString, int reports, int[] categoryIds, int[] districtIds)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var postgis = (string)(await new NpgsqlCommand("SELECT extversion FROM pg_extension WHERE extname = 'postgis'", connection).ExecuteScalarAsync())!;

        // The indexes as the migrations made them, dropped for the load and built again afterwards (as a restore does):
        // one sorted build each instead of a million single-row updates of seven indexes.
        var indexes = new List<(string Name, string Definition)>();
        await using (var list = new NpgsqlCommand("""SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'ServiceRequests' AND indexname NOT LIKE 'PK%'""", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                indexes.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var (name, _) in indexes)
        {
            await new NpgsqlCommand($"DROP INDEX \"{name}\"", connection).ExecuteNonQueryAsync();
        }

        var watch = Stopwatch.StartNew();
        await using (var copy = await connection.BeginBinaryImportAsync("""
            COPY "ServiceRequests" ("ReceiptHash", "CategoryId", "Description", "Latitude", "Longitude", "DistrictId", "Status", "SupportCount", "IsPublic", "IsDemo", "Created", "Modified")
            FROM STDIN (FORMAT BINARY)
            """))
        {
            foreach (var r in Rows(reports, categoryIds, districtIds))
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(r.Hash, NpgsqlDbType.Varchar);
                await copy.WriteAsync(r.Category, NpgsqlDbType.Integer);
                await copy.WriteAsync(r.Description, NpgsqlDbType.Varchar);
                await copy.WriteAsync(r.Lat, NpgsqlDbType.Double);
                await copy.WriteAsync(r.Lon, NpgsqlDbType.Double);
                await copy.WriteAsync(r.District, NpgsqlDbType.Integer);
                await copy.WriteAsync(r.Status, NpgsqlDbType.Varchar);
                await copy.WriteAsync(0, NpgsqlDbType.Integer);
                await copy.WriteAsync(true, NpgsqlDbType.Boolean);
                await copy.WriteAsync(false, NpgsqlDbType.Boolean);
                await copy.WriteAsync(r.Created, NpgsqlDbType.TimestampTz);
                await copy.WriteAsync(r.Created, NpgsqlDbType.TimestampTz);
            }

            await copy.CompleteAsync();
        }

        var copied = watch.Elapsed;
        await new NpgsqlCommand("SET maintenance_work_mem = '256MB'", connection).ExecuteNonQueryAsync();
        foreach (var (_, definition) in indexes)
        {
            await new NpgsqlCommand(definition, connection).ExecuteNonQueryAsync();
        }

        var indexed = watch.Elapsed;
        await new NpgsqlCommand("""VACUUM ANALYZE "ServiceRequests" """, connection).ExecuteNonQueryAsync();
        return string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"binary COPY {copied.TotalSeconds:F1} s with the {indexes.Count} secondary indexes dropped, building them again (GiST on the generated point among them) {(indexed - copied).TotalSeconds:F1} s, VACUUM ANALYZE {(watch.Elapsed - indexed).TotalSeconds:F1} s; PostGIS {postgis}");
    }

    private static async Task<string> InsertSqliteAsync(string connectionString, int reports, int[] categoryIds, int[] districtIds)
    {
        var toBinary = new DateTimeOffsetToBinaryConverter();
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();

        // The indexes as the migrations made them, dropped for the load and built again afterwards (the R*Tree stays: its
        // triggers fill it row by row).
        var indexes = new List<(string Name, string Sql)>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = """SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'ServiceRequests' AND sql IS NOT NULL""";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                indexes.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        async Task Run(string sql)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await command.ExecuteNonQueryAsync();
        }

        foreach (var (name, _) in indexes)
        {
            await Run($"DROP INDEX \"{name}\"");
        }

        var watch = Stopwatch.StartNew();
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync();
        await using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = """
            INSERT INTO "ServiceRequests" ("ReceiptHash", "CategoryId", "Description", "Latitude", "Longitude", "DistrictId", "Status", "SupportCount", "IsPublic", "IsDemo", "Created", "Modified")
            VALUES ($hash, $category, $description, $lat, $lon, $district, $status, 0, 1, 0, $created, $created)
            """;
        var p = new[] { "$hash", "$category", "$description", "$lat", "$lon", "$district", "$status", "$created" }.Select(n => command.Parameters.Add(new SqliteParameter { ParameterName = n })).ToArray();
        command.Prepare();
        foreach (var r in Rows(reports, categoryIds, districtIds))
        {
            (p[0].Value, p[1].Value, p[2].Value, p[3].Value, p[4].Value, p[5].Value, p[6].Value, p[7].Value) =
                (r.Hash, r.Category, r.Description, r.Lat, r.Lon, r.District, r.Status, toBinary.ConvertToProvider(r.Created));
            await command.ExecuteNonQueryAsync();
        }

        await tx.CommitAsync();
        var inserted = watch.Elapsed;
        foreach (var (_, sql) in indexes)
        {
            await Run(sql);
        }

        var indexed = watch.Elapsed;
        await Run("ANALYZE");

        // The load went into the write-ahead log (the app's mode); fold it into the file now, as PostgreSQL's VACUUM settles
        // its side, instead of letting the first reports measured pay for checkpointing a hundred megabytes.
        await Run("PRAGMA wal_checkpoint(TRUNCATE)");
        return string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"one prepared INSERT per row in one transaction {inserted.TotalSeconds:F1} s with the {indexes.Count} secondary indexes dropped (triggers fill the R*Tree), " +
            $"building them again {(indexed - inserted).TotalSeconds:F1} s, ANALYZE and a WAL checkpoint {(watch.Elapsed - indexed).TotalSeconds:F1} s");
    }
}
