using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gatehouse.Server.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ResourceServers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ResourceServers",
                columns: table => new
                {
                    PoolId = table.Column<string>(type: "TEXT", maxLength: 55, nullable: false),
                    Identifier = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Scopes = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LastModifiedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResourceServers", x => new { x.PoolId, x.Identifier });
                    table.ForeignKey(
                        name: "FK_ResourceServers_UserPools_PoolId",
                        column: x => x.PoolId,
                        principalTable: "UserPools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "UiCustomizations",
                columns: table => new
                {
                    PoolId = table.Column<string>(type: "TEXT", maxLength: 55, nullable: false),
                    ClientId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Css = table.Column<string>(type: "TEXT", nullable: true),
                    Image = table.Column<byte[]>(type: "BLOB", nullable: true),
                    ImageType = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    CssVersion = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LastModifiedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UiCustomizations", x => new { x.PoolId, x.ClientId });
                    table.ForeignKey(
                        name: "FK_UiCustomizations_UserPools_PoolId",
                        column: x => x.PoolId,
                        principalTable: "UserPools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ResourceServers");

            migrationBuilder.DropTable(
                name: "UiCustomizations");
        }
    }
}
