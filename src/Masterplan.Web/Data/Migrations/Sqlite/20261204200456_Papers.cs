using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Masterplan.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Papers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Papers_Reference",
                table: "Papers");

            migrationBuilder.AddColumn<bool>(
                name: "IsDemo",
                table: "Papers",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "Reasons",
                table: "Papers",
                type: "TEXT",
                maxLength: 20000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "AgendaLinkId",
                table: "Consultations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Authoritative",
                table: "Consultations",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "Result",
                table: "Consultations",
                type: "TEXT",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ResultDate",
                table: "Consultations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "PaperFiles",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PaperId = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    MediaType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha512 = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    IsGenerated = table.Column<bool>(type: "INTEGER", nullable: false),
                    AddedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    AddedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PaperFiles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PaperFiles_Papers_PaperId",
                        column: x => x.PaperId,
                        principalTable: "Papers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PaperRelations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PaperId = table.Column<int>(type: "INTEGER", nullable: false),
                    RelatedPaperId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PaperRelations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PaperRelations_Papers_PaperId",
                        column: x => x.PaperId,
                        principalTable: "Papers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PaperRelations_Papers_RelatedPaperId",
                        column: x => x.RelatedPaperId,
                        principalTable: "Papers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PaperFileContents",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Data = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PaperFileContents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PaperFileContents_PaperFiles_Id",
                        column: x => x.Id,
                        principalTable: "PaperFiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Papers_Date",
                table: "Papers",
                column: "Date");

            migrationBuilder.CreateIndex(
                name: "IX_Papers_Reference",
                table: "Papers",
                column: "Reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Consultations_AgendaLinkId",
                table: "Consultations",
                column: "AgendaLinkId");

            migrationBuilder.CreateIndex(
                name: "IX_PaperFiles_PaperId",
                table: "PaperFiles",
                column: "PaperId");

            migrationBuilder.CreateIndex(
                name: "IX_PaperRelations_PaperId_RelatedPaperId",
                table: "PaperRelations",
                columns: new[] { "PaperId", "RelatedPaperId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PaperRelations_RelatedPaperId",
                table: "PaperRelations",
                column: "RelatedPaperId");

            migrationBuilder.AddForeignKey(
                name: "FK_Consultations_AgendaLinks_AgendaLinkId",
                table: "Consultations",
                column: "AgendaLinkId",
                principalTable: "AgendaLinks",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Consultations_AgendaLinks_AgendaLinkId",
                table: "Consultations");

            migrationBuilder.DropTable(
                name: "PaperFileContents");

            migrationBuilder.DropTable(
                name: "PaperRelations");

            migrationBuilder.DropTable(
                name: "PaperFiles");

            migrationBuilder.DropIndex(
                name: "IX_Papers_Date",
                table: "Papers");

            migrationBuilder.DropIndex(
                name: "IX_Papers_Reference",
                table: "Papers");

            migrationBuilder.DropIndex(
                name: "IX_Consultations_AgendaLinkId",
                table: "Consultations");

            migrationBuilder.DropColumn(
                name: "IsDemo",
                table: "Papers");

            migrationBuilder.DropColumn(
                name: "Reasons",
                table: "Papers");

            migrationBuilder.DropColumn(
                name: "AgendaLinkId",
                table: "Consultations");

            migrationBuilder.DropColumn(
                name: "Authoritative",
                table: "Consultations");

            migrationBuilder.DropColumn(
                name: "Result",
                table: "Consultations");

            migrationBuilder.DropColumn(
                name: "ResultDate",
                table: "Consultations");

            migrationBuilder.CreateIndex(
                name: "IX_Papers_Reference",
                table: "Papers",
                column: "Reference");
        }
    }
}
