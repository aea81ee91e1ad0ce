using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Masterplan.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Memberships : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "FormedBy",
                table: "Organizations",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IsExternal",
                table: "Memberships",
                type: "boolean",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "FormedBy",
                table: "Organizations");

            migrationBuilder.DropColumn(
                name: "IsExternal",
                table: "Memberships");
        }
    }
}
