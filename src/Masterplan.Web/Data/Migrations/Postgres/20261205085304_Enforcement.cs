using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Masterplan.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Enforcement : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "EnforcementOfficers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    ServiceNumber = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Pseudonym = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EnforcementOfficers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "EnforcementReports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    From = table.Column<DateOnly>(type: "date", nullable: false),
                    To = table.Column<DateOnly>(type: "date", nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Introduction = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    Assessment = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    NextSteps = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    PaperId = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EnforcementReports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ForceIncidents",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OfficerId = table.Column<int>(type: "integer", nullable: false),
                    OccurredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DistrictId = table.Column<int>(type: "integer", nullable: false),
                    Latitude = table.Column<double>(type: "double precision", nullable: true),
                    Longitude = table.Column<double>(type: "double precision", nullable: true),
                    Address = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Baton = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    PepperSpray = table.Column<bool>(type: "boolean", nullable: false),
                    Handcuffs = table.Column<bool>(type: "boolean", nullable: false),
                    BodycamOn = table.Column<bool>(type: "boolean", nullable: false),
                    BodycamReason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    RecordingKept = table.Column<bool>(type: "boolean", nullable: true),
                    OfficerInjured = table.Column<bool>(type: "boolean", nullable: false),
                    PersonInjured = table.Column<bool>(type: "boolean", nullable: false),
                    ComplaintFollowed = table.Column<bool>(type: "boolean", nullable: false),
                    Description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    DescriptionDeletedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SignOffBy = table.Column<DateOnly>(type: "date", nullable: false),
                    SignedOffAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    SignedOffByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    SignedOffByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    SignOffNote = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    RemindedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    IsDemo = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ForceIncidents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ForceIncidents_Districts_DistrictId",
                        column: x => x.DistrictId,
                        principalTable: "Districts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ForceIncidents_EnforcementOfficers_OfficerId",
                        column: x => x.OfficerId,
                        principalTable: "EnforcementOfficers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "StopReceipts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CodeHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    OfficerId = table.Column<int>(type: "integer", nullable: false),
                    OccurredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DistrictId = table.Column<int>(type: "integer", nullable: false),
                    Latitude = table.Column<double>(type: "double precision", nullable: true),
                    Longitude = table.Column<double>(type: "double precision", nullable: true),
                    Address = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    LegalBasis = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Outcome = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ReasonDeletedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    IsDemo = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StopReceipts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StopReceipts_Districts_DistrictId",
                        column: x => x.DistrictId,
                        principalTable: "Districts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_StopReceipts_EnforcementOfficers_OfficerId",
                        column: x => x.OfficerId,
                        principalTable: "EnforcementOfficers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ReceiptFeedbacks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ReceiptId = table.Column<int>(type: "integer", nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Fairness = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CheckedBecause = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    TextDeletedOn = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReceiptFeedbacks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReceiptFeedbacks_StopReceipts_ReceiptId",
                        column: x => x.ReceiptId,
                        principalTable: "StopReceipts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EnforcementOfficers_Pseudonym",
                table: "EnforcementOfficers",
                column: "Pseudonym",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EnforcementOfficers_ServiceNumber",
                table: "EnforcementOfficers",
                column: "ServiceNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EnforcementOfficers_UserId",
                table: "EnforcementOfficers",
                column: "UserId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ForceIncidents_DistrictId",
                table: "ForceIncidents",
                column: "DistrictId");

            migrationBuilder.CreateIndex(
                name: "IX_ForceIncidents_OccurredAt",
                table: "ForceIncidents",
                column: "OccurredAt");

            migrationBuilder.CreateIndex(
                name: "IX_ForceIncidents_OfficerId",
                table: "ForceIncidents",
                column: "OfficerId");

            migrationBuilder.CreateIndex(
                name: "IX_ForceIncidents_SignedOffAt_SignOffBy",
                table: "ForceIncidents",
                columns: new[] { "SignedOffAt", "SignOffBy" });

            migrationBuilder.CreateIndex(
                name: "IX_ReceiptFeedbacks_ReceiptId",
                table: "ReceiptFeedbacks",
                column: "ReceiptId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StopReceipts_CodeHash",
                table: "StopReceipts",
                column: "CodeHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StopReceipts_DistrictId",
                table: "StopReceipts",
                column: "DistrictId");

            migrationBuilder.CreateIndex(
                name: "IX_StopReceipts_OccurredAt",
                table: "StopReceipts",
                column: "OccurredAt");

            migrationBuilder.CreateIndex(
                name: "IX_StopReceipts_OfficerId_CreatedAt",
                table: "StopReceipts",
                columns: new[] { "OfficerId", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EnforcementReports");

            migrationBuilder.DropTable(
                name: "ForceIncidents");

            migrationBuilder.DropTable(
                name: "ReceiptFeedbacks");

            migrationBuilder.DropTable(
                name: "StopReceipts");

            migrationBuilder.DropTable(
                name: "EnforcementOfficers");
        }
    }
}
