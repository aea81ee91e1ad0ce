using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Masterplan.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OParl : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "Created",
                table: "Persons",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "Modified",
                table: "Persons",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "Created",
                table: "Papers",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "Modified",
                table: "Papers",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "Created",
                table: "Organizations",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "Modified",
                table: "Organizations",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "Created",
                table: "Memberships",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "Modified",
                table: "Memberships",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "Created",
                table: "Meetings",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "Modified",
                table: "Meetings",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "Created",
                table: "MeetingDocuments",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "Modified",
                table: "MeetingDocuments",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "Created",
                table: "Districts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "Modified",
                table: "Districts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "Created",
                table: "Consultations",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "Modified",
                table: "Consultations",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "Created",
                table: "Bodies",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "Modified",
                table: "Bodies",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "Created",
                table: "AgendaItems",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "Modified",
                table: "AgendaItems",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateTable(
                name: "Tombstones",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EntityType = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    EntityId = table.Column<int>(type: "INTEGER", nullable: false),
                    Created = table.Column<long>(type: "INTEGER", nullable: false),
                    Deleted = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Tombstones", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Tombstones_EntityType_Deleted",
                table: "Tombstones",
                columns: new[] { "EntityType", "Deleted" });

            migrationBuilder.CreateIndex(
                name: "IX_Tombstones_EntityType_EntityId",
                table: "Tombstones",
                columns: new[] { "EntityType", "EntityId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Tombstones");

            migrationBuilder.DropColumn(
                name: "Created",
                table: "Persons");

            migrationBuilder.DropColumn(
                name: "Modified",
                table: "Persons");

            migrationBuilder.DropColumn(
                name: "Created",
                table: "Papers");

            migrationBuilder.DropColumn(
                name: "Modified",
                table: "Papers");

            migrationBuilder.DropColumn(
                name: "Created",
                table: "Organizations");

            migrationBuilder.DropColumn(
                name: "Modified",
                table: "Organizations");

            migrationBuilder.DropColumn(
                name: "Created",
                table: "Memberships");

            migrationBuilder.DropColumn(
                name: "Modified",
                table: "Memberships");

            migrationBuilder.DropColumn(
                name: "Created",
                table: "Meetings");

            migrationBuilder.DropColumn(
                name: "Modified",
                table: "Meetings");

            migrationBuilder.DropColumn(
                name: "Created",
                table: "MeetingDocuments");

            migrationBuilder.DropColumn(
                name: "Modified",
                table: "MeetingDocuments");

            migrationBuilder.DropColumn(
                name: "Created",
                table: "Districts");

            migrationBuilder.DropColumn(
                name: "Modified",
                table: "Districts");

            migrationBuilder.DropColumn(
                name: "Created",
                table: "Consultations");

            migrationBuilder.DropColumn(
                name: "Modified",
                table: "Consultations");

            migrationBuilder.DropColumn(
                name: "Created",
                table: "Bodies");

            migrationBuilder.DropColumn(
                name: "Modified",
                table: "Bodies");

            migrationBuilder.DropColumn(
                name: "Created",
                table: "AgendaItems");

            migrationBuilder.DropColumn(
                name: "Modified",
                table: "AgendaItems");
        }
    }
}
