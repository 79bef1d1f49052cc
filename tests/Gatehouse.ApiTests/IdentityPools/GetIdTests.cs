using System.Net;
using System.Text.Json.Nodes;
using Gatehouse.TestKit;

namespace Gatehouse.ApiTests.IdentityPools;

public sealed class GetIdTests(GatehouseFactory factory) : IClassFixture<GatehouseFactory>
{
    private readonly AwsApiClient _userPools = factory.CreateAwsClient();
    private readonly AwsApiClient _identity = factory.CreateAwsClient().ForIdentityPools();

    [Trait("SecurityRow", "67")]
    [Fact]
    public async Task GetId_NoLoginsGuestsAllowed_ReturnsNewGuestIdentityEachCall()
    {
        var poolId = await _identity.NewIdentityPoolAsync();

        var first = await _identity.GetIdAsync(poolId);
        var second = await _identity.GetIdAsync(poolId);

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal(["IdentityId"], first.Body.Select(p => p.Key));
        Assert.Matches("^us-east-1:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$",
            first["IdentityId"]!.GetValue<string>());
        Assert.NotEqual(first["IdentityId"]!.GetValue<string>(), second["IdentityId"]!.GetValue<string>());
        Assert.Equal(2, (await IdentityPoolSetup.IdentitiesAsync(factory, poolId)).Count);
    }

    [Trait("SecurityRow", "67")]
    [Fact]
    public async Task GetId_NoLoginsGuestsDisabled_ReturnsNotAuthorizedAndStoresNothing()
    {
        var poolId = await _identity.NewIdentityPoolAsync(new JsonObject { ["AllowUnauthenticatedIdentities"] = false });

        var response = await _identity.GetIdAsync(poolId);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("NotAuthorizedException", response.ErrorType);
        Assert.Equal("Unauthenticated access is not supported for this identity pool.", response.Message);
        Assert.Empty(await IdentityPoolSetup.IdentitiesAsync(factory, poolId));
    }

    [Fact]
    public async Task GetId_UnknownPool_ReturnsResourceNotFound()
    {
        var response = await _identity.GetIdAsync("us-east-1:00000000-0000-0000-0000-000000000000");

        Assert.Equal("ResourceNotFoundException", response.ErrorType);
    }

    [Fact]
    public async Task GetId_UserPoolIdToken_ReturnsOneIdentityForTheUser()
    {
        var user = await _userPools.SignedInUserAsync();
        var poolId = await _identity.NewIdentityPoolAsync(new JsonObject
        {
            ["CognitoIdentityProviders"] = IdentityPoolSetup.CognitoProvider(user),
        });

        var first = await _identity.IdentityIdAsync(poolId, user.Logins);
        var again = await _identity.IdentityIdAsync(poolId, user.Logins);

        Assert.Equal(first, again);
        var sub = IdentityPoolSteps.Payload(user.IdToken)["sub"]!.GetValue<string>();
        var stored = Assert.Single(await IdentityPoolSetup.IdentitiesAsync(factory, poolId));
        Assert.Equal(first, stored.IdentityId);
        Assert.Equal([$"{user.ProviderName}|{sub}"], stored.Logins);
    }

    [Trait("SecurityRowPart", "19")]
    [Fact]
    public async Task GetId_TamperedSignature_ReturnsNotAuthorizedAndStoresNothing()
    {
        var (poolId, user) = await PoolWithUserAsync();
        var parts = user.IdToken.Split('.');
        var tampered = $"{parts[0]}.{parts[1]}.{(parts[2][0] == 'A' ? 'B' : 'A')}{parts[2][1..]}";

        var response = await _identity.GetIdAsync(poolId, new Dictionary<string, string> { [user.ProviderName] = tampered });

        Assert.Equal("NotAuthorizedException", response.ErrorType);
        Assert.StartsWith("Invalid login token.", response.Message);
        Assert.Empty(await IdentityPoolSetup.IdentitiesAsync(factory, poolId));
    }

    [Fact]
    public async Task GetId_NotAJwt_ReturnsNotAuthorized()
    {
        var (poolId, user) = await PoolWithUserAsync();

        var response = await _identity.GetIdAsync(poolId, new Dictionary<string, string> { [user.ProviderName] = "not-a-token" });

        Assert.Equal("NotAuthorizedException", response.ErrorType);
        Assert.Empty(await IdentityPoolSetup.IdentitiesAsync(factory, poolId));
    }

    [Trait("SecurityRowPart", "20")]
    [Trait("SecurityRow", "65")]
    [Fact]
    public async Task GetId_TokenAtItsExpiry_ReturnsNotAuthorized_OneSecondBeforeWorks()
    {
        using var local = new GatehouseFactory();
        var userPools = local.CreateAwsClient();
        var identity = local.CreateAwsClient().ForIdentityPools();
        var user = await userPools.SignedInUserAsync();
        var poolId = await identity.NewIdentityPoolAsync(new JsonObject
        {
            ["CognitoIdentityProviders"] = IdentityPoolSetup.CognitoProvider(user),
        });
        var exp = IdentityPoolSteps.Payload(user.IdToken)["exp"]!.GetValue<long>();

        local.Clock.SetUtcNow(DateTimeOffset.FromUnixTimeSeconds(exp - 1));
        var before = await identity.GetIdAsync(poolId, user.Logins);
        local.Clock.SetUtcNow(DateTimeOffset.FromUnixTimeSeconds(exp));
        var at = await identity.GetIdAsync(poolId, user.Logins);

        Assert.Equal(HttpStatusCode.OK, before.Status);
        Assert.Equal("NotAuthorizedException", at.ErrorType);
        Assert.Equal($"Invalid login token. Token expired: {exp} >= {exp}", at.Message);
    }

    [Trait("SecurityRow", "65")]
    [Fact]
    public async Task GetId_TokenOfAnotherAppClient_ReturnsNotAuthorizedAndStoresNothing()
    {
        var user = await _userPools.SignedInUserAsync();
        var otherClient = (await _userPools.CreateClientAsync(user.PoolId, []))["ClientId"]!.GetValue<string>();
        var poolId = await _identity.NewIdentityPoolAsync(new JsonObject
        {
            ["CognitoIdentityProviders"] = IdentityPoolSetup.CognitoProvider(user with { ClientId = otherClient }),
        });

        var response = await _identity.GetIdAsync(poolId, user.Logins);

        Assert.Equal("NotAuthorizedException", response.ErrorType);
        Assert.Equal("Token is not from a supported provider of this identity pool.", response.Message);
        Assert.Empty(await IdentityPoolSetup.IdentitiesAsync(factory, poolId));
    }

    [Trait("SecurityRow", "65")]
    [Fact]
    public async Task GetId_ProviderNotConfigured_ReturnsNotAuthorizedAndStoresNothing()
    {
        var user = await _userPools.SignedInUserAsync();
        var poolId = await _identity.NewIdentityPoolAsync();

        var response = await _identity.GetIdAsync(poolId, user.Logins);

        Assert.Equal("NotAuthorizedException", response.ErrorType);
        Assert.Equal("Token is not from a supported provider of this identity pool.", response.Message);
        Assert.Empty(await IdentityPoolSetup.IdentitiesAsync(factory, poolId));
    }

    [Trait("SecurityRow", "65")]
    [Trait("SecurityRowPart", "87")]
    [Fact]
    public async Task GetId_TokenOfAnotherUserPoolUnderThisKey_ReturnsIssuerMismatch()
    {
        var (poolId, user) = await PoolWithUserAsync();
        var other = await _userPools.SignedInUserAsync("carol");

        var response = await _identity.GetIdAsync(poolId, new Dictionary<string, string> { [user.ProviderName] = other.IdToken });

        Assert.Equal("NotAuthorizedException", response.ErrorType);
        Assert.Equal("Invalid login token. Issuer doesn't match providerName", response.Message);
    }

    [Trait("SecurityRowPart", "21")]
    [Fact]
    public async Task GetId_AccessTokenInsteadOfIdToken_ReturnsNotAuthorized()
    {
        var (poolId, user) = await PoolWithUserAsync();
        var auth = await _userPools.PasswordAuthAsync(user.ClientId, user.Username, AuthSetup.Password);
        var accessToken = auth["AuthenticationResult"]!["AccessToken"]!.GetValue<string>();

        var response = await _identity.GetIdAsync(poolId, new Dictionary<string, string> { [user.ProviderName] = accessToken });

        Assert.Equal("NotAuthorizedException", response.ErrorType);
        Assert.Empty(await IdentityPoolSetup.IdentitiesAsync(factory, poolId));
    }

    [Trait("SecurityRow", "65")]
    [Fact]
    public async Task GetId_SignedOutTokenWithServerSideTokenCheck_ReturnsNotAuthorized()
    {
        var user = await _userPools.SignedInUserAsync();
        var checkedPool = await _identity.NewIdentityPoolAsync(new JsonObject
        {
            ["CognitoIdentityProviders"] = IdentityPoolSetup.CognitoProvider(user, serverSideTokenCheck: true),
        });
        var uncheckedPool = await _identity.NewIdentityPoolAsync(new JsonObject
        {
            ["CognitoIdentityProviders"] = IdentityPoolSetup.CognitoProvider(user),
        });
        var auth = await _userPools.PasswordAuthAsync(user.ClientId, user.Username, AuthSetup.Password);
        var idToken = auth["AuthenticationResult"]!["IdToken"]!.GetValue<string>();
        var logins = new Dictionary<string, string> { [user.ProviderName] = idToken };
        var beforeSignOut = await _identity.GetIdAsync(checkedPool, logins);
        AuthSetup.Ok(await _userPools.CallAsync("GlobalSignOut",
            new { AccessToken = auth["AuthenticationResult"]!["AccessToken"]!.GetValue<string>() }, sign: false));

        var checkedAfter = await _identity.GetIdAsync(checkedPool, logins);
        var uncheckedAfter = await _identity.GetIdAsync(uncheckedPool, logins);

        Assert.Equal(HttpStatusCode.OK, beforeSignOut.Status);
        Assert.Equal("NotAuthorizedException", checkedAfter.ErrorType);
        Assert.Equal("Invalid login token. Token has been revoked.", checkedAfter.Message);
        Assert.Equal(HttpStatusCode.OK, uncheckedAfter.Status);
    }

    [Trait("SecurityRow", "65")]
    [Fact]
    public async Task GetId_DisabledUserWithServerSideTokenCheck_ReturnsNotAuthorized()
    {
        var user = await _userPools.SignedInUserAsync();
        var poolId = await _identity.NewIdentityPoolAsync(new JsonObject
        {
            ["CognitoIdentityProviders"] = IdentityPoolSetup.CognitoProvider(user, serverSideTokenCheck: true),
        });
        AuthSetup.Ok(await _userPools.CallAsync("AdminDisableUser", new { UserPoolId = user.PoolId, user.Username }));

        var response = await _identity.GetIdAsync(poolId, user.Logins);

        Assert.Equal("NotAuthorizedException", response.ErrorType);
        Assert.Empty(await IdentityPoolSetup.IdentitiesAsync(factory, poolId));
    }

    [Fact]
    public async Task GetId_TwentyParallelCallsWithOneLogin_EndWithOneIdentity()
    {
        var (poolId, user) = await PoolWithUserAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => _identity.GetIdAsync(poolId, user.Logins)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.Status));
        var ids = responses.Select(r => r["IdentityId"]!.GetValue<string>()).Distinct().ToList();
        var stored = Assert.Single(await IdentityPoolSetup.IdentitiesAsync(factory, poolId));
        Assert.Equal([stored.IdentityId], ids);
    }

    [Fact]
    public async Task GetId_LoginsOfTwoIdentities_MergesThemIntoTheOlder()
    {
        var first = await _userPools.SignedInUserAsync("dave");
        var second = await _userPools.SignedInUserAsync("erin");
        var poolId = await _identity.NewIdentityPoolAsync(new JsonObject
        {
            ["CognitoIdentityProviders"] = new JsonArray(
                IdentityPoolSetup.CognitoProvider(first)[0]!.DeepClone(), IdentityPoolSetup.CognitoProvider(second)[0]!.DeepClone()),
        });
        var older = await _identity.IdentityIdAsync(poolId, first.Logins);
        factory.Clock.Advance(TimeSpan.FromSeconds(1));
        await _identity.IdentityIdAsync(poolId, second.Logins);

        var merged = await _identity.IdentityIdAsync(poolId,
            new Dictionary<string, string> { [first.ProviderName] = first.IdToken, [second.ProviderName] = second.IdToken });

        Assert.Equal(older, merged);
        var stored = Assert.Single(await IdentityPoolSetup.IdentitiesAsync(factory, poolId));
        Assert.Equal(older, stored.IdentityId);
        Assert.Equal(2, stored.Logins.Count);
        Assert.Equal(older, await _identity.IdentityIdAsync(poolId, second.Logins));
    }

    [Fact]
    public async Task GetId_FacebookLogin_ReturnsNotAuthorizedNamingTheProvider()
    {
        var poolId = await _identity.NewIdentityPoolAsync(new JsonObject
        {
            ["SupportedLoginProviders"] = new JsonObject { ["graph.facebook.com"] = "1234567890" },
        });

        var response = await _identity.GetIdAsync(poolId, new Dictionary<string, string> { ["graph.facebook.com"] = "EAAB" });

        Assert.Equal("NotAuthorizedException", response.ErrorType);
        Assert.Contains("graph.facebook.com", response.Message, StringComparison.Ordinal);
        Assert.Empty(await IdentityPoolSetup.IdentitiesAsync(factory, poolId));
    }

    [Fact]
    public async Task GetId_IamOidcProviderOfOwnUserPool_VerifiesLocally()
    {
        var user = await _userPools.SignedInUserAsync();
        await IdentityPoolSetup.AddOidcProviderAsync(factory, user.ProviderName, user.ClientId);
        var poolId = await _identity.NewIdentityPoolAsync(new JsonObject
        {
            ["OpenIdConnectProviderARNs"] = new JsonArray($"arn:aws:iam::{IdentityPoolSetup.Account}:oidc-provider/{user.ProviderName}"),
        });

        var response = await _identity.GetIdAsync(poolId, user.Logins);
        var otherIssuer = await _identity.GetIdAsync(poolId, new Dictionary<string, string>
        {
            [user.ProviderName] = (await _userPools.SignedInUserAsync("frank")).IdToken,
        });

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("NotAuthorizedException", otherIssuer.ErrorType);
        Assert.Single(await IdentityPoolSetup.IdentitiesAsync(factory, poolId));
    }

    [Fact]
    public async Task GetId_GoogleTokenOfTheConfiguredIssuer_IsVerifiedWithTheAppsClientId()
    {
        using var seed = new GatehouseFactory();
        var user = await seed.CreateAwsClient().SignedInUserAsync();
        // An operator points the Google issuer elsewhere; here at one of this server's own user pools.
        using var configured = seed.WithWebHostBuilder(b =>
            b.UseSetting("Gatehouse:IdentityPools:GoogleIssuer", $"http://localhost/{user.PoolId}"));
        var identity = new AwsApiClient(configured.CreateClient(), seed.Clock, GatehouseFactory.AccessKeyId,
            GatehouseFactory.SecretAccessKey).ForIdentityPools();
        var poolId = await identity.NewIdentityPoolAsync(new JsonObject
        {
            ["SupportedLoginProviders"] = new JsonObject { ["accounts.google.com"] = user.ClientId },
        });
        var otherApp = await identity.NewIdentityPoolAsync(new JsonObject
        {
            ["SupportedLoginProviders"] = new JsonObject { ["accounts.google.com"] = "another-app" },
        });
        var logins = new Dictionary<string, string> { ["accounts.google.com"] = user.IdToken };

        var response = await identity.GetIdAsync(poolId, logins);
        var wrongApp = await identity.GetIdAsync(otherApp, logins);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("NotAuthorizedException", wrongApp.ErrorType);
        var sub = IdentityPoolSteps.Payload(user.IdToken)["sub"]!.GetValue<string>();
        Assert.Equal([$"accounts.google.com|{sub}"], Assert.Single(await IdentityPoolSetup.IdentitiesAsync(seed, poolId)).Logins);
    }

    private async Task<(string PoolId, PoolUserLogin User)> PoolWithUserAsync()
    {
        var user = await _userPools.SignedInUserAsync();
        var poolId = await _identity.NewIdentityPoolAsync(new JsonObject
        {
            ["CognitoIdentityProviders"] = IdentityPoolSetup.CognitoProvider(user),
        });
        return (poolId, user);
    }
}
