using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gatehouse.Server.Storage.Migrations.Sqlite
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    JobId = table.Column<string>(type: "TEXT", maxLength: 55, nullable: false),
                    PoolId = table.Column<string>(type: "TEXT", maxLength: 55, nullable: false),
                    JobName = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    CloudWatchLogsRoleArn = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UploadExpiresAt = table.Column<long>(type: "INTEGER", nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CompletedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    UploadId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    UploadBytes = table.Column<long>(type: "INTEGER", nullable: false),
                    RowOffset = table.Column<long>(type: "INTEGER", nullable: false),
                    ImportedUsers = table.Column<long>(type: "INTEGER", nullable: false),
                    SkippedUsers = table.Column<long>(type: "INTEGER", nullable: false),
                    FailedUsers = table.Column<long>(type: "INTEGER", nullable: false),
                    CompletionMessage = table.Column<string>(type: "TEXT", nullable: true),
                    LeaseOwner = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    LeaseExpiresAt = table.Column<long>(type: "INTEGER", nullable: true)
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
                    JobKey = table.Column<long>(type: "INTEGER", nullable: false),
                    UploadId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Seq = table.Column<int>(type: "INTEGER", nullable: false),
                    Data = table.Column<byte[]>(type: "BLOB", nullable: false)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    JobKey = table.Column<long>(type: "INTEGER", nullable: false),
                    RowNumber = table.Column<long>(type: "INTEGER", nullable: false),
                    Line = table.Column<long>(type: "INTEGER", nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Username = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    Message = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: false)
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
