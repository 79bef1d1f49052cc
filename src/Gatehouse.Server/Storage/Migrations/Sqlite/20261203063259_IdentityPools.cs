using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gatehouse.Server.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class IdentityPools : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "IamOidcProviders",
                columns: table => new
                {
                    HostPath = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    Url = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    ClientIds = table.Column<string>(type: "TEXT", nullable: false),
                    Thumbprints = table.Column<string>(type: "TEXT", nullable: false),
                    Tags = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IamOidcProviders", x => x.HostPath);
                });

            migrationBuilder.CreateTable(
                name: "IamPolicies",
                columns: table => new
                {
                    PolicyId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    PolicyName = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    NameKey = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Path = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Document = table.Column<string>(type: "TEXT", nullable: false),
                    DefaultVersionId = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Tags = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IamPolicies", x => x.PolicyId);
                });

            migrationBuilder.CreateTable(
                name: "IamRoles",
                columns: table => new
                {
                    RoleId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    RoleName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    NameKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Path = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    AssumeRolePolicyDocument = table.Column<string>(type: "TEXT", nullable: false),
                    MaxSessionDuration = table.Column<int>(type: "INTEGER", nullable: false),
                    Tags = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IamRoles", x => x.RoleId);
                });

            migrationBuilder.CreateTable(
                name: "IdentityPools",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 55, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    AllowUnauthenticated = table.Column<bool>(type: "INTEGER", nullable: false),
                    AllowClassicFlow = table.Column<bool>(type: "INTEGER", nullable: false),
                    DeveloperProviderName = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    Providers = table.Column<string>(type: "TEXT", nullable: false),
                    Roles = table.Column<string>(type: "TEXT", nullable: false),
                    RoleMappings = table.Column<string>(type: "TEXT", nullable: false),
                    PrincipalTags = table.Column<string>(type: "TEXT", nullable: false),
                    Tags = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LastModifiedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IdentityPools", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OpenIdTokenKeys",
                columns: table => new
                {
                    Kid = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Generation = table.Column<int>(type: "INTEGER", nullable: false),
                    PrivateKeyProtected = table.Column<string>(type: "TEXT", nullable: false),
                    Modulus = table.Column<string>(type: "TEXT", nullable: false),
                    Exponent = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OpenIdTokenKeys", x => x.Kid);
                });

            migrationBuilder.CreateTable(
                name: "StsSessions",
                columns: table => new
                {
                    AccessKeyId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    SecretHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RoleId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    SessionName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true),
                    IssuedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StsSessions", x => x.AccessKeyId);
                });

            migrationBuilder.CreateTable(
                name: "IamRolePolicies",
                columns: table => new
                {
                    RoleId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    PolicyName = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Document = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IamRolePolicies", x => new { x.RoleId, x.PolicyName });
                    table.ForeignKey(
                        name: "FK_IamRolePolicies_IamRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "IamRoles",
                        principalColumn: "RoleId",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IamRolePolicyAttachments",
                columns: table => new
                {
                    RoleId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    PolicyId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    AttachedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IamRolePolicyAttachments", x => new { x.RoleId, x.PolicyId });
                    table.ForeignKey(
                        name: "FK_IamRolePolicyAttachments_IamPolicies_PolicyId",
                        column: x => x.PolicyId,
                        principalTable: "IamPolicies",
                        principalColumn: "PolicyId",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_IamRolePolicyAttachments_IamRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "IamRoles",
                        principalColumn: "RoleId",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Identities",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 55, nullable: false),
                    PoolId = table.Column<string>(type: "TEXT", maxLength: 55, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LastModifiedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Identities", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Identities_IdentityPools_PoolId",
                        column: x => x.PoolId,
                        principalTable: "IdentityPools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IdentityLogins",
                columns: table => new
                {
                    PoolId = table.Column<string>(type: "TEXT", maxLength: 55, nullable: false),
                    Provider = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    IdentityId = table.Column<string>(type: "TEXT", maxLength: 55, nullable: false),
                    LinkedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IdentityLogins", x => new { x.PoolId, x.Provider, x.Subject });
                    table.ForeignKey(
                        name: "FK_IdentityLogins_Identities_IdentityId",
                        column: x => x.IdentityId,
                        principalTable: "Identities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_IamPolicies_NameKey",
                table: "IamPolicies",
                column: "NameKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IamRolePolicyAttachments_PolicyId",
                table: "IamRolePolicyAttachments",
                column: "PolicyId");

            migrationBuilder.CreateIndex(
                name: "IX_IamRoles_NameKey",
                table: "IamRoles",
                column: "NameKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Identities_PoolId_Id",
                table: "Identities",
                columns: new[] { "PoolId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_IdentityLogins_IdentityId",
                table: "IdentityLogins",
                column: "IdentityId");

            migrationBuilder.CreateIndex(
                name: "IX_IdentityPools_CreatedAt_Id",
                table: "IdentityPools",
                columns: new[] { "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_OpenIdTokenKeys_Generation",
                table: "OpenIdTokenKeys",
                column: "Generation",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StsSessions_ExpiresAt",
                table: "StsSessions",
                column: "ExpiresAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "IamOidcProviders");

            migrationBuilder.DropTable(
                name: "IamRolePolicies");

            migrationBuilder.DropTable(
                name: "IamRolePolicyAttachments");

            migrationBuilder.DropTable(
                name: "IdentityLogins");

            migrationBuilder.DropTable(
                name: "OpenIdTokenKeys");

            migrationBuilder.DropTable(
                name: "StsSessions");

            migrationBuilder.DropTable(
                name: "IamPolicies");

            migrationBuilder.DropTable(
                name: "IamRoles");

            migrationBuilder.DropTable(
                name: "Identities");

            migrationBuilder.DropTable(
                name: "IdentityPools");
        }
    }
}
