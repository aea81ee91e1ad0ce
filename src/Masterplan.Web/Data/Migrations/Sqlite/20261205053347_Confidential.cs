using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Masterplan.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Confidential : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ConfidentialCases",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    SecretHash = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    FailedOpens = table.Column<int>(type: "INTEGER", nullable: false),
                    BlockedUntil = table.Column<long>(type: "INTEGER", nullable: true),
                    KeyId = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    WrappedKey = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AcknowledgeBy = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    FeedbackBy = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AcknowledgedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    FeedbackOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ClosedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Service = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    DistrictId = table.Column<int>(type: "INTEGER", nullable: true),
                    OutcomeCategory = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    ContactWay = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SignedIn = table.Column<bool>(type: "INTEGER", nullable: false),
                    ChargesPressed = table.Column<bool>(type: "INTEGER", nullable: false),
                    AdviceWanted = table.Column<bool>(type: "INTEGER", nullable: false),
                    ForwardConsent = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ForwardedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RemindedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    UnreadReply = table.Column<bool>(type: "INTEGER", nullable: false),
                    UnreadMessage = table.Column<bool>(type: "INTEGER", nullable: false),
                    ContentDeletedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AttachmentsDeletedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    IsDemo = table.Column<bool>(type: "INTEGER", nullable: false),
                    What = table.Column<byte[]>(type: "BLOB", nullable: true),
                    When = table.Column<byte[]>(type: "BLOB", nullable: true),
                    Where = table.Column<byte[]>(type: "BLOB", nullable: true),
                    Details = table.Column<byte[]>(type: "BLOB", nullable: true),
                    Injuries = table.Column<byte[]>(type: "BLOB", nullable: true),
                    Contact = table.Column<byte[]>(type: "BLOB", nullable: true),
                    Reporter = table.Column<byte[]>(type: "BLOB", nullable: true),
                    Advice = table.Column<byte[]>(type: "BLOB", nullable: true),
                    OutcomeText = table.Column<byte[]>(type: "BLOB", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConfidentialCases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConfidentialCases_Districts_DistrictId",
                        column: x => x.DistrictId,
                        principalTable: "Districts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ConfidentialMessages",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<int>(type: "INTEGER", nullable: false),
                    FromUnit = table.Column<bool>(type: "INTEGER", nullable: false),
                    On = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AuthorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Body = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConfidentialMessages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConfidentialMessages_ConfidentialCases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "ConfidentialCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ConfidentialNotes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    AuthorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Body = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConfidentialNotes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConfidentialNotes_ConfidentialCases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "ConfidentialCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ConfidentialFiles",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<int>(type: "INTEGER", nullable: false),
                    MessageId = table.Column<int>(type: "INTEGER", nullable: true),
                    MediaType = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Size = table.Column<int>(type: "INTEGER", nullable: false),
                    AddedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Name = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConfidentialFiles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConfidentialFiles_ConfidentialCases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "ConfidentialCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ConfidentialFiles_ConfidentialMessages_MessageId",
                        column: x => x.MessageId,
                        principalTable: "ConfidentialMessages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ConfidentialCases_DistrictId",
                table: "ConfidentialCases",
                column: "DistrictId");

            migrationBuilder.CreateIndex(
                name: "IX_ConfidentialCases_Number",
                table: "ConfidentialCases",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ConfidentialCases_Unit_Status_ReceivedOn",
                table: "ConfidentialCases",
                columns: new[] { "Unit", "Status", "ReceivedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_ConfidentialFiles_CaseId",
                table: "ConfidentialFiles",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_ConfidentialFiles_MessageId",
                table: "ConfidentialFiles",
                column: "MessageId");

            migrationBuilder.CreateIndex(
                name: "IX_ConfidentialMessages_CaseId",
                table: "ConfidentialMessages",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_ConfidentialNotes_CaseId",
                table: "ConfidentialNotes",
                column: "CaseId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ConfidentialFiles");

            migrationBuilder.DropTable(
                name: "ConfidentialNotes");

            migrationBuilder.DropTable(
                name: "ConfidentialMessages");

            migrationBuilder.DropTable(
                name: "ConfidentialCases");
        }
    }
}
