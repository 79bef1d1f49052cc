using System.Net;
using System.Text.Json.Nodes;
using Gatehouse.Server.Iam;
using Gatehouse.Server.IdentityPools;
using Gatehouse.TestKit;

namespace Gatehouse.ApiTests.IdentityPools;

public sealed class CredentialsTests(GatehouseFactory factory) : IClassFixture<GatehouseFactory>
{
    private readonly AwsApiClient _userPools = factory.CreateAwsClient();
    private readonly AwsApiClient _identity = factory.CreateAwsClient().ForIdentityPools();

    [Fact]
    public async Task GetCredentialsForIdentity_Guest_ReturnsOneHourCredentialsOfTheGuestRole()
    {
        var poolId = await _identity.NewIdentityPoolAsync();
        var (_, unauth) = await IdentityPoolSteps.DefaultRolesAsync(factory, _identity, poolId);
        var identityId = await _identity.IdentityIdAsync(poolId);

        var response = await _identity.CredentialsAsync(identityId);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(identityId, response["IdentityId"]!.GetValue<string>());
        var credentials = response["Credentials"]!.AsObject();
        Assert.Equal(["AccessKeyId", "SecretKey", "SessionToken", "Expiration"], credentials.Select(p => p.Key));
        Assert.StartsWith("ASIA", credentials["AccessKeyId"]!.GetValue<string>());
        Assert.Equal(factory.Clock.GetUtcNow().ToUnixTimeSeconds() + 3600, (long)credentials["Expiration"]!.GetValue<double>());
        var session = IdentityPoolSteps.SessionOf(factory, response);
        Assert.Equal(unauth, session.RoleArn);
        Assert.Equal("CognitoIdentityCredentials", session.SessionName);
        Assert.Equal(identityId, session.Subject);
        Assert.Equal(["unauthenticated"], session.ContextKeys["cognito-identity.amazonaws.com:amr"]);
    }

    [Trait("SecurityRow", "68")]
    [Fact]
    public async Task GetCredentialsForIdentity_GuestWithBroadRole_ScopedDownToCognitosGuestServices()
    {
        var poolId = await _identity.NewIdentityPoolAsync();
        var broad = await IdentityPoolSetup.CreateRoleAsync(factory,
            IdentityPoolSetup.CognitoTrust(poolId, "unauthenticated"), IdentityPoolSteps.AllowAll);
        await _identity.SetRolesAsync(poolId, null, broad);
        var identityId = await _identity.IdentityIdAsync(poolId);

        var response = await _identity.CredentialsAsync(identityId);

        var session = IdentityPoolSteps.SessionOf(factory, response);
        Assert.Equal(GuestSessionPolicy.Document, session.SessionPolicy);
        Assert.Equal(PolicyDecision.Allow, await IdentityPoolSteps.DecideAsync(factory, session, "polly:SynthesizeSpeech"));
        Assert.NotEqual(PolicyDecision.Allow, await IdentityPoolSteps.DecideAsync(factory, session, "s3:GetObject"));
        Assert.NotEqual(PolicyDecision.Allow, await IdentityPoolSteps.DecideAsync(factory, session, "iam:CreateRole"));
    }

    [Fact]
    public async Task GetCredentialsForIdentity_UserPoolLogin_AuthenticatedRoleWithoutScopeDown()
    {
        var user = await _userPools.SignedInUserAsync();
        var poolId = await _identity.NewIdentityPoolAsync(new JsonObject
        {
            ["CognitoIdentityProviders"] = IdentityPoolSetup.CognitoProvider(user),
        });
        var (auth, _) = await IdentityPoolSteps.DefaultRolesAsync(factory, _identity, poolId);
        var identityId = await _identity.IdentityIdAsync(poolId, user.Logins);

        var response = await _identity.CredentialsAsync(identityId, user.Logins);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        var session = IdentityPoolSteps.SessionOf(factory, response);
        Assert.Equal(auth, session.RoleArn);
        Assert.Null(session.SessionPolicy);
        Assert.Contains(user.ProviderName, session.ContextKeys["cognito-identity.amazonaws.com:amr"]);
        var credentials = response["Credentials"]!;
        var caller = await factory.CreateQueryClient().SendAsync("sts", AwsQueryClient.StsVersion, "GetCallerIdentity", [],
            credentials: (credentials["AccessKeyId"]!.GetValue<string>(), credentials["SecretKey"]!.GetValue<string>(),
                credentials["SessionToken"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.OK, caller.Status);
        Assert.EndsWith($"/{auth.Split('/')[^1]}/CognitoIdentityCredentials", caller.Value("Arn"));
    }

    [Fact]
    public async Task GetCredentialsForIdentity_NoGuestRole_ReturnsInvalidIdentityPoolConfiguration()
    {
        var poolId = await _identity.NewIdentityPoolAsync();
        var identityId = await _identity.IdentityIdAsync(poolId);

        var response = await _identity.CredentialsAsync(identityId);

        Assert.Equal("InvalidIdentityPoolConfigurationException", response.ErrorType);
    }

    [Fact]
    public async Task GetCredentialsForIdentity_RoleTrustsAnotherPool_ReturnsInvalidIdentityPoolConfiguration()
    {
        var poolId = await _identity.NewIdentityPoolAsync();
        var foreign = await IdentityPoolSetup.CreateRoleAsync(factory,
            IdentityPoolSetup.CognitoTrust("us-east-1:99999999-0000-0000-0000-000000000000", "unauthenticated"));
        await _identity.SetRolesAsync(poolId, null, foreign);
        var identityId = await _identity.IdentityIdAsync(poolId);

        var response = await _identity.CredentialsAsync(identityId);

        Assert.Equal("InvalidIdentityPoolConfigurationException", response.ErrorType);
        Assert.Equal("Invalid identity pool configuration. Check assigned IAM roles for this pool.", response.Message);
    }

    [Fact]
    public async Task GetCredentialsForIdentity_GuestAfterGuestsDisabled_ReturnsNotAuthorized()
    {
        var poolId = await _identity.NewIdentityPoolAsync();
        await IdentityPoolSteps.DefaultRolesAsync(factory, _identity, poolId);
        var identityId = await _identity.IdentityIdAsync(poolId);
        var described = await _identity.CallAsync("DescribeIdentityPool", new { IdentityPoolId = poolId });
        described.Body["AllowUnauthenticatedIdentities"] = false;
        AuthSetup.Ok(await _identity.SendAsync("UpdateIdentityPool", described.Body.ToJsonString()));

        var response = await _identity.CredentialsAsync(identityId);

        Assert.Equal("NotAuthorizedException", response.ErrorType);
        Assert.Equal("Unauthenticated access is not supported for this identity pool.", response.Message);
    }

    [Fact]
    public async Task GetCredentialsForIdentity_PrincipalTagDefaults_BecomeSessionTags()
    {
        var user = await _userPools.SignedInUserAsync();
        var poolId = await _identity.NewIdentityPoolAsync(new JsonObject
        {
            ["CognitoIdentityProviders"] = IdentityPoolSetup.CognitoProvider(user),
        });
        await IdentityPoolSteps.DefaultRolesAsync(factory, _identity, poolId);
        AuthSetup.Ok(await _identity.CallAsync("SetPrincipalTagAttributeMap",
            new { IdentityPoolId = poolId, IdentityProviderName = user.ProviderName, UseDefaults = true }));
        var identityId = await _identity.IdentityIdAsync(poolId, user.Logins);

        var response = await _identity.CredentialsAsync(identityId, user.Logins);

        var session = IdentityPoolSteps.SessionOf(factory, response);
        var sub = IdentityPoolSteps.Payload(user.IdToken)["sub"]!.GetValue<string>();
        Assert.Equal(user.ClientId, session.PrincipalTags["client"]);
        Assert.Equal(sub, session.PrincipalTags["username"]);
    }

    [Trait("SecurityRow", "65")]
    [Fact]
    public async Task GetCredentialsForIdentity_ExpiredLogin_ReturnsNotAuthorized()
    {
        var user = await _userPools.SignedInUserAsync();
        var poolId = await _identity.NewIdentityPoolAsync(new JsonObject
        {
            ["CognitoIdentityProviders"] = IdentityPoolSetup.CognitoProvider(user),
        });
        await IdentityPoolSteps.DefaultRolesAsync(factory, _identity, poolId);
        var identityId = await _identity.IdentityIdAsync(poolId, user.Logins);

        var exp = IdentityPoolSteps.Payload(user.IdToken)["exp"]!.GetValue<long>();
        factory.Clock.SetUtcNow(DateTimeOffset.FromUnixTimeSeconds(exp));
        var response = await _identity.CredentialsAsync(identityId, user.Logins);

        Assert.Equal("NotAuthorizedException", response.ErrorType);
        Assert.StartsWith("Invalid login token. Token expired:", response.Message);
    }
}
