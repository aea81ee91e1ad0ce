using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Masterplan.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OParlIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Persons_Modified",
                table: "Persons",
                column: "Modified");

            migrationBuilder.CreateIndex(
                name: "IX_Papers_Modified",
                table: "Papers",
                column: "Modified");

            migrationBuilder.CreateIndex(
                name: "IX_Organizations_Modified",
                table: "Organizations",
                column: "Modified");

            migrationBuilder.CreateIndex(
                name: "IX_Memberships_Modified",
                table: "Memberships",
                column: "Modified");

            migrationBuilder.CreateIndex(
                name: "IX_Meetings_Modified",
                table: "Meetings",
                column: "Modified");

            migrationBuilder.CreateIndex(
                name: "IX_MeetingDocuments_Modified",
                table: "MeetingDocuments",
                column: "Modified");

            migrationBuilder.CreateIndex(
                name: "IX_Districts_Modified",
                table: "Districts",
                column: "Modified");

            migrationBuilder.CreateIndex(
                name: "IX_Consultations_Modified",
                table: "Consultations",
                column: "Modified");

            migrationBuilder.CreateIndex(
                name: "IX_Bodies_Modified",
                table: "Bodies",
                column: "Modified");

            migrationBuilder.CreateIndex(
                name: "IX_AgendaItems_Modified",
                table: "AgendaItems",
                column: "Modified");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Persons_Modified",
                table: "Persons");

            migrationBuilder.DropIndex(
                name: "IX_Papers_Modified",
                table: "Papers");

            migrationBuilder.DropIndex(
                name: "IX_Organizations_Modified",
                table: "Organizations");

            migrationBuilder.DropIndex(
                name: "IX_Memberships_Modified",
                table: "Memberships");

            migrationBuilder.DropIndex(
                name: "IX_Meetings_Modified",
                table: "Meetings");

            migrationBuilder.DropIndex(
                name: "IX_MeetingDocuments_Modified",
                table: "MeetingDocuments");

            migrationBuilder.DropIndex(
                name: "IX_Districts_Modified",
                table: "Districts");

            migrationBuilder.DropIndex(
                name: "IX_Consultations_Modified",
                table: "Consultations");

            migrationBuilder.DropIndex(
                name: "IX_Bodies_Modified",
                table: "Bodies");

            migrationBuilder.DropIndex(
                name: "IX_AgendaItems_Modified",
                table: "AgendaItems");
        }
    }
}
