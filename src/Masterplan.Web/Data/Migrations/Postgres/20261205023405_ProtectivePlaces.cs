using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Masterplan.Web.Data.Migrations.Postgres
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Starts = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Ends = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    IsDemo = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlaceEvents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ProtectivePlaceVenues",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    VenueKind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Address = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Latitude = table.Column<double>(type: "double precision", nullable: false),
                    Longitude = table.Column<double>(type: "double precision", nullable: false),
                    DistrictId = table.Column<int>(type: "integer", nullable: true),
                    PublicPhone = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    ContactName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ContactEmail = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: true),
                    Trained = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    ConsentToList = table.Column<bool>(type: "boolean", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    AppliedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ApprovedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LastTrainingOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ConfirmedUntil = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ReminderSentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ContactDeletedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    IsDemo = table.Column<bool>(type: "boolean", nullable: false),
                    ConfirmTokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ConfirmTokenExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    EmailConfirmedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    VenueId = table.Column<int>(type: "integer", nullable: false),
                    Posters = table.Column<int>(type: "integer", nullable: false),
                    Stickers = table.Column<int>(type: "integer", nullable: false),
                    Flyers = table.Column<int>(type: "integer", nullable: false),
                    OrderedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Address = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Latitude = table.Column<double>(type: "double precision", nullable: false),
                    Longitude = table.Column<double>(type: "double precision", nullable: false),
                    DistrictId = table.Column<int>(type: "integer", nullable: true),
                    Help = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    HelpEnglish = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    HelpEasy = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Phone = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    StepFree = table.Column<bool>(type: "boolean", nullable: false),
                    AccessibleToilet = table.Column<bool>(type: "boolean", nullable: false),
                    QuietRoom = table.Column<bool>(type: "boolean", nullable: false),
                    Languages = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    EventId = table.Column<int>(type: "integer", nullable: true),
                    VenueId = table.Column<int>(type: "integer", nullable: true),
                    IsPublic = table.Column<bool>(type: "boolean", nullable: false),
                    IsDemo = table.Column<bool>(type: "boolean", nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    VenueId = table.Column<int>(type: "integer", nullable: false),
                    Email = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: true),
                    SentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ConfirmTokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ConfirmTokenExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    EmailConfirmedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProtectivePlaceVenueReconfirmations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProtectivePlaceVenueReconfirmations_ProtectivePlaceVenues_V~",
                        column: x => x.VenueId,
                        principalTable: "ProtectivePlaceVenues",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PlaceOpeningExceptions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PlaceId = table.Column<int>(type: "integer", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Closed = table.Column<bool>(type: "boolean", nullable: false),
                    Opens = table.Column<TimeOnly>(type: "time without time zone", nullable: true),
                    Closes = table.Column<TimeOnly>(type: "time without time zone", nullable: true),
                    NextDay = table.Column<bool>(type: "boolean", nullable: false),
                    Note = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PlaceId = table.Column<int>(type: "integer", nullable: false),
                    Day = table.Column<int>(type: "integer", nullable: false),
                    Opens = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    Closes = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    NextDay = table.Column<bool>(type: "boolean", nullable: false)
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
