using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Masterplan.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CalendarFeedAccount : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Addresses made before cannot be tied to an account; they end, and their holders make new ones.
            migrationBuilder.Sql("DELETE FROM \"CalendarFeeds\";");

            migrationBuilder.AddColumn<string>(
                name: "StampHash",
                table: "CalendarFeeds",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "UserId",
                table: "CalendarFeeds",
                type: "character varying(450)",
                maxLength: 450,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "IX_CalendarFeeds_UserId",
                table: "CalendarFeeds",
                column: "UserId");

            migrationBuilder.AddForeignKey(
                name: "FK_CalendarFeeds_AspNetUsers_UserId",
                table: "CalendarFeeds",
                column: "UserId",
                principalTable: "AspNetUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_CalendarFeeds_AspNetUsers_UserId",
                table: "CalendarFeeds");

            migrationBuilder.DropIndex(
                name: "IX_CalendarFeeds_UserId",
                table: "CalendarFeeds");

            migrationBuilder.DropColumn(
                name: "StampHash",
                table: "CalendarFeeds");

            migrationBuilder.DropColumn(
                name: "UserId",
                table: "CalendarFeeds");
        }
    }
}
