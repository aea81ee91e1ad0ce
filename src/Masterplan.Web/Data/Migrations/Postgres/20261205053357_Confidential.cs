using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Masterplan.Web.Data.Migrations.Postgres
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Unit = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Number = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    SecretHash = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    FailedOpens = table.Column<int>(type: "integer", nullable: false),
                    BlockedUntil = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    KeyId = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    WrappedKey = table.Column<byte[]>(type: "bytea", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    AcknowledgeBy = table.Column<DateOnly>(type: "date", nullable: false),
                    FeedbackBy = table.Column<DateOnly>(type: "date", nullable: false),
                    AcknowledgedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    FeedbackOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ClosedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Service = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    DistrictId = table.Column<int>(type: "integer", nullable: true),
                    OutcomeCategory = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    ContactWay = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SignedIn = table.Column<bool>(type: "boolean", nullable: false),
                    ChargesPressed = table.Column<bool>(type: "boolean", nullable: false),
                    AdviceWanted = table.Column<bool>(type: "boolean", nullable: false),
                    ForwardConsent = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ForwardedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    RemindedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    UnreadReply = table.Column<bool>(type: "boolean", nullable: false),
                    UnreadMessage = table.Column<bool>(type: "boolean", nullable: false),
                    ContentDeletedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    AttachmentsDeletedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    IsDemo = table.Column<bool>(type: "boolean", nullable: false),
                    What = table.Column<byte[]>(type: "bytea", nullable: true),
                    When = table.Column<byte[]>(type: "bytea", nullable: true),
                    Where = table.Column<byte[]>(type: "bytea", nullable: true),
                    Details = table.Column<byte[]>(type: "bytea", nullable: true),
                    Injuries = table.Column<byte[]>(type: "bytea", nullable: true),
                    Contact = table.Column<byte[]>(type: "bytea", nullable: true),
                    Reporter = table.Column<byte[]>(type: "bytea", nullable: true),
                    Advice = table.Column<byte[]>(type: "bytea", nullable: true),
                    OutcomeText = table.Column<byte[]>(type: "bytea", nullable: true)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CaseId = table.Column<int>(type: "integer", nullable: false),
                    FromUnit = table.Column<bool>(type: "boolean", nullable: false),
                    On = table.Column<DateOnly>(type: "date", nullable: false),
                    AuthorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Body = table.Column<byte[]>(type: "bytea", nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CaseId = table.Column<int>(type: "integer", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AuthorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Body = table.Column<byte[]>(type: "bytea", nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CaseId = table.Column<int>(type: "integer", nullable: false),
                    MessageId = table.Column<int>(type: "integer", nullable: true),
                    MediaType = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Size = table.Column<int>(type: "integer", nullable: false),
                    AddedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Name = table.Column<byte[]>(type: "bytea", nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", nullable: false)
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
