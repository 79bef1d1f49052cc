using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using Gatehouse.Server.Storage;
using Gatehouse.TestKit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Gatehouse.ApiTests.Sts;

/// <summary>
/// Roles, OIDC providers and web identity tokens for the STS and authorization tests. Roles go straight into the
/// store (the IAM API is another feature); identity-pool OpenID tokens are signed here with an
/// <see cref="OpenIdTokenKey"/> row this helper adds, as GetOpenIdToken would sign them.
/// </summary>
internal static class StsSetup
{
    public const string Account = "000000000000";
    public const string IdentityIssuer = "http://localhost/cognito-identity";
    public const string IdentityPoolId = "us-east-1:11111111-2222-3333-4444-555555555555";

    private static readonly RSA Rsa = RSA.Create(2048);
    private static readonly string Kid = "test-" + Guid.NewGuid().ToString("N");

    public static string CognitoTrust(string aud = IdentityPoolId, string amr = "authenticated") => """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"cognito-identity.amazonaws.com"},
        "Action":"sts:AssumeRoleWithWebIdentity",
        "Condition":{"StringEquals":{"cognito-identity.amazonaws.com:aud":"AUD"},
        "ForAnyValue:StringLike":{"cognito-identity.amazonaws.com:amr":"AMR"}}}]}
        """.Replace("AUD", aud, StringComparison.Ordinal).Replace("AMR", amr, StringComparison.Ordinal);

    /// <summary>A trust policy for an IAM OIDC provider's tokens with that audience.</summary>
    public static string OidcTrust(string hostPath, string clientId) => """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow",
        "Principal":{"Federated":"arn:aws:iam::ACCOUNT:oidc-provider/HOSTPATH"},
        "Action":"sts:AssumeRoleWithWebIdentity","Condition":{"StringEquals":{"HOSTPATH:aud":"CLIENT"}}}]}
        """.Replace("ACCOUNT", Account, StringComparison.Ordinal).Replace("HOSTPATH", hostPath, StringComparison.Ordinal)
        .Replace("CLIENT", clientId, StringComparison.Ordinal);

    public static async Task<(string RoleId, string Arn)> CreateRoleAsync(
        GatehouseFactory factory, string trust, int maxSessionDuration = 3600, params string[] inlinePolicies)
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
            MaxSessionDuration = maxSessionDuration,
            CreatedAt = factory.Clock.GetUtcNow(),
        });
        for (var i = 0; i < inlinePolicies.Length; i++)
        {
            db.IamRolePolicies.Add(new IamRolePolicy { RoleId = roleId, PolicyName = $"p{i}", Document = inlinePolicies[i] });
        }

        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return (roleId, $"arn:aws:iam::{Account}:role/{name}");
    }

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

    /// <summary>An identity-pool OpenID token (iss, aud = pool id, sub = identity id, amr), valid for 10 minutes.</summary>
    public static async Task<string> OpenIdTokenAsync(
        GatehouseFactory factory, string identityId, string[]? amr = null, string aud = IdentityPoolId,
        string issuer = IdentityIssuer)
    {
        await EnsureKeyAsync(factory);
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = aud,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddMinutes(10),
            Subject = new ClaimsIdentity([new Claim("sub", identityId)]),
            Claims = new Dictionary<string, object> { ["amr"] = amr ?? ["authenticated", "cognito-idp.us-east-1.amazonaws.com/us-east-1_Example"] },
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(Rsa) { KeyId = Kid }, SecurityAlgorithms.RsaSha256),
        });
    }

    public static Task<AwsQueryResponse> AssumeAsync(
        AwsQueryClient client, string roleArn, string token, string sessionName = "app1", params (string, string)[] more) =>
        client.SendAsync("sts", AwsQueryClient.StsVersion, "AssumeRoleWithWebIdentity",
            [("RoleArn", roleArn), ("RoleSessionName", sessionName), ("WebIdentityToken", token), .. more], sign: false);

    public static (string Id, string Secret, string Token) CredentialsOf(AwsQueryResponse response) =>
        (response.Value("AccessKeyId")!, response.Value("SecretAccessKey")!, response.Value("SessionToken")!);

    public static string IdentityId() => "us-east-1:" + Guid.NewGuid();

    private static async Task EnsureKeyAsync(GatehouseFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        if (db.OpenIdTokenKeys.Any(k => k.Kid == Kid))
        {
            return;
        }

        var parameters = Rsa.ExportParameters(includePrivateParameters: false);
        db.OpenIdTokenKeys.Add(new OpenIdTokenKey
        {
            Kid = Kid,
            Generation = 1,
            // Only the public part is read when verifying; the private key stays in this helper.
            PrivateKeyProtected = "unused",
            Modulus = Base64UrlEncoder.Encode(parameters.Modulus),
            Exponent = Base64UrlEncoder.Encode(parameters.Exponent),
            CreatedAt = factory.Clock.GetUtcNow(),
        });
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }
}
