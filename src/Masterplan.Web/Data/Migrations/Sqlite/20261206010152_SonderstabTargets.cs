using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Masterplan.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SonderstabTargets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "OrganizationId",
                table: "Indicators",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "BodyGoals",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    TargetDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    IndicatorId = table.Column<int>(type: "INTEGER", nullable: true),
                    TargetValue = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: true),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    StateDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    IsPublic = table.Column<bool>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BodyGoals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BodyGoals_Indicators_IndicatorId",
                        column: x => x.IndicatorId,
                        principalTable: "Indicators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_BodyGoals_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "BodyReports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    AsOf = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Addressee = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    SentOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BodyReports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BodyReports_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "BodyMilestones",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BodyGoalId = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    DueDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DoneDate = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BodyMilestones", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BodyMilestones_BodyGoals_BodyGoalId",
                        column: x => x.BodyGoalId,
                        principalTable: "BodyGoals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Indicators_OrganizationId",
                table: "Indicators",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_BodyGoals_IndicatorId",
                table: "BodyGoals",
                column: "IndicatorId");

            migrationBuilder.CreateIndex(
                name: "IX_BodyGoals_OrganizationId",
                table: "BodyGoals",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_BodyMilestones_BodyGoalId",
                table: "BodyMilestones",
                column: "BodyGoalId");

            migrationBuilder.CreateIndex(
                name: "IX_BodyMilestones_DoneDate_DueDate",
                table: "BodyMilestones",
                columns: new[] { "DoneDate", "DueDate" });

            migrationBuilder.CreateIndex(
                name: "IX_BodyReports_OrganizationId_AsOf",
                table: "BodyReports",
                columns: new[] { "OrganizationId", "AsOf" });

            migrationBuilder.AddForeignKey(
                name: "FK_Indicators_Organizations_OrganizationId",
                table: "Indicators",
                column: "OrganizationId",
                principalTable: "Organizations",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Indicators_Organizations_OrganizationId",
                table: "Indicators");

            migrationBuilder.DropTable(
                name: "BodyMilestones");

            migrationBuilder.DropTable(
                name: "BodyReports");

            migrationBuilder.DropTable(
                name: "BodyGoals");

            migrationBuilder.DropIndex(
                name: "IX_Indicators_OrganizationId",
                table: "Indicators");

            migrationBuilder.DropColumn(
                name: "OrganizationId",
                table: "Indicators");
        }
    }
}
