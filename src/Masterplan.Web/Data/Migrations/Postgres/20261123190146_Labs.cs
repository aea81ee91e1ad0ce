using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Masterplan.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Labs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Labs",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    District = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Quarter = table.Column<int>(type: "integer", nullable: false),
                    State = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    PlanBasis = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    OverrideReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    ConceptPolitics = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    ConceptDigitalInput = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    ConceptParticipation = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    ConceptApprovedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ConceptApprovedBy = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Categories = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    LettersCreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RegisterDeletedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    HeldOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ResultsSummary = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    ReportedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ReportedTo = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    RegistrationsDeletedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Labs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "InviteeDraws",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    LabId = table.Column<int>(type: "integer", nullable: false),
                    Seed = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Method = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ReferenceDate = table.Column<DateOnly>(type: "date", nullable: false),
                    InputHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Rows = table.Column<int>(type: "integer", nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: false),
                    DrawnAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InviteeDraws", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InviteeDraws_Labs_LabId",
                        column: x => x.LabId,
                        principalTable: "Labs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LabInvitations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    LabId = table.Column<int>(type: "integer", nullable: false),
                    RowIndex = table.Column<int>(type: "integer", nullable: false),
                    CodeHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    UsedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LabInvitations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LabInvitations_Labs_LabId",
                        column: x => x.LabId,
                        principalTable: "Labs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LabPlaces",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    LabId = table.Column<int>(type: "integer", nullable: false),
                    Latitude = table.Column<double>(type: "double precision", nullable: false),
                    Longitude = table.Column<double>(type: "double precision", nullable: false),
                    Category = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Comment = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LabPlaces", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LabPlaces_Labs_LabId",
                        column: x => x.LabId,
                        principalTable: "Labs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LabRecommendations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    LabId = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    FieldOfActionId = table.Column<int>(type: "integer", nullable: true),
                    Outcome = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    MeasureId = table.Column<int>(type: "integer", nullable: true),
                    NewFieldOfActionId = table.Column<int>(type: "integer", nullable: true),
                    ForwardedTo = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    DeclineReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LabRecommendations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LabRecommendations_FieldsOfAction_FieldOfActionId",
                        column: x => x.FieldOfActionId,
                        principalTable: "FieldsOfAction",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_LabRecommendations_FieldsOfAction_NewFieldOfActionId",
                        column: x => x.NewFieldOfActionId,
                        principalTable: "FieldsOfAction",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_LabRecommendations_Labs_LabId",
                        column: x => x.LabId,
                        principalTable: "Labs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_LabRecommendations_Measures_MeasureId",
                        column: x => x.MeasureId,
                        principalTable: "Measures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PanelSelections",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    LabId = table.Column<int>(type: "integer", nullable: false),
                    Algorithm = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Seed = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    PanelSize = table.Column<int>(type: "integer", nullable: false),
                    Quotas = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    InputHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Respondents = table.Column<int>(type: "integer", nullable: false),
                    PanelCount = table.Column<int>(type: "integer", nullable: false),
                    MinimumProbability = table.Column<double>(type: "double precision", nullable: false),
                    MedianProbability = table.Column<double>(type: "double precision", nullable: false),
                    MaximumProbability = table.Column<double>(type: "double precision", nullable: false),
                    SelectedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PanelSelections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PanelSelections_Labs_LabId",
                        column: x => x.LabId,
                        principalTable: "Labs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RegisterEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    LabId = table.Column<int>(type: "integer", nullable: false),
                    RowIndex = table.Column<int>(type: "integer", nullable: false),
                    Line = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Address = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    BirthYear = table.Column<int>(type: "integer", nullable: false),
                    Gender = table.Column<string>(type: "character varying(1)", maxLength: 1, nullable: false),
                    District = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    SubDistrict = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RegisterEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RegisterEntries_Labs_LabId",
                        column: x => x.LabId,
                        principalTable: "Labs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LabRegistrations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    LabId = table.Column<int>(type: "integer", nullable: false),
                    InvitationId = table.Column<int>(type: "integer", nullable: false),
                    AgeBand = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Gender = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Answers = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Availability = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    AccessibilityNeeds = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Contact = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    RegisteredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LabRegistrations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LabRegistrations_LabInvitations_InvitationId",
                        column: x => x.InvitationId,
                        principalTable: "LabInvitations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_LabRegistrations_Labs_LabId",
                        column: x => x.LabId,
                        principalTable: "Labs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PanelOutcomes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SelectionId = table.Column<int>(type: "integer", nullable: false),
                    RespondentId = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Probability = table.Column<double>(type: "double precision", nullable: false),
                    OnPanel = table.Column<bool>(type: "boolean", nullable: false),
                    ReserveRank = table.Column<int>(type: "integer", nullable: true),
                    DroppedOutAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ReplacesRespondentId = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PanelOutcomes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PanelOutcomes_PanelSelections_SelectionId",
                        column: x => x.SelectionId,
                        principalTable: "PanelSelections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_InviteeDraws_LabId",
                table: "InviteeDraws",
                column: "LabId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LabInvitations_CodeHash",
                table: "LabInvitations",
                column: "CodeHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LabInvitations_LabId_RowIndex",
                table: "LabInvitations",
                columns: new[] { "LabId", "RowIndex" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LabPlaces_LabId",
                table: "LabPlaces",
                column: "LabId");

            migrationBuilder.CreateIndex(
                name: "IX_LabRecommendations_FieldOfActionId",
                table: "LabRecommendations",
                column: "FieldOfActionId");

            migrationBuilder.CreateIndex(
                name: "IX_LabRecommendations_LabId",
                table: "LabRecommendations",
                column: "LabId");

            migrationBuilder.CreateIndex(
                name: "IX_LabRecommendations_MeasureId",
                table: "LabRecommendations",
                column: "MeasureId");

            migrationBuilder.CreateIndex(
                name: "IX_LabRecommendations_NewFieldOfActionId",
                table: "LabRecommendations",
                column: "NewFieldOfActionId");

            migrationBuilder.CreateIndex(
                name: "IX_LabRegistrations_InvitationId",
                table: "LabRegistrations",
                column: "InvitationId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LabRegistrations_LabId",
                table: "LabRegistrations",
                column: "LabId");

            migrationBuilder.CreateIndex(
                name: "IX_Labs_Year_Quarter",
                table: "Labs",
                columns: new[] { "Year", "Quarter" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PanelOutcomes_SelectionId_RespondentId",
                table: "PanelOutcomes",
                columns: new[] { "SelectionId", "RespondentId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PanelSelections_LabId",
                table: "PanelSelections",
                column: "LabId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RegisterEntries_LabId_RowIndex",
                table: "RegisterEntries",
                columns: new[] { "LabId", "RowIndex" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "InviteeDraws");

            migrationBuilder.DropTable(
                name: "LabPlaces");

            migrationBuilder.DropTable(
                name: "LabRecommendations");

            migrationBuilder.DropTable(
                name: "LabRegistrations");

            migrationBuilder.DropTable(
                name: "PanelOutcomes");

            migrationBuilder.DropTable(
                name: "RegisterEntries");

            migrationBuilder.DropTable(
                name: "LabInvitations");

            migrationBuilder.DropTable(
                name: "PanelSelections");

            migrationBuilder.DropTable(
                name: "Labs");
        }
    }
}
