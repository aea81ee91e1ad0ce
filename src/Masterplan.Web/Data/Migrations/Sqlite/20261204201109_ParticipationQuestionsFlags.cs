using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Masterplan.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ParticipationQuestionsFlags : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "FlagCount",
                table: "Contributions",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "ContributionFlags",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ContributionId = table.Column<int>(type: "INTEGER", nullable: false),
                    BrowserHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContributionFlags", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContributionFlags_Contributions_ContributionId",
                        column: x => x.ContributionId,
                        principalTable: "Contributions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "InputCallQuestions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    InputCallId = table.Column<int>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Prompt = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Options = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Required = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InputCallQuestions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InputCallQuestions_InputCalls_InputCallId",
                        column: x => x.InputCallId,
                        principalTable: "InputCalls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ContributionAnswers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ContributionId = table.Column<int>(type: "INTEGER", nullable: false),
                    QuestionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Value = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContributionAnswers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContributionAnswers_Contributions_ContributionId",
                        column: x => x.ContributionId,
                        principalTable: "Contributions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ContributionAnswers_InputCallQuestions_QuestionId",
                        column: x => x.QuestionId,
                        principalTable: "InputCallQuestions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ContributionAnswers_ContributionId_QuestionId",
                table: "ContributionAnswers",
                columns: new[] { "ContributionId", "QuestionId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ContributionAnswers_QuestionId",
                table: "ContributionAnswers",
                column: "QuestionId");

            migrationBuilder.CreateIndex(
                name: "IX_ContributionFlags_ContributionId_BrowserHash",
                table: "ContributionFlags",
                columns: new[] { "ContributionId", "BrowserHash" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_InputCallQuestions_InputCallId_Position",
                table: "InputCallQuestions",
                columns: new[] { "InputCallId", "Position" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ContributionAnswers");

            migrationBuilder.DropTable(
                name: "ContributionFlags");

            migrationBuilder.DropTable(
                name: "InputCallQuestions");

            migrationBuilder.DropColumn(
                name: "FlagCount",
                table: "Contributions");
        }
    }
}
