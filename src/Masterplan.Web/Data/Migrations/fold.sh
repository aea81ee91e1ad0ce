#!/usr/bin/env bash
# Folds the migrations of each engine into one Initial again and regenerates the compiled models: the rule until the
# first release (docs/architecture.md, "Data"). The SQL the model does not generate lives in HandWrittenSql.cs; this
# script puts its calls into the new Initial migrations.
set -euo pipefail
root="$(cd "$(dirname "$0")/../../../.." && pwd)"
cd "$root"
export PATH="$PATH:$HOME/.dotnet/tools"
dir=src/Masterplan.Web/Data/Migrations
for engine in Sqlite Postgres; do rm -f "$dir/$engine"/*.cs; done
for engine in Sqlite Postgres; do
  dotnet ef migrations add Initial --project src/Masterplan.Web --context "${engine}AppDbContext" --output-dir "Data/Migrations/$engine"
  file=$(ls "$dir/$engine"/*_Initial.cs)
  perl -0pi -e "s/(\n        \}\n\n        \/\/\/ <inheritdoc \/>\n        protected override void Down\(MigrationBuilder migrationBuilder\)\n        \{\n)/\n\n            HandWrittenSql.Up${engine}(migrationBuilder);\$1            HandWrittenSql.Down${engine}(migrationBuilder);\n\n/" "$file"
  grep -q "HandWrittenSql.Up${engine}" "$file" && grep -q "HandWrittenSql.Down${engine}" "$file" || { echo "could not place the HandWrittenSql calls in $file" >&2; exit 1; }
done
for engine in Sqlite Postgres; do
  dotnet ef dbcontext optimize --project src/Masterplan.Web --context "${engine}AppDbContext" \
    --output-dir "Data/CompiledModels/$engine" --namespace "Masterplan.Web.Data.CompiledModels.$engine"
done
# A new SQLite database is created from this script (DatabaseSetup.TryCreateSqliteSchemaAsync); EF writes it with a BOM.
dotnet ef migrations script --project src/Masterplan.Web --context SqliteAppDbContext --output src/Masterplan.Web/Data/Sql/sqlite_schema.sql
sed -i '1s/^\xEF\xBB\xBF//' src/Masterplan.Web/Data/Sql/sqlite_schema.sql
echo "Folded. Run the tests ReferenceDataTests, CompiledModelTests and AuditLogTests on both engines."
