using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Masterplan.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CatalogueHistory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "IsRetired",
                table: "FieldsOfAction",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "MergedIntoId",
                table: "FieldsOfAction",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "FieldOfActionVersions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    NodeId = table.Column<int>(type: "INTEGER", nullable: false),
                    ValidFrom = table.Column<long>(type: "INTEGER", nullable: false),
                    Change = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    ParentId = table.Column<int>(type: "INTEGER", nullable: true),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    IsRetired = table.Column<bool>(type: "INTEGER", nullable: false),
                    MergedIntoId = table.Column<int>(type: "INTEGER", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    SourceKind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    SourceText = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FieldOfActionVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FieldOfActionVersions_FieldsOfAction_NodeId",
                        column: x => x.NodeId,
                        principalTable: "FieldsOfAction",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FieldOfActionVersions_NodeId_ValidFrom",
                table: "FieldOfActionVersions",
                columns: new[] { "NodeId", "ValidFrom" });

            migrationBuilder.CreateIndex(
                name: "IX_FieldOfActionVersions_ValidFrom",
                table: "FieldOfActionVersions",
                column: "ValidFrom");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FieldOfActionVersions");

            migrationBuilder.DropColumn(
                name: "IsRetired",
                table: "FieldsOfAction");

            migrationBuilder.DropColumn(
                name: "MergedIntoId",
                table: "FieldsOfAction");
        }
    }
}
