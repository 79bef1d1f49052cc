using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Gatehouse.Server.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class UserImportJobs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "UserImportJobs",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    JobId = table.Column<string>(type: "character varying(55)", maxLength: 55, nullable: false),
                    PoolId = table.Column<string>(type: "character varying(55)", maxLength: 55, nullable: false),
                    JobName = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    CloudWatchLogsRoleArn = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    UploadExpiresAt = table.Column<long>(type: "bigint", nullable: false),
                    StartedAt = table.Column<long>(type: "bigint", nullable: true),
                    CompletedAt = table.Column<long>(type: "bigint", nullable: true),
                    UploadId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    UploadBytes = table.Column<long>(type: "bigint", nullable: false),
                    RowOffset = table.Column<long>(type: "bigint", nullable: false),
                    ImportedUsers = table.Column<long>(type: "bigint", nullable: false),
                    SkippedUsers = table.Column<long>(type: "bigint", nullable: false),
                    FailedUsers = table.Column<long>(type: "bigint", nullable: false),
                    CompletionMessage = table.Column<string>(type: "text", nullable: true),
                    LeaseOwner = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    LeaseExpiresAt = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UserImportJobs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_UserImportJobs_UserPools_PoolId",
                        column: x => x.PoolId,
                        principalTable: "UserPools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "UserImportChunks",
                columns: table => new
                {
                    JobKey = table.Column<long>(type: "bigint", nullable: false),
                    UploadId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Seq = table.Column<int>(type: "integer", nullable: false),
                    Data = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UserImportChunks", x => new { x.JobKey, x.UploadId, x.Seq });
                    table.ForeignKey(
                        name: "FK_UserImportChunks_UserImportJobs_JobKey",
                        column: x => x.JobKey,
                        principalTable: "UserImportJobs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "UserImportRowErrors",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    JobKey = table.Column<long>(type: "bigint", nullable: false),
                    RowNumber = table.Column<long>(type: "bigint", nullable: false),
                    Line = table.Column<long>(type: "bigint", nullable: false),
                    Outcome = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Username = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    Message = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UserImportRowErrors", x => x.Id);
                    table.ForeignKey(
                        name: "FK_UserImportRowErrors_UserImportJobs_JobKey",
                        column: x => x.JobKey,
                        principalTable: "UserImportJobs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_UserImportJobs_JobId",
                table: "UserImportJobs",
                column: "JobId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_UserImportJobs_PoolId_Id",
                table: "UserImportJobs",
                columns: new[] { "PoolId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_UserImportJobs_Status",
                table: "UserImportJobs",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_UserImportRowErrors_JobKey_RowNumber",
                table: "UserImportRowErrors",
                columns: new[] { "JobKey", "RowNumber" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "UserImportChunks");

            migrationBuilder.DropTable(
                name: "UserImportRowErrors");

            migrationBuilder.DropTable(
                name: "UserImportJobs");
        }
    }
}
