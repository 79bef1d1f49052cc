using System.Text.Json;
using System.Text.Json.Nodes;
using Gatehouse.Server.Iam;
using Gatehouse.Server.Sts;
using Gatehouse.TestKit;
using Microsoft.Extensions.DependencyInjection;

namespace Gatehouse.ApiTests.IdentityPools;

/// <summary>The identity-pool calls the sign-in tests make, as an SDK makes them (unsigned, except the admin ones).</summary>
internal static class IdentityPoolSteps
{
    public static Task<AwsResponse> GetIdAsync(this AwsApiClient identity, string poolId, object? logins = null) =>
        identity.CallAsync("GetId", logins is null ? new { IdentityPoolId = poolId } : new { IdentityPoolId = poolId, Logins = logins }, sign: false);

    public static async Task<string> IdentityIdAsync(this AwsApiClient identity, string poolId, object? logins = null)
    {
        var response = await identity.GetIdAsync(poolId, logins);
        AuthSetup.Ok(response);
        return response["IdentityId"]!.GetValue<string>();
    }

    public static Task<AwsResponse> OpenIdTokenAsync(this AwsApiClient identity, string identityId, object? logins = null) =>
        identity.CallAsync("GetOpenIdToken",
            logins is null ? new { IdentityId = identityId } : new { IdentityId = identityId, Logins = logins }, sign: false);

    public static Task<AwsResponse> CredentialsAsync(
        this AwsApiClient identity, string identityId, object? logins = null, string? customRoleArn = null)
    {
        var body = new JsonObject { ["IdentityId"] = identityId };
        if (logins is not null)
        {
            body["Logins"] = JsonSerializer.SerializeToNode(logins);
        }

        if (customRoleArn is not null)
        {
            body["CustomRoleArn"] = customRoleArn;
        }

        return identity.SendAsync("GetCredentialsForIdentity", body.ToJsonString(), sign: false);
    }

    public static async Task SetRolesAsync(
        this AwsApiClient identity, string poolId, string? authenticated, string? unauthenticated, JsonObject? mappings = null)
    {
        var roles = new JsonObject();
        if (authenticated is not null)
        {
            roles["authenticated"] = authenticated;
        }

        if (unauthenticated is not null)
        {
            roles["unauthenticated"] = unauthenticated;
        }

        var body = new JsonObject { ["IdentityPoolId"] = poolId, ["Roles"] = roles };
        if (mappings is not null)
        {
            body["RoleMappings"] = mappings;
        }

        AuthSetup.Ok(await identity.SendAsync("SetIdentityPoolRoles", body.ToJsonString()));
    }

    /// <summary>Guest and authenticated roles that trust the pool; returns (authenticated, unauthenticated) ARNs.</summary>
    public static async Task<(string Auth, string Unauth)> DefaultRolesAsync(
        GatehouseFactory factory, AwsApiClient identity, string poolId)
    {
        var auth = await IdentityPoolSetup.CreateRoleAsync(factory, IdentityPoolSetup.CognitoTrust(poolId, "authenticated"));
        var unauth = await IdentityPoolSetup.CreateRoleAsync(factory, IdentityPoolSetup.CognitoTrust(poolId, "unauthenticated"));
        await identity.SetRolesAsync(poolId, auth, unauth);
        return (auth, unauth);
    }

    /// <summary>The STS session inside credentials' session token.</summary>
    public static RoleSession SessionOf(GatehouseFactory factory, AwsResponse credentials)
    {
        var sealer = factory.Services.GetRequiredService<SessionTokenSealer>();
        var session = sealer.Open(credentials["Credentials"]!["SessionToken"]!.GetValue<string>());
        Assert.NotNull(session);
        return session;
    }

    /// <summary>What the session's role policies and session policy decide for an action.</summary>
    public static async Task<PolicyDecision> DecideAsync(GatehouseFactory factory, RoleSession session, string action)
    {
        var rolePolicies = await factory.Services.GetRequiredService<RolePolicies>()
            .ForRoleAsync(session.RoleId, TestContext.Current.CancellationToken);
        var sessionPolicies = session.SessionPolicy is { } json
            ? [PolicyDocument.Parse(json, PolicyKind.Session, out _)!]
            : Array.Empty<PolicyDocument>();
        var request = new PolicyRequest { Action = action, Resource = "*" };
        return sessionPolicies.Length == 0
            ? rolePolicies.Select(p => PolicyEvaluator.Evaluate(p, request)).DefaultIfEmpty(PolicyDecision.ImplicitDeny).Max()
            : PolicyEvaluator.EvaluateSession(rolePolicies, sessionPolicies, request);
    }

    public static JsonObject Payload(string token) => Tokens.TokenVerifier.Payload(token);

    public const string AllowAll = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}""";
}
