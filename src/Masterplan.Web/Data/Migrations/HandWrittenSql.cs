using Microsoft.EntityFrameworkCore.Migrations;

namespace Masterplan.Web.Data.Migrations;

/// <summary>
/// The SQL the model does not generate. Each engine's <c>Initial</c> migration calls it at the end of <c>Up</c> and the
/// start of <c>Down</c>; <c>Data/Migrations/fold.sh</c> puts the calls back when the migrations are folded again.
/// </summary>
internal static class HandWrittenSql
{
    /// <summary>The audit log is append-only (docs/domain.md#audit-log): the database itself refuses changes.</summary>
    public static void UpSqlite(MigrationBuilder migrationBuilder)
    {
        // Quartz.NET keeps its jobs in memory on SQLite, so it needs no tables here.
        migrationBuilder.Sql("CREATE TRIGGER audit_entries_no_update BEFORE UPDATE ON \"AuditEntries\" BEGIN SELECT RAISE(ABORT, 'The audit log is append-only.'); END;");
        migrationBuilder.Sql("CREATE TRIGGER audit_entries_no_delete BEFORE DELETE ON \"AuditEntries\" BEGIN SELECT RAISE(ABORT, 'The audit log is append-only.'); END;");
        UpSqliteServiceRequestPoints(migrationBuilder);
    }

    /// <summary>
    /// The spatial index of the Meldungen on SQLite: an R*Tree (part of the bundled SQLite, nothing to install) that
    /// triggers keep in step with the coordinates; PostgreSQL uses a PostGIS column with a GiST index instead. A later
    /// migration that rebuilds <c>ServiceRequests</c> (some column changes do on SQLite) drops the triggers and must
    /// create them again. <see cref="UpSqlite"/> calls it (and <see cref="DownSqlite"/> the undo).
    /// </summary>
    public static void UpSqliteServiceRequestPoints(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            CREATE VIRTUAL TABLE "ServiceRequestPoints" USING rtree("Id", "MinLatitude", "MaxLatitude", "MinLongitude", "MaxLongitude");
            """);
        migrationBuilder.Sql("""
            INSERT INTO "ServiceRequestPoints" SELECT "Id", "Latitude", "Latitude", "Longitude", "Longitude" FROM "ServiceRequests";
            """);
        migrationBuilder.Sql("""
            CREATE TRIGGER service_request_points_insert AFTER INSERT ON "ServiceRequests" BEGIN
                INSERT INTO "ServiceRequestPoints" VALUES (new."Id", new."Latitude", new."Latitude", new."Longitude", new."Longitude");
            END;
            """);
        migrationBuilder.Sql("""
            CREATE TRIGGER service_request_points_update AFTER UPDATE OF "Latitude", "Longitude" ON "ServiceRequests" BEGIN
                UPDATE "ServiceRequestPoints" SET "MinLatitude" = new."Latitude", "MaxLatitude" = new."Latitude",
                    "MinLongitude" = new."Longitude", "MaxLongitude" = new."Longitude" WHERE "Id" = new."Id";
            END;
            """);
        migrationBuilder.Sql("""
            CREATE TRIGGER service_request_points_delete AFTER DELETE ON "ServiceRequests" BEGIN
                DELETE FROM "ServiceRequestPoints" WHERE "Id" = old."Id";
            END;
            """);
    }

    public static void DownSqliteServiceRequestPoints(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("DROP TRIGGER IF EXISTS service_request_points_insert;");
        migrationBuilder.Sql("DROP TRIGGER IF EXISTS service_request_points_update;");
        migrationBuilder.Sql("DROP TRIGGER IF EXISTS service_request_points_delete;");
        migrationBuilder.Sql("DROP TABLE IF EXISTS \"ServiceRequestPoints\";");
    }

    public static void DownSqlite(MigrationBuilder migrationBuilder)
    {
        DownSqliteServiceRequestPoints(migrationBuilder);
        migrationBuilder.Sql("DROP TRIGGER IF EXISTS audit_entries_no_update;");
        migrationBuilder.Sql("DROP TRIGGER IF EXISTS audit_entries_no_delete;");
    }

    /// <summary>The append-only audit log, and the tables of Quartz.NET's clustered job store (Features/Jobs; the script matches Quartz 4.7).</summary>
    public static void UpPostgres(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            CREATE FUNCTION audit_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'The audit log is append-only.';
            END $$;
            CREATE TRIGGER audit_entries_no_change BEFORE UPDATE OR DELETE ON "AuditEntries"
                FOR EACH ROW EXECUTE FUNCTION audit_entries_append_only();
            CREATE TRIGGER audit_entries_no_truncate BEFORE TRUNCATE ON "AuditEntries"
                FOR EACH STATEMENT EXECUTE FUNCTION audit_entries_append_only();
            """);
        migrationBuilder.Sql(EmbeddedSql.Read("quartz_postgres.sql"));
        UpPostgresSearchIndexes(migrationBuilder);
    }

    /// <summary>
    /// GIN indexes for the site search over the tables with long texts (<c>Shared/SiteSearch.Matching</c>). Each expression
    /// must be exactly the one EF writes for that source's fields, or PostgreSQL does not use it (a test reads the plan):
    /// title fields weighted A, then the text fields, joined with spaces, nullable ones in COALESCE.
    /// </summary>
    public static void UpPostgresSearchIndexes(MigrationBuilder migrationBuilder) => migrationBuilder.Sql("""
        CREATE INDEX "IX_Papers_Search" ON "Papers" USING GIN ((setweight(to_tsvector('german', "Name" || ' ' || COALESCE("Reference", '')), 'A')
            || to_tsvector('german', COALESCE("DecisionProposal", '') || ' ' || COALESCE("Reasons", ''))));
        CREATE INDEX "IX_Measures_Search" ON "Measures" USING GIN ((setweight(to_tsvector('german', "Title" || ' ' || COALESCE("ExternalNumber", '')), 'A')
            || to_tsvector('german', COALESCE("Description", '') || ' ' || COALESCE("Partners", '') || ' ' || COALESCE("Place", ''))));
        """);

    public static void DownPostgres(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""DROP INDEX IF EXISTS "IX_Papers_Search"; DROP INDEX IF EXISTS "IX_Measures_Search";""");
        migrationBuilder.Sql("""
            DROP TABLE IF EXISTS qrtz_job_status, qrtz_misfire_history, qrtz_execution_history, qrtz_locks,
                qrtz_scheduler_state, qrtz_fired_triggers, qrtz_paused_job_grps, qrtz_paused_trigger_grps,
                qrtz_calendars, qrtz_blob_triggers, qrtz_simprop_triggers, qrtz_cron_triggers,
                qrtz_simple_triggers, qrtz_triggers, qrtz_job_details;
            """);
        migrationBuilder.Sql("""
            DROP TRIGGER IF EXISTS audit_entries_no_change ON "AuditEntries";
            DROP TRIGGER IF EXISTS audit_entries_no_truncate ON "AuditEntries";
            DROP FUNCTION IF EXISTS audit_entries_append_only();
            """);
    }
}
