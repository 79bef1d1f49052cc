using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Gatehouse.Server.PoolTransfer;
using Gatehouse.Server.Storage;
using Gatehouse.TestKit;
using Microsoft.Extensions.DependencyInjection;

namespace Gatehouse.ApiTests.PoolTransfer;

/// <summary>
/// A user brought in by <c>gatehouse import</c> with a foreign password hash of each kind: SRP cannot check it yet, a
/// wrong password is refused and changes nothing, the right one signs in with USER_PASSWORD_AUTH and upgrades the
/// hash to the pool's SRP verifier, after which SRP signs in too.
/// </summary>
public sealed class ImportedHashSignInTests(GatehouseFactory factory) : IClassFixture<GatehouseFactory>
{
    private const string Password = "Imp0rted-Passw0rd!";
    private readonly AwsApiClient _client = factory.CreateAwsClient();

    public static TheoryData<string> Kinds => ["bcrypt", "scrypt", "pbkdf2-sha256", "argon2id"];

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task ImportedHash_PasswordAuthUpgrades_ThenSrpSignsIn(string kind)
    {
        var (pool, clientId, _) = await _client.PoolAndClientAsync();
        var username = "migrated-" + kind;
        await ImportUserAsync(pool, username, Hash(kind, Password));

        var srpBefore = await _client.SrpAuthAsync(factory, pool, clientId, username, Password);
        var wrong = await _client.PasswordAuthAsync(clientId, username, Password + "x");
        var afterWrong = await TestStore.UserAsync(factory, pool, username);
        var right = await _client.PasswordAuthAsync(clientId, username, Password);
        var upgraded = await TestStore.UserAsync(factory, pool, username);
        var srpAfter = await _client.SrpAuthAsync(factory, pool, clientId, username, Password);
        var again = await _client.PasswordAuthAsync(clientId, username, Password);

        Assert.Equal("UserNotFoundException", srpBefore.ErrorType); // As Cognito answers SRP for a user to migrate.
        Assert.Equal("NotAuthorizedException", wrong.ErrorType);
        Assert.NotNull(afterWrong.ImportedPasswordHashProtected); // A wrong password upgrades nothing.
        Assert.Null(afterWrong.PasswordVerifierProtected);
        Assert.NotNull(right["AuthenticationResult"]?["AccessToken"]);
        Assert.Null(upgraded.ImportedPasswordHashProtected);
        Assert.NotNull(upgraded.PasswordVerifierProtected);
        Assert.NotNull(srpAfter["AuthenticationResult"]?["AccessToken"]);
        Assert.NotNull(again["AuthenticationResult"]?["AccessToken"]);
    }

    [Fact]
    public async Task ImportedHash_AdminPasswordAuth_UpgradesOnce()
    {
        var (pool, clientId, _) = await _client.PoolAndClientAsync();
        await ImportUserAsync(pool, "admin-migrated", Hash("bcrypt", Password));

        var signedIn = await _client.CallAsync("AdminInitiateAuth", new
        {
            UserPoolId = pool,
            ClientId = clientId,
            AuthFlow = "ADMIN_USER_PASSWORD_AUTH",
            AuthParameters = new Dictionary<string, string> { ["USERNAME"] = "admin-migrated", ["PASSWORD"] = Password },
        });
        var srp = await _client.SrpAuthAsync(factory, pool, clientId, "admin-migrated", Password);

        Assert.NotNull(signedIn["AuthenticationResult"]?["AccessToken"]);
        Assert.NotNull(srp["AuthenticationResult"]?["AccessToken"]);
    }

    /// <summary>The user as a hand-written transfer line into the existing pool, through the import itself.</summary>
    private async Task ImportUserAsync(string pool, string username, string hash)
    {
        var now = factory.Clock.GetUtcNow();
        var line = new PoolTransferLine
        {
            Type = "user",
            User = new PoolTransferUser
            {
                User = new User
                {
                    PoolId = pool,
                    Username = username,
                    UsernameKey = username,
                    Sub = Guid.NewGuid().ToString(),
                    Status = "CONFIRMED",
                    Enabled = true,
                    CreatedAt = now,
                    LastModifiedAt = now,
                    Attributes = $$"""{"email":"{{username}}@example.com","email_verified":"true"}""",
                },
                PasswordHash = hash,
            },
        };
        var bytes = JsonSerializer.SerializeToUtf8Bytes(line, PoolTransferJsonContext.Default.PoolTransferLine);
        using var input = new MemoryStream([.. bytes, (byte)'\n']);
        using var reader = await PoolTransferFile.OpenAsync(input, null, TestContext.Current.CancellationToken);
        await using var scope = factory.Services.CreateAsyncScope();
        var (_, users) = await scope.ServiceProvider.GetRequiredService<PoolImport>()
            .ImportAsync(reader, replace: false, TestContext.Current.CancellationToken);
        Assert.Equal(1, users);
    }

    /// <summary>The hash of <paramref name="password"/> in each kind's usual text form (cheap parameters).</summary>
    private static string Hash(string kind, string password)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        static string B64(byte[] b) => Convert.ToBase64String(b).TrimEnd('=');
        switch (kind)
        {
            case "bcrypt":
                return BCrypt.Net.BCrypt.HashPassword(password, 4);
            case "scrypt":
                return $"$scrypt$ln=10,r=8,p=1${B64(salt)}${B64(ImportedScrypt.Derive(password, salt, 1024, 8, 1, 32))}";
            case "pbkdf2-sha256":
                var key = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, 1000, HashAlgorithmName.SHA256, 32);
                return $"$pbkdf2-sha256$1000${B64(salt).Replace('+', '.')}${B64(key).Replace('+', '.')}";
            default:
                using (var argon = new Konscious.Security.Cryptography.Argon2id(Encoding.UTF8.GetBytes(password))
                {
                    Salt = salt,
                    MemorySize = 1024,
                    Iterations = 2,
                    DegreeOfParallelism = 1,
                })
                {
                    return $"$argon2id$v=19$m=1024,t=2,p=1${B64(salt)}${B64(argon.GetBytes(32))}";
                }
        }
    }
}
