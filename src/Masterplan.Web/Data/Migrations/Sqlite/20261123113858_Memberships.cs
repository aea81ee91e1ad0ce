using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Masterplan.Web.Data.Migrations.Sqlite
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
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IsExternal",
                table: "Memberships",
                type: "INTEGER",
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
