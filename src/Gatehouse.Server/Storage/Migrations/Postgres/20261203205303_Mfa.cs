using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Gatehouse.Server.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Mfa : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "MfaRecoveryCodes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<long>(type: "bigint", nullable: false),
                    CodeHash = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MfaRecoveryCodes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MfaRecoveryCodes_Users_UserId",
                        column: x => x.UserId,
                        principalTable: "Users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "UserMfas",
                columns: table => new
                {
                    UserId = table.Column<long>(type: "bigint", nullable: false),
                    SmsEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    SmsPreferred = table.Column<bool>(type: "boolean", nullable: false),
                    EmailEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    EmailPreferred = table.Column<bool>(type: "boolean", nullable: false),
                    TotpEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    TotpPreferred = table.Column<bool>(type: "boolean", nullable: false),
                    TotpSecretProtected = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    TotpPendingSecretProtected = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    TotpFriendlyName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    TotpLastStep = table.Column<long>(type: "bigint", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UserMfas", x => x.UserId);
                    table.ForeignKey(
                        name: "FK_UserMfas_Users_UserId",
                        column: x => x.UserId,
                        principalTable: "Users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MfaRecoveryCodes_UserId",
                table: "MfaRecoveryCodes",
                column: "UserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MfaRecoveryCodes");

            migrationBuilder.DropTable(
                name: "UserMfas");
        }
    }
}
