using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Masterplan.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ProtectivePlaces : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PlaceEvents",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Starts = table.Column<long>(type: "INTEGER", nullable: false),
                    Ends = table.Column<long>(type: "INTEGER", nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    IsDemo = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlaceEvents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ProtectivePlaceVenues",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    VenueKind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Latitude = table.Column<double>(type: "REAL", nullable: false),
                    Longitude = table.Column<double>(type: "REAL", nullable: false),
                    DistrictId = table.Column<int>(type: "INTEGER", nullable: true),
                    PublicPhone = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    ContactName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ContactEmail = table.Column<string>(type: "TEXT", maxLength: 320, nullable: true),
                    Trained = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ConsentToList = table.Column<bool>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    AppliedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ApprovedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastTrainingOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ConfirmedUntil = table.Column<long>(type: "INTEGER", nullable: true),
                    ReminderSentAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ContactDeletedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    IsDemo = table.Column<bool>(type: "INTEGER", nullable: false),
                    ConfirmTokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ConfirmTokenExpiresAt = table.Column<long>(type: "INTEGER", nullable: true),
                    EmailConfirmedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProtectivePlaceVenues", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProtectivePlaceVenues_Districts_DistrictId",
                        column: x => x.DistrictId,
                        principalTable: "Districts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ProtectivePlaceMaterialOrders",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    VenueId = table.Column<int>(type: "INTEGER", nullable: false),
                    Posters = table.Column<int>(type: "INTEGER", nullable: false),
                    Stickers = table.Column<int>(type: "INTEGER", nullable: false),
                    Flyers = table.Column<int>(type: "INTEGER", nullable: false),
                    OrderedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProtectivePlaceMaterialOrders", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProtectivePlaceMaterialOrders_ProtectivePlaceVenues_VenueId",
                        column: x => x.VenueId,
                        principalTable: "ProtectivePlaceVenues",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProtectivePlaces",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Latitude = table.Column<double>(type: "REAL", nullable: false),
                    Longitude = table.Column<double>(type: "REAL", nullable: false),
                    DistrictId = table.Column<int>(type: "INTEGER", nullable: true),
                    Help = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    HelpEnglish = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    HelpEasy = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    StepFree = table.Column<bool>(type: "INTEGER", nullable: false),
                    AccessibleToilet = table.Column<bool>(type: "INTEGER", nullable: false),
                    QuietRoom = table.Column<bool>(type: "INTEGER", nullable: false),
                    Languages = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    EventId = table.Column<int>(type: "INTEGER", nullable: true),
                    VenueId = table.Column<int>(type: "INTEGER", nullable: true),
                    IsPublic = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsDemo = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProtectivePlaces", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProtectivePlaces_Districts_DistrictId",
                        column: x => x.DistrictId,
                        principalTable: "Districts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ProtectivePlaces_PlaceEvents_EventId",
                        column: x => x.EventId,
                        principalTable: "PlaceEvents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ProtectivePlaces_ProtectivePlaceVenues_VenueId",
                        column: x => x.VenueId,
                        principalTable: "ProtectivePlaceVenues",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ProtectivePlaceVenueReconfirmations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    VenueId = table.Column<int>(type: "INTEGER", nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 320, nullable: true),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ConfirmTokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ConfirmTokenExpiresAt = table.Column<long>(type: "INTEGER", nullable: true),
                    EmailConfirmedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProtectivePlaceVenueReconfirmations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProtectivePlaceVenueReconfirmations_ProtectivePlaceVenues_VenueId",
                        column: x => x.VenueId,
                        principalTable: "ProtectivePlaceVenues",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PlaceOpeningExceptions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PlaceId = table.Column<int>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Closed = table.Column<bool>(type: "INTEGER", nullable: false),
                    Opens = table.Column<TimeOnly>(type: "TEXT", nullable: true),
                    Closes = table.Column<TimeOnly>(type: "TEXT", nullable: true),
                    NextDay = table.Column<bool>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlaceOpeningExceptions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlaceOpeningExceptions_ProtectivePlaces_PlaceId",
                        column: x => x.PlaceId,
                        principalTable: "ProtectivePlaces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PlaceOpeningRules",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PlaceId = table.Column<int>(type: "INTEGER", nullable: false),
                    Day = table.Column<int>(type: "INTEGER", nullable: false),
                    Opens = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    Closes = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    NextDay = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlaceOpeningRules", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlaceOpeningRules_ProtectivePlaces_PlaceId",
                        column: x => x.PlaceId,
                        principalTable: "ProtectivePlaces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PlaceEvents_Ends",
                table: "PlaceEvents",
                column: "Ends");

            migrationBuilder.CreateIndex(
                name: "IX_PlaceOpeningExceptions_Date",
                table: "PlaceOpeningExceptions",
                column: "Date");

            migrationBuilder.CreateIndex(
                name: "IX_PlaceOpeningExceptions_PlaceId_Date",
                table: "PlaceOpeningExceptions",
                columns: new[] { "PlaceId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_PlaceOpeningRules_PlaceId_Day",
                table: "PlaceOpeningRules",
                columns: new[] { "PlaceId", "Day" });

            migrationBuilder.CreateIndex(
                name: "IX_ProtectivePlaceMaterialOrders_SentAt_OrderedAt",
                table: "ProtectivePlaceMaterialOrders",
                columns: new[] { "SentAt", "OrderedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ProtectivePlaceMaterialOrders_VenueId",
                table: "ProtectivePlaceMaterialOrders",
                column: "VenueId");

            migrationBuilder.CreateIndex(
                name: "IX_ProtectivePlaces_DistrictId",
                table: "ProtectivePlaces",
                column: "DistrictId");

            migrationBuilder.CreateIndex(
                name: "IX_ProtectivePlaces_EventId",
                table: "ProtectivePlaces",
                column: "EventId");

            migrationBuilder.CreateIndex(
                name: "IX_ProtectivePlaces_IsPublic_Latitude",
                table: "ProtectivePlaces",
                columns: new[] { "IsPublic", "Latitude" });

            migrationBuilder.CreateIndex(
                name: "IX_ProtectivePlaces_VenueId",
                table: "ProtectivePlaces",
                column: "VenueId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProtectivePlaceVenueReconfirmations_ConfirmTokenHash",
                table: "ProtectivePlaceVenueReconfirmations",
                column: "ConfirmTokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProtectivePlaceVenueReconfirmations_VenueId",
                table: "ProtectivePlaceVenueReconfirmations",
                column: "VenueId");

            migrationBuilder.CreateIndex(
                name: "IX_ProtectivePlaceVenues_ConfirmTokenHash",
                table: "ProtectivePlaceVenues",
                column: "ConfirmTokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProtectivePlaceVenues_DistrictId",
                table: "ProtectivePlaceVenues",
                column: "DistrictId");

            migrationBuilder.CreateIndex(
                name: "IX_ProtectivePlaceVenues_Status_ConfirmedUntil",
                table: "ProtectivePlaceVenues",
                columns: new[] { "Status", "ConfirmedUntil" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PlaceOpeningExceptions");

            migrationBuilder.DropTable(
                name: "PlaceOpeningRules");

            migrationBuilder.DropTable(
                name: "ProtectivePlaceMaterialOrders");

            migrationBuilder.DropTable(
                name: "ProtectivePlaceVenueReconfirmations");

            migrationBuilder.DropTable(
                name: "ProtectivePlaces");

            migrationBuilder.DropTable(
                name: "PlaceEvents");

            migrationBuilder.DropTable(
                name: "ProtectivePlaceVenues");
        }
    }
}
