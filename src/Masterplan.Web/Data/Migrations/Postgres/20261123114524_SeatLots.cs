using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Masterplan.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SeatLots : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SeatLots",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Signature = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    TiedParties = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    SeatsInDispute = table.Column<int>(type: "integer", nullable: false),
                    Seed = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Winners = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    DrawnAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DrawnBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SeatLots", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SeatLots_Signature",
                table: "SeatLots",
                column: "Signature");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SeatLots");
        }
    }
}
