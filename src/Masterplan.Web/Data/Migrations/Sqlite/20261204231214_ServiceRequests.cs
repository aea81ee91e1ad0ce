using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Masterplan.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ServiceRequests : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ServiceCategories",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    DepartmentId = table.Column<int>(type: "INTEGER", nullable: false),
                    RoutingEmail = table.Column<string>(type: "TEXT", maxLength: 320, nullable: true),
                    FieldOfActionId = table.Column<int>(type: "INTEGER", nullable: true),
                    OverdueAfterDays = table.Column<int>(type: "INTEGER", nullable: false),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    SeedKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    SeedHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ServiceCategories", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ServiceCategories_FieldsOfAction_FieldOfActionId",
                        column: x => x.FieldOfActionId,
                        principalTable: "FieldsOfAction",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ServiceCategories_Organizations_DepartmentId",
                        column: x => x.DepartmentId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ServiceRequests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReceiptHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CategoryId = table.Column<int>(type: "INTEGER", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Latitude = table.Column<double>(type: "REAL", nullable: false),
                    Longitude = table.Column<double>(type: "REAL", nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    DistrictId = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    DuplicateOfId = table.Column<int>(type: "INTEGER", nullable: true),
                    ForwardedTo = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReporterName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ReporterEmail = table.Column<string>(type: "TEXT", maxLength: 320, nullable: true),
                    ConfirmTokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ConfirmTokenExpiresAt = table.Column<long>(type: "INTEGER", nullable: true),
                    EmailConfirmedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    PersonalDataDeletedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    SupportCount = table.Column<int>(type: "INTEGER", nullable: false),
                    IsPublic = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsDemo = table.Column<bool>(type: "INTEGER", nullable: false),
                    Created = table.Column<long>(type: "INTEGER", nullable: false),
                    Modified = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ServiceRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ServiceRequests_Districts_DistrictId",
                        column: x => x.DistrictId,
                        principalTable: "Districts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ServiceRequests_ServiceCategories_CategoryId",
                        column: x => x.CategoryId,
                        principalTable: "ServiceCategories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ServiceRequests_ServiceRequests_DuplicateOfId",
                        column: x => x.DuplicateOfId,
                        principalTable: "ServiceRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ServiceRequestPhotos",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ServiceRequestId = table.Column<int>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Jpeg = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Width = table.Column<int>(type: "INTEGER", nullable: false),
                    Height = table.Column<int>(type: "INTEGER", nullable: false),
                    Moderation = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ModeratedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ServiceRequestPhotos", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ServiceRequestPhotos_ServiceRequests_ServiceRequestId",
                        column: x => x.ServiceRequestId,
                        principalTable: "ServiceRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ServiceRequestSupports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ServiceRequestId = table.Column<int>(type: "INTEGER", nullable: false),
                    BrowserHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ServiceRequestSupports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ServiceRequestSupports_ServiceRequests_ServiceRequestId",
                        column: x => x.ServiceRequestId,
                        principalTable: "ServiceRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ServiceRequestUpdates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ServiceRequestId = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    ByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    ByName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    MailedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ServiceRequestUpdates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ServiceRequestUpdates_ServiceRequests_ServiceRequestId",
                        column: x => x.ServiceRequestId,
                        principalTable: "ServiceRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ServiceCategories_Code",
                table: "ServiceCategories",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ServiceCategories_DepartmentId",
                table: "ServiceCategories",
                column: "DepartmentId");

            migrationBuilder.CreateIndex(
                name: "IX_ServiceCategories_FieldOfActionId",
                table: "ServiceCategories",
                column: "FieldOfActionId");

            migrationBuilder.CreateIndex(
                name: "IX_ServiceCategories_SeedKey",
                table: "ServiceCategories",
                column: "SeedKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ServiceRequestPhotos_Moderation",
                table: "ServiceRequestPhotos",
                column: "Moderation");

            migrationBuilder.CreateIndex(
                name: "IX_ServiceRequestPhotos_ServiceRequestId_Position",
                table: "ServiceRequestPhotos",
                columns: new[] { "ServiceRequestId", "Position" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ServiceRequests_CategoryId_Status_Created",
                table: "ServiceRequests",
                columns: new[] { "CategoryId", "Status", "Created" });

            migrationBuilder.CreateIndex(
                name: "IX_ServiceRequests_ConfirmTokenHash",
                table: "ServiceRequests",
                column: "ConfirmTokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ServiceRequests_Created",
                table: "ServiceRequests",
                column: "Created");

            migrationBuilder.CreateIndex(
                name: "IX_ServiceRequests_DistrictId_Created",
                table: "ServiceRequests",
                columns: new[] { "DistrictId", "Created" });

            migrationBuilder.CreateIndex(
                name: "IX_ServiceRequests_DuplicateOfId",
                table: "ServiceRequests",
                column: "DuplicateOfId");

            migrationBuilder.CreateIndex(
                name: "IX_ServiceRequests_Modified",
                table: "ServiceRequests",
                column: "Modified");

            migrationBuilder.CreateIndex(
                name: "IX_ServiceRequests_PersonalDataDeletedAt_ClosedAt",
                table: "ServiceRequests",
                columns: new[] { "PersonalDataDeletedAt", "ClosedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ServiceRequests_ReceiptHash",
                table: "ServiceRequests",
                column: "ReceiptHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ServiceRequestSupports_ServiceRequestId_BrowserHash",
                table: "ServiceRequestSupports",
                columns: new[] { "ServiceRequestId", "BrowserHash" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ServiceRequestUpdates_ServiceRequestId_At",
                table: "ServiceRequestUpdates",
                columns: new[] { "ServiceRequestId", "At" });

            HandWrittenSql.UpSqliteServiceRequestPoints(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            HandWrittenSql.DownSqliteServiceRequestPoints(migrationBuilder);

            migrationBuilder.DropTable(
                name: "ServiceRequestPhotos");

            migrationBuilder.DropTable(
                name: "ServiceRequestSupports");

            migrationBuilder.DropTable(
                name: "ServiceRequestUpdates");

            migrationBuilder.DropTable(
                name: "ServiceRequests");

            migrationBuilder.DropTable(
                name: "ServiceCategories");
        }
    }
}
