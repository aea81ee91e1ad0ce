using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Masterplan.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PublicDrawFile : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SeedAct",
                table: "SeatLots",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PublicInput",
                table: "PanelSelections",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SeedAct",
                table: "PanelSelections",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PublicInput",
                table: "InviteeDraws",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SeedAct",
                table: "InviteeDraws",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SeedAct",
                table: "SeatLots");

            migrationBuilder.DropColumn(
                name: "PublicInput",
                table: "PanelSelections");

            migrationBuilder.DropColumn(
                name: "SeedAct",
                table: "PanelSelections");

            migrationBuilder.DropColumn(
                name: "PublicInput",
                table: "InviteeDraws");

            migrationBuilder.DropColumn(
                name: "SeedAct",
                table: "InviteeDraws");
        }
    }
}
