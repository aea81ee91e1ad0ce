using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Masterplan.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Grants : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "GrantAssociations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    RegisteredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    InviteCodeHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    InviteCodeExpiresAt = table.Column<long>(type: "INTEGER", nullable: true),
                    IsDemo = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GrantAssociations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "GrantCalls",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    Eligibility = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    BudgetCents = table.Column<long>(type: "INTEGER", nullable: false),
                    MaxPerProjectCents = table.Column<long>(type: "INTEGER", nullable: false),
                    Deadline = table.Column<long>(type: "INTEGER", nullable: false),
                    MeasureId = table.Column<int>(type: "INTEGER", nullable: true),
                    RequiredDocuments = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    IsDemo = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GrantCalls", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GrantCalls_Measures_MeasureId",
                        column: x => x.MeasureId,
                        principalTable: "Measures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "GrantYearBudgets",
                columns: table => new
                {
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    AmountCents = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GrantYearBudgets", x => x.Year);
                });

            migrationBuilder.CreateTable(
                name: "GrantAssociationMembers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AssociationId = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 320, nullable: true),
                    ConfirmTokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ConfirmTokenExpiresAt = table.Column<long>(type: "INTEGER", nullable: true),
                    EmailConfirmedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    JoinedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GrantAssociationMembers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GrantAssociationMembers_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_GrantAssociationMembers_GrantAssociations_AssociationId",
                        column: x => x.AssociationId,
                        principalTable: "GrantAssociations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "GrantApplications",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CallId = table.Column<int>(type: "INTEGER", nullable: false),
                    AssociationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ProjectTitle = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    TargetGroup = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    DistrictIds = table.Column<string>(type: "TEXT", nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EndsOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RequestedCents = table.Column<long>(type: "INTEGER", nullable: false),
                    CoFundingCents = table.Column<long>(type: "INTEGER", nullable: false),
                    ContactName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ContactEmail = table.Column<string>(type: "TEXT", maxLength: 320, nullable: true),
                    ContactPhone = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    ReceiptNumber = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    MissingNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    GrantedCents = table.Column<long>(type: "INTEGER", nullable: true),
                    DecisionAgendaItemId = table.Column<int>(type: "INTEGER", nullable: true),
                    DecisionReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ProofDueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ProofReminderSentAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ContactDeletedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    IsDemo = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GrantApplications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GrantApplications_AgendaItems_DecisionAgendaItemId",
                        column: x => x.DecisionAgendaItemId,
                        principalTable: "AgendaItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_GrantApplications_GrantAssociations_AssociationId",
                        column: x => x.AssociationId,
                        principalTable: "GrantAssociations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_GrantApplications_GrantCalls_CallId",
                        column: x => x.CallId,
                        principalTable: "GrantCalls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "GrantCriteria",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CallId = table.Column<int>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Weight = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GrantCriteria", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GrantCriteria_GrantCalls_CallId",
                        column: x => x.CallId,
                        principalTable: "GrantCalls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "GrantBudgetLines",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ApplicationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Label = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AmountCents = table.Column<long>(type: "INTEGER", nullable: false),
                    SpentCents = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GrantBudgetLines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GrantBudgetLines_GrantApplications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "GrantApplications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "GrantFiles",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ApplicationId = table.Column<int>(type: "INTEGER", nullable: false),
                    IsReceipt = table.Column<bool>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    MediaType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Sha512 = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Length = table.Column<long>(type: "INTEGER", nullable: false),
                    UploadedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Data = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GrantFiles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GrantFiles_GrantApplications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "GrantApplications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "GrantPayments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ApplicationId = table.Column<int>(type: "INTEGER", nullable: false),
                    IsReturn = table.Column<bool>(type: "INTEGER", nullable: false),
                    AmountCents = table.Column<long>(type: "INTEGER", nullable: false),
                    On = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GrantPayments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GrantPayments_GrantApplications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "GrantApplications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "GrantProofsOfUse",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ApplicationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Activities = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    Reach = table.Column<int>(type: "INTEGER", nullable: false),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    OfficeNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GrantProofsOfUse", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GrantProofsOfUse_GrantApplications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "GrantApplications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "GrantReviews",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ApplicationId = table.Column<int>(type: "INTEGER", nullable: false),
                    ReviewerId = table.Column<string>(type: "TEXT", nullable: false),
                    Conflict = table.Column<bool>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GrantReviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GrantReviews_AspNetUsers_ReviewerId",
                        column: x => x.ReviewerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_GrantReviews_GrantApplications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "GrantApplications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "GrantScores",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReviewId = table.Column<int>(type: "INTEGER", nullable: false),
                    CriterionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Value = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GrantScores", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GrantScores_GrantCriteria_CriterionId",
                        column: x => x.CriterionId,
                        principalTable: "GrantCriteria",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_GrantScores_GrantReviews_ReviewId",
                        column: x => x.ReviewId,
                        principalTable: "GrantReviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_GrantApplications_AssociationId_CallId",
                table: "GrantApplications",
                columns: new[] { "AssociationId", "CallId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_GrantApplications_CallId_Status",
                table: "GrantApplications",
                columns: new[] { "CallId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_GrantApplications_DecisionAgendaItemId",
                table: "GrantApplications",
                column: "DecisionAgendaItemId");

            migrationBuilder.CreateIndex(
                name: "IX_GrantApplications_ReceiptNumber",
                table: "GrantApplications",
                column: "ReceiptNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_GrantApplications_Status_ProofDueOn",
                table: "GrantApplications",
                columns: new[] { "Status", "ProofDueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_GrantAssociationMembers_AssociationId",
                table: "GrantAssociationMembers",
                column: "AssociationId");

            migrationBuilder.CreateIndex(
                name: "IX_GrantAssociationMembers_ConfirmTokenHash",
                table: "GrantAssociationMembers",
                column: "ConfirmTokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_GrantAssociationMembers_UserId",
                table: "GrantAssociationMembers",
                column: "UserId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_GrantAssociations_InviteCodeHash",
                table: "GrantAssociations",
                column: "InviteCodeHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_GrantBudgetLines_ApplicationId_Position",
                table: "GrantBudgetLines",
                columns: new[] { "ApplicationId", "Position" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_GrantCalls_MeasureId",
                table: "GrantCalls",
                column: "MeasureId");

            migrationBuilder.CreateIndex(
                name: "IX_GrantCalls_PublishedAt_Deadline",
                table: "GrantCalls",
                columns: new[] { "PublishedAt", "Deadline" });

            migrationBuilder.CreateIndex(
                name: "IX_GrantCriteria_CallId_Position",
                table: "GrantCriteria",
                columns: new[] { "CallId", "Position" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_GrantFiles_ApplicationId",
                table: "GrantFiles",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_GrantPayments_ApplicationId",
                table: "GrantPayments",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_GrantProofsOfUse_ApplicationId",
                table: "GrantProofsOfUse",
                column: "ApplicationId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_GrantReviews_ApplicationId_ReviewerId",
                table: "GrantReviews",
                columns: new[] { "ApplicationId", "ReviewerId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_GrantReviews_ReviewerId",
                table: "GrantReviews",
                column: "ReviewerId");

            migrationBuilder.CreateIndex(
                name: "IX_GrantScores_CriterionId",
                table: "GrantScores",
                column: "CriterionId");

            migrationBuilder.CreateIndex(
                name: "IX_GrantScores_ReviewId_CriterionId",
                table: "GrantScores",
                columns: new[] { "ReviewId", "CriterionId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "GrantAssociationMembers");

            migrationBuilder.DropTable(
                name: "GrantBudgetLines");

            migrationBuilder.DropTable(
                name: "GrantFiles");

            migrationBuilder.DropTable(
                name: "GrantPayments");

            migrationBuilder.DropTable(
                name: "GrantProofsOfUse");

            migrationBuilder.DropTable(
                name: "GrantScores");

            migrationBuilder.DropTable(
                name: "GrantYearBudgets");

            migrationBuilder.DropTable(
                name: "GrantCriteria");

            migrationBuilder.DropTable(
                name: "GrantReviews");

            migrationBuilder.DropTable(
                name: "GrantApplications");

            migrationBuilder.DropTable(
                name: "GrantAssociations");

            migrationBuilder.DropTable(
                name: "GrantCalls");
        }
    }
}
