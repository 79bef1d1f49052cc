using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Gatehouse.Server.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gatehouse.TestKit;

/// <summary>A user pool with a signed-in user, as an identity pool's login provider.</summary>
public sealed record PoolUserLogin(string PoolId, string ClientId, string ProviderName, string Username, string IdToken)
{
    /// <summary>The Logins map entry an SDK sends for this user.</summary>
    public Dictionary<string, string> Logins => new() { [ProviderName] = IdToken };
}

/// <summary>
/// Identity pools for the sign-in tests: pools made with CreateIdentityPool (signed, as an administrator would),
/// user pools with a signed-in user whose ID token is the login, and IAM roles put straight into the store (the IAM
/// API is another feature).
/// </summary>
public static class IdentityPoolSetup
{
    public const string Account = "000000000000";

    /// <summary>CreateIdentityPool with these settings (AllowUnauthenticatedIdentities defaults to true); returns its id.</summary>
    public static async Task<string> CreateIdentityPoolAsync(this AwsApiClient identity, JsonObject? settings = null)
    {
        var body = settings ?? [];
        body["IdentityPoolName"] ??= "pool" + Guid.NewGuid().ToString("N")[..8];
        body["AllowUnauthenticatedIdentities"] ??= true;
        var response = await identity.SendAsync("CreateIdentityPool", body.ToJsonString());
        AuthSetup.Ok(response);
        return response["IdentityPoolId"]!.GetValue<string>();
    }

    /// <summary>A user pool, an app client and a user signed in with USER_PASSWORD_AUTH.</summary>
    public static async Task<PoolUserLogin> SignedInUserAsync(this AwsApiClient userPools, string username = "alice")
    {
        var (poolId, clientId, _) = await userPools.PoolAndClientAsync();
        await userPools.CreateUserAsync(poolId, username, AuthSetup.Password, ("email", $"{username}@example.com"));
        var idToken = await SignInAsync(userPools, clientId, username);
        // The test server's issuer is http://localhost/<poolId>: the provider name is that without the scheme.
        return new PoolUserLogin(poolId, clientId, $"localhost/{poolId}", username, idToken);
    }

    /// <summary>Another user of the same user pool, signed in.</summary>
    public static async Task<PoolUserLogin> AnotherUserAsync(this AwsApiClient userPools, PoolUserLogin of, string username)
    {
        await userPools.CreateUserAsync(of.PoolId, username, AuthSetup.Password, ("email", $"{username}@example.com"));
        return of with { Username = username, IdToken = await SignInAsync(userPools, of.ClientId, username) };
    }

    public static async Task<string> SignInAsync(AwsApiClient userPools, string clientId, string username)
    {
        var auth = await userPools.PasswordAuthAsync(clientId, username, AuthSetup.Password);
        AuthSetup.Ok(auth);
        return auth["AuthenticationResult"]!["IdToken"]!.GetValue<string>();
    }

    /// <summary>The CognitoIdentityProviders entry of a user pool login.</summary>
    public static JsonArray CognitoProvider(PoolUserLogin login, bool serverSideTokenCheck = false) =>
        [new JsonObject
        {
            ["ProviderName"] = login.ProviderName,
            ["ClientId"] = login.ClientId,
            ["ServerSideTokenCheck"] = serverSideTokenCheck,
        }];

    /// <summary>A role trusting this identity pool's identities whose amr has <paramref name="amr"/>; allows tagging too.</summary>
    public static string CognitoTrust(string identityPoolId, string amr) => """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"cognito-identity.amazonaws.com"},
        "Action":["sts:AssumeRoleWithWebIdentity","sts:TagSession"],
        "Condition":{"StringEquals":{"cognito-identity.amazonaws.com:aud":"AUD"},
        "ForAnyValue:StringLike":{"cognito-identity.amazonaws.com:amr":"AMR"}}}]}
        """.Replace("AUD", identityPoolId, StringComparison.Ordinal).Replace("AMR", amr, StringComparison.Ordinal);

    /// <summary>An IAM role in the store with that trust policy and inline policies; returns its ARN.</summary>
    public static async Task<string> CreateRoleAsync(GatehouseFactory factory, string trust, params string[] inlinePolicies)
    {
        var name = "role-" + Guid.NewGuid().ToString("N")[..12];
        var roleId = "AROA" + RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 17);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        db.IamRoles.Add(new IamRole
        {
            RoleId = roleId,
            RoleName = name,
            NameKey = name.ToLowerInvariant(),
            AssumeRolePolicyDocument = trust,
            MaxSessionDuration = 3600,
            CreatedAt = factory.Clock.GetUtcNow(),
        });
        for (var i = 0; i < inlinePolicies.Length; i++)
        {
            db.IamRolePolicies.Add(new IamRolePolicy { RoleId = roleId, PolicyName = $"p{i}", Document = inlinePolicies[i] });
        }

        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return $"arn:aws:iam::{Account}:role/{name}";
    }

    /// <summary>An IAM OpenID Connect provider in the store.</summary>
    public static async Task AddOidcProviderAsync(GatehouseFactory factory, string hostPath, params string[] clientIds)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        db.IamOidcProviders.Add(new IamOidcProvider
        {
            HostPath = hostPath,
            Url = "http://" + hostPath,
            ClientIds = JsonSerializer.Serialize(clientIds),
            CreatedAt = factory.Clock.GetUtcNow(),
        });
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>What the store holds of a pool's identities: (identity, sorted "provider|subject" logins).</summary>
    public static async Task<List<(string IdentityId, List<string> Logins)>> IdentitiesAsync(
        GatehouseFactory factory, string identityPoolId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        var ct = TestContext.Current.CancellationToken;
        var identities = await db.Identities.AsNoTracking().Where(i => i.PoolId == identityPoolId)
            .Select(i => i.Id).OrderBy(i => i).ToListAsync(ct);
        var logins = await db.IdentityLogins.AsNoTracking().Where(l => l.PoolId == identityPoolId).ToListAsync(ct);
        return identities.Select(i => (i, logins.Where(l => l.IdentityId == i)
            .Select(l => $"{l.Provider}|{l.Subject}").Order(StringComparer.Ordinal).ToList())).ToList();
    }

    /// <summary>The store's identities and logins of a pool as one comparable string.</summary>
    public static async Task<string> FingerprintAsync(GatehouseFactory factory, string identityPoolId) =>
        string.Join(";", (await IdentitiesAsync(factory, identityPoolId))
            .Select(i => i.IdentityId + "=" + string.Join(",", i.Logins)));
}
