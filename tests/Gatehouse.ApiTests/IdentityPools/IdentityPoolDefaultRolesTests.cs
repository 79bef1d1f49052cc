using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Gatehouse.Server.Storage;
using Gatehouse.TestKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gatehouse.ApiTests.IdentityPools;

public sealed class IdentityPoolDefaultRolesTests(GatehouseFactory factory) : IClassFixture<GatehouseFactory>
{
    private readonly AwsApiClient _client = factory.CreateAwsClient().ForIdentityPools();
    private readonly HttpClient _http = factory.CreateClient();

    [Fact]
    public async Task DefaultRoles_NewPool_CreatesBothRolesAndSetsThem()
    {
        var name = "Roles" + Guid.NewGuid().ToString("N")[..8];
        var poolId = await _client.CreateIdentityPoolIdAsync(new JsonObject { ["IdentityPoolName"] = name, ["AllowUnauthenticatedIdentities"] = true });

        var (status, body) = await PostAsync(poolId);

        Assert.Equal(HttpStatusCode.OK, status);
        var authArn = $"arn:aws:iam::000000000000:role/Cognito_{name}Auth_Role";
        var unauthArn = $"arn:aws:iam::000000000000:role/Cognito_{name}Unauth_Role";
        Assert.Equal(2, body!.AsObject().Count);
        Assert.Equal(authArn, body["authenticated"]!.GetValue<string>());
        Assert.Equal(unauthArn, body["unauthenticated"]!.GetValue<string>());
        var roles = await _client.CallAsync("GetIdentityPoolRoles", new { IdentityPoolId = poolId });
        Assert.Equal(authArn, roles["Roles"]!["authenticated"]!.GetValue<string>());
        Assert.Equal(unauthArn, roles["Roles"]!["unauthenticated"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("Auth_Role", "authenticated", true)]
    [InlineData("Unauth_Role", "unauthenticated", false)]
    public async Task DefaultRoles_NewPool_RoleRowsWithConsolePolicies(string suffix, string amr, bool authenticated)
    {
        var name = "Rows" + Guid.NewGuid().ToString("N")[..8];
        var poolId = await _client.CreateIdentityPoolIdAsync(new JsonObject { ["IdentityPoolName"] = name });

        var (status, _) = await PostAsync(poolId);

        Assert.Equal(HttpStatusCode.OK, status);
        var roleName = $"Cognito_{name}{suffix}";
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        var role = await db.IamRoles.AsNoTracking().SingleAsync(r => r.RoleName == roleName, TestContext.Current.CancellationToken);
        Assert.Matches("^AROA[A-Z2-7]{17}$", role.RoleId);
        Assert.Equal(roleName.ToLowerInvariant(), role.NameKey);
        Assert.Equal("/", role.Path);
        Assert.Equal(3600, role.MaxSessionDuration);
        var trust = JsonNode.Parse(role.AssumeRolePolicyDocument)!;
        Assert.Equal("2012-10-17", trust["Version"]!.GetValue<string>());
        var statement = Assert.Single(trust["Statement"]!.AsArray())!;
        Assert.Equal("Allow", statement["Effect"]!.GetValue<string>());
        Assert.Equal("cognito-identity.amazonaws.com", statement["Principal"]!["Federated"]!.GetValue<string>());
        Assert.Equal("sts:AssumeRoleWithWebIdentity", statement["Action"]!.GetValue<string>());
        Assert.Equal(poolId, statement["Condition"]!["StringEquals"]!["cognito-identity.amazonaws.com:aud"]!.GetValue<string>());
        Assert.Equal(amr, statement["Condition"]!["ForAnyValue:StringLike"]!["cognito-identity.amazonaws.com:amr"]!.GetValue<string>());
        var policy = await db.IamRolePolicies.AsNoTracking().SingleAsync(p => p.RoleId == role.RoleId, TestContext.Current.CancellationToken);
        Assert.StartsWith($"oneClick_{roleName}_", policy.PolicyName, StringComparison.Ordinal);
        var permissions = Assert.Single(JsonNode.Parse(policy.Document)!["Statement"]!.AsArray())!;
        Assert.Equal("Allow", permissions["Effect"]!.GetValue<string>());
        Assert.Equal("*", Assert.Single(permissions["Resource"]!.AsArray())!.GetValue<string>());
        var actions = permissions["Action"]!.AsArray().Select(a => a!.GetValue<string>()).ToList();
        Assert.Contains("mobileanalytics:PutEvents", actions);
        Assert.Contains("cognito-sync:*", actions);
        Assert.Equal(authenticated, actions.Contains("cognito-identity:GetCredentialsForIdentity"));
    }

    [Fact]
    public async Task DefaultRoles_PoolNameWithSpaces_SpacesLeftOut()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var poolId = await _client.CreateIdentityPoolIdAsync(new JsonObject { ["IdentityPoolName"] = $"My App {suffix}" });

        var (status, body) = await PostAsync(poolId);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal($"arn:aws:iam::000000000000:role/Cognito_MyApp{suffix}Auth_Role", body!["authenticated"]!.GetValue<string>());
    }

    [Fact]
    public async Task DefaultRoles_Twice_ConflictAndNothingMoreCreated()
    {
        var poolId = await _client.CreateIdentityPoolIdAsync();
        await PostAsync(poolId);
        var before = await IdentityPoolBuilder.FingerprintAsync(factory);

        var (status, body) = await PostAsync(poolId);

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Contains("already exists", body!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(before, await IdentityPoolBuilder.FingerprintAsync(factory));
    }

    [Fact]
    public async Task DefaultRoles_NameTakenInOtherCase_Conflict()
    {
        var name = "Case" + Guid.NewGuid().ToString("N")[..8];
        var first = await _client.CreateIdentityPoolIdAsync(new JsonObject { ["IdentityPoolName"] = name });
        var second = await _client.CreateIdentityPoolIdAsync(new JsonObject { ["IdentityPoolName"] = name.ToUpperInvariant() });
        await PostAsync(first);

        var (status, _) = await PostAsync(second);

        Assert.Equal(HttpStatusCode.Conflict, status);
    }

    [Fact]
    public async Task DefaultRoles_NameTooLongForIam_BadRequestAndNothingCreated()
    {
        var poolId = await _client.CreateIdentityPoolIdAsync(new JsonObject { ["IdentityPoolName"] = "p" + new string('x', 60) });
        var before = await IdentityPoolBuilder.FingerprintAsync(factory);

        var (status, _) = await PostAsync(poolId);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(before, await IdentityPoolBuilder.FingerprintAsync(factory));
    }

    [Fact]
    public async Task DefaultRoles_UnknownPool_NotFound()
    {
        var (status, _) = await PostAsync("us-east-1:13131313-1313-1313-1313-131313131313");

        Assert.Equal(HttpStatusCode.NotFound, status);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-secret")]
    public async Task DefaultRoles_WithoutAdminKey_UnauthorizedAndNothingCreated(string? secret)
    {
        var poolId = await _client.CreateIdentityPoolIdAsync();
        var before = await IdentityPoolBuilder.FingerprintAsync(factory);

        var (status, _) = await PostAsync(poolId, secret is null ? null : (GatehouseFactory.AccessKeyId, secret));

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal(before, await IdentityPoolBuilder.FingerprintAsync(factory));
    }

    private Task<(HttpStatusCode Status, JsonNode? Body)> PostAsync(string poolId) =>
        PostAsync(poolId, (GatehouseFactory.AccessKeyId, GatehouseFactory.SecretAccessKey));

    private async Task<(HttpStatusCode Status, JsonNode? Body)> PostAsync(string poolId, (string Id, string Secret)? key)
    {
        using var request = new HttpRequestMessage(
            HttpMethod.Post, $"/console/api/identitypools/{Uri.EscapeDataString(poolId)}/default-roles");
        if (key is { } credentials)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue(
                "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{credentials.Id}:{credentials.Secret}")));
        }

        using var response = await _http.SendAsync(request, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }
}
