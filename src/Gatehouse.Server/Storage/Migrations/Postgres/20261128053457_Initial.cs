using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Gatehouse.Server.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AdminAccessKeys",
                columns: table => new
                {
                    AccessKeyId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    SecretProtected = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    Enabled = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AdminAccessKeys", x => x.AccessKeyId);
                });

            migrationBuilder.CreateTable(
                name: "AuthSessionUses",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ExpiresAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuthSessionUses", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OutboxMessages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PoolId = table.Column<string>(type: "text", nullable: true),
                    Channel = table.Column<string>(type: "text", nullable: false),
                    Destination = table.Column<string>(type: "text", nullable: false),
                    Subject = table.Column<string>(type: "text", nullable: true),
                    Body = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutboxMessages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "UserPools",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(55)", maxLength: 55, nullable: false, collation: "C"),
                    Name = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    LastModifiedAt = table.Column<long>(type: "bigint", nullable: false),
                    Settings = table.Column<string>(type: "text", nullable: false),
                    MfaSettings = table.Column<string>(type: "text", nullable: false),
                    EstimatedUsers = table.Column<int>(type: "integer", nullable: false),
                    EstimatedUsersAt = table.Column<long>(type: "bigint", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UserPools", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AppClients",
                columns: table => new
                {
                    ClientId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false, collation: "C"),
                    PoolId = table.Column<string>(type: "character varying(55)", maxLength: 55, nullable: false),
                    ClientName = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    SecretProtected = table.Column<string>(type: "text", nullable: true),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    LastModifiedAt = table.Column<long>(type: "bigint", nullable: false),
                    Settings = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AppClients", x => x.ClientId);
                    table.ForeignKey(
                        name: "FK_AppClients_UserPools_PoolId",
                        column: x => x.PoolId,
                        principalTable: "UserPools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Groups",
                columns: table => new
                {
                    PoolId = table.Column<string>(type: "character varying(55)", maxLength: 55, nullable: false),
                    GroupName = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false, collation: "C"),
                    Description = table.Column<string>(type: "text", nullable: true),
                    RoleArn = table.Column<string>(type: "text", nullable: true),
                    Precedence = table.Column<int>(type: "integer", nullable: true),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    LastModifiedAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Groups", x => new { x.PoolId, x.GroupName });
                    table.ForeignKey(
                        name: "FK_Groups_UserPools_PoolId",
                        column: x => x.PoolId,
                        principalTable: "UserPools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SigningKeys",
                columns: table => new
                {
                    Kid = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    PoolId = table.Column<string>(type: "character varying(55)", maxLength: 55, nullable: false),
                    Use = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Generation = table.Column<int>(type: "integer", nullable: false),
                    PrivateKeyProtected = table.Column<string>(type: "text", nullable: false),
                    Modulus = table.Column<string>(type: "text", nullable: false),
                    Exponent = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    NotBefore = table.Column<long>(type: "bigint", nullable: false),
                    RetiredAt = table.Column<long>(type: "bigint", nullable: true),
                    PublishedUntil = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SigningKeys", x => x.Kid);
                    table.ForeignKey(
                        name: "FK_SigningKeys_UserPools_PoolId",
                        column: x => x.PoolId,
                        principalTable: "UserPools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Users",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PoolId = table.Column<string>(type: "character varying(55)", maxLength: 55, nullable: false),
                    Username = table.Column<string>(type: "text", nullable: false),
                    UsernameKey = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Sub = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Status = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Enabled = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    LastModifiedAt = table.Column<long>(type: "bigint", nullable: false),
                    Attributes = table.Column<string>(type: "text", nullable: false),
                    EmailAliasKey = table.Column<string>(type: "text", nullable: true),
                    PhoneAliasKey = table.Column<string>(type: "text", nullable: true),
                    PreferredUsernameKey = table.Column<string>(type: "text", nullable: true),
                    Email = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    PhoneNumber = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    Name = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    GivenName = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    FamilyName = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    PreferredUsername = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    PasswordSalt = table.Column<string>(type: "text", nullable: true),
                    PasswordVerifierProtected = table.Column<string>(type: "text", nullable: true),
                    PasswordSetAt = table.Column<long>(type: "bigint", nullable: true),
                    PendingAttributes = table.Column<string>(type: "text", nullable: true),
                    FailedSignIns = table.Column<int>(type: "integer", nullable: false),
                    LockedUntil = table.Column<long>(type: "bigint", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Users", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Users_UserPools_PoolId",
                        column: x => x.PoolId,
                        principalTable: "UserPools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "GroupMemberships",
                columns: table => new
                {
                    PoolId = table.Column<string>(type: "character varying(55)", nullable: false),
                    GroupName = table.Column<string>(type: "character varying(128)", nullable: false),
                    UserId = table.Column<long>(type: "bigint", nullable: false),
                    AddedAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GroupMemberships", x => new { x.PoolId, x.GroupName, x.UserId });
                    table.ForeignKey(
                        name: "FK_GroupMemberships_Groups_PoolId_GroupName",
                        columns: x => new { x.PoolId, x.GroupName },
                        principalTable: "Groups",
                        principalColumns: new[] { "PoolId", "GroupName" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_GroupMemberships_Users_UserId",
                        column: x => x.UserId,
                        principalTable: "Users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RefreshTokens",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    FamilyId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    PoolId = table.Column<string>(type: "character varying(55)", maxLength: 55, nullable: false),
                    ClientId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    UserId = table.Column<long>(type: "bigint", nullable: false),
                    AuthTime = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    ExpiresAt = table.Column<long>(type: "bigint", nullable: false),
                    RevokedAt = table.Column<long>(type: "bigint", nullable: true),
                    RotatedAt = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RefreshTokens", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RefreshTokens_Users_UserId",
                        column: x => x.UserId,
                        principalTable: "Users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "VerificationCodes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PoolId = table.Column<string>(type: "character varying(55)", maxLength: 55, nullable: false),
                    UserId = table.Column<long>(type: "bigint", nullable: false),
                    Purpose = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    AttributeName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    CodeHash = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    ExpiresAt = table.Column<long>(type: "bigint", nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VerificationCodes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VerificationCodes_Users_UserId",
                        column: x => x.UserId,
                        principalTable: "Users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AppClients_PoolId_ClientId",
                table: "AppClients",
                columns: new[] { "PoolId", "ClientId" });

            migrationBuilder.CreateIndex(
                name: "IX_AuthSessionUses_ExpiresAt",
                table: "AuthSessionUses",
                column: "ExpiresAt");

            migrationBuilder.CreateIndex(
                name: "IX_GroupMemberships_UserId_GroupName",
                table: "GroupMemberships",
                columns: new[] { "UserId", "GroupName" });

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_Destination_Id",
                table: "OutboxMessages",
                columns: new[] { "Destination", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_PoolId_Id",
                table: "OutboxMessages",
                columns: new[] { "PoolId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_RefreshTokens_FamilyId",
                table: "RefreshTokens",
                column: "FamilyId");

            migrationBuilder.CreateIndex(
                name: "IX_RefreshTokens_TokenHash",
                table: "RefreshTokens",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RefreshTokens_UserId_Id",
                table: "RefreshTokens",
                columns: new[] { "UserId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_SigningKeys_PoolId_Use_Generation",
                table: "SigningKeys",
                columns: new[] { "PoolId", "Use", "Generation" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_UserPools_CreatedAt_Id",
                table: "UserPools",
                columns: new[] { "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Users_PoolId_EmailAliasKey",
                table: "Users",
                columns: new[] { "PoolId", "EmailAliasKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Users_PoolId_Email_Id",
                table: "Users",
                columns: new[] { "PoolId", "Email", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Users_PoolId_Enabled_Id",
                table: "Users",
                columns: new[] { "PoolId", "Enabled", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Users_PoolId_FamilyName_Id",
                table: "Users",
                columns: new[] { "PoolId", "FamilyName", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Users_PoolId_GivenName_Id",
                table: "Users",
                columns: new[] { "PoolId", "GivenName", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Users_PoolId_Id",
                table: "Users",
                columns: new[] { "PoolId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Users_PoolId_Name_Id",
                table: "Users",
                columns: new[] { "PoolId", "Name", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Users_PoolId_PhoneAliasKey",
                table: "Users",
                columns: new[] { "PoolId", "PhoneAliasKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Users_PoolId_PhoneNumber_Id",
                table: "Users",
                columns: new[] { "PoolId", "PhoneNumber", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Users_PoolId_PreferredUsernameKey",
                table: "Users",
                columns: new[] { "PoolId", "PreferredUsernameKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Users_PoolId_PreferredUsername_Id",
                table: "Users",
                columns: new[] { "PoolId", "PreferredUsername", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Users_PoolId_Status_Id",
                table: "Users",
                columns: new[] { "PoolId", "Status", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Users_PoolId_Sub",
                table: "Users",
                columns: new[] { "PoolId", "Sub" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Users_PoolId_UsernameKey",
                table: "Users",
                columns: new[] { "PoolId", "UsernameKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_VerificationCodes_UserId_Purpose",
                table: "VerificationCodes",
                columns: new[] { "UserId", "Purpose" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AdminAccessKeys");

            migrationBuilder.DropTable(
                name: "AppClients");

            migrationBuilder.DropTable(
                name: "AuthSessionUses");

            migrationBuilder.DropTable(
                name: "GroupMemberships");

            migrationBuilder.DropTable(
                name: "OutboxMessages");

            migrationBuilder.DropTable(
                name: "RefreshTokens");

            migrationBuilder.DropTable(
                name: "SigningKeys");

            migrationBuilder.DropTable(
                name: "VerificationCodes");

            migrationBuilder.DropTable(
                name: "Groups");

            migrationBuilder.DropTable(
                name: "Users");

            migrationBuilder.DropTable(
                name: "UserPools");
        }
    }
}
