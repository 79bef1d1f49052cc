using System.Security.Cryptography;
using System.Text.Json;
using Gatehouse.Server.AwsProtocol.Shapes;
using Gatehouse.Server.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Gatehouse.TestKit;

/// <summary>
/// Inserts a user pool straight into the store, with Cognito's defaults (default schema, default password
/// policy, case-sensitive usernames) changed by <c>configure</c>; for tests of features that need a pool.
/// </summary>
internal static class TestPools
{
    public static UserPoolType Defaults { get; } = new()
    {
        Policies = new UserPoolPolicyType
        {
            PasswordPolicy = new PasswordPolicyType
            {
                MinimumLength = 8,
                RequireUppercase = true,
                RequireLowercase = true,
                RequireNumbers = true,
                RequireSymbols = true,
                TemporaryPasswordValidityDays = 7,
            },
        },
        SchemaAttributes = DefaultSchema.Attributes,
        MfaConfiguration = "OFF",
        AdminCreateUserConfig = new AdminCreateUserConfigType
        {
            AllowAdminCreateUserOnly = false,
            UnusedAccountValidityDays = 7,
        },
    };

    /// <summary>Creates the pool and returns its id (<c>us-east-1_</c> + 9 random alphanumerics).</summary>
    public static async Task<string> CreateAsync(
        GatehouseFactory factory, Func<UserPoolType, UserPoolType>? configure = null)
    {
        var id = "us-east-1_" + RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 9);
        var settings = configure is null ? Defaults : configure(Defaults);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        var now = factory.Clock.GetUtcNow();
        db.UserPools.Add(new UserPool
        {
            Id = id,
            Name = "pool-" + id[10..],
            CreatedAt = now,
            LastModifiedAt = now,
            Settings = JsonSerializer.Serialize(settings, CognitoIdpJsonContext.Default.UserPoolType),
        });
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return id;
    }
}
