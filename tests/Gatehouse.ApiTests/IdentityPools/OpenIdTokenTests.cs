using System.Net;
using System.Text.Json.Nodes;
using Gatehouse.TestKit;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Gatehouse.ApiTests.IdentityPools;

public sealed class OpenIdTokenTests(GatehouseFactory factory) : IClassFixture<GatehouseFactory>
{
    private const string Issuer = "http://localhost/cognito-identity";
    private readonly AwsApiClient _userPools = factory.CreateAwsClient();
    private readonly AwsApiClient _identity = factory.CreateAwsClient().ForIdentityPools();

    [Fact]
    public async Task GetOpenIdToken_Guest_SignedTokenWithCognitoClaimsValidTenMinutes()
    {
        var poolId = await ClassicPoolAsync();
        var identityId = await _identity.IdentityIdAsync(poolId);

        var response = await _identity.OpenIdTokenAsync(identityId);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(identityId, response["IdentityId"]!.GetValue<string>());
        var token = response["Token"]!.GetValue<string>();
        var payload = IdentityPoolSteps.Payload(token);
        Assert.Equal(["sub", "aud", "iss", "amr", "exp", "iat"], payload.Select(p => p.Key));
        Assert.Equal(identityId, payload["sub"]!.GetValue<string>());
        Assert.Equal(poolId, payload["aud"]!.GetValue<string>());
        Assert.Equal(Issuer, payload["iss"]!.GetValue<string>());
        Assert.Equal(["unauthenticated"], payload["amr"]!.AsArray().Select(a => a!.GetValue<string>()));
        Assert.Equal(600, payload["exp"]!.GetValue<long>() - payload["iat"]!.GetValue<long>());
        Assert.Equal(factory.Clock.GetUtcNow().ToUnixTimeSeconds(), payload["iat"]!.GetValue<long>());
        await AssertSignedByJwksAsync(token);
    }

    [Fact]
    public async Task GetOpenIdToken_UserPoolLogin_AmrListsAuthenticatedAndTheProvider()
    {
        var user = await _userPools.SignedInUserAsync();
        var poolId = await ClassicPoolAsync(user);
        var identityId = await _identity.IdentityIdAsync(poolId, user.Logins);

        var response = await _identity.OpenIdTokenAsync(identityId, user.Logins);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        var sub = IdentityPoolSteps.Payload(user.IdToken)["sub"]!.GetValue<string>();
        Assert.Equal(["authenticated", user.ProviderName, $"{user.ProviderName}:CognitoSignIn:{sub}"],
            IdentityPoolSteps.Payload(response["Token"]!.GetValue<string>())["amr"]!.AsArray().Select(a => a!.GetValue<string>()));
    }

    [Fact]
    public async Task GetOpenIdToken_AuthenticatedIdentityWithoutLogins_ReturnsNotAuthorized()
    {
        var user = await _userPools.SignedInUserAsync();
        var poolId = await ClassicPoolAsync(user);
        var identityId = await _identity.IdentityIdAsync(poolId, user.Logins);

        var response = await _identity.OpenIdTokenAsync(identityId);

        Assert.Equal("NotAuthorizedException", response.ErrorType);
    }

    [Trait("SecurityRow", "66")]
    [Fact]
    public async Task GetOpenIdToken_LoginsOfAnotherIdentity_ReturnsNotAuthorizedAndLinksNothing()
    {
        var victim = await _userPools.SignedInUserAsync("victim");
        var attacker = await _userPools.AnotherUserAsync(victim, "attacker");
        var poolId = await ClassicPoolAsync(victim);
        var victimIdentity = await _identity.IdentityIdAsync(poolId, victim.Logins);
        await _identity.IdentityIdAsync(poolId, attacker.Logins);
        var before = await IdentityPoolSetup.FingerprintAsync(factory, poolId);

        var response = await _identity.OpenIdTokenAsync(victimIdentity, attacker.Logins);
        var credentials = await _identity.CredentialsAsync(victimIdentity, attacker.Logins);

        Assert.Equal("NotAuthorizedException", response.ErrorType);
        Assert.Equal("NotAuthorizedException", credentials.ErrorType);
        Assert.Equal(before, await IdentityPoolSetup.FingerprintAsync(factory, poolId));
    }

    [Fact]
    public async Task GetOpenIdToken_ClassicFlowDisabled_ReturnsInvalidParameter()
    {
        var poolId = await _identity.NewIdentityPoolAsync();
        var identityId = await _identity.IdentityIdAsync(poolId);

        var response = await _identity.OpenIdTokenAsync(identityId);

        Assert.Equal("InvalidParameterException", response.ErrorType);
        Assert.Equal("Basic (classic) flow is not enabled, please use enhanced flow.", response.Message);
    }

    [Fact]
    public async Task GetOpenIdToken_UnknownIdentity_ReturnsResourceNotFound()
    {
        var response = await _identity.OpenIdTokenAsync("us-east-1:00000000-0000-0000-0000-000000000000");

        Assert.Equal("ResourceNotFoundException", response.ErrorType);
    }

    [Fact]
    public async Task Discovery_NamesIssuerAndJwksUri()
    {
        var response = await _identity.Http.GetAsync("/cognito-identity/.well-known/openid-configuration",
            TestContext.Current.CancellationToken);
        var document = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Issuer, document["issuer"]!.GetValue<string>());
        Assert.Equal("http://localhost/cognito-identity/.well-known/jwks_uri", document["jwks_uri"]!.GetValue<string>());
        Assert.Equal(["RS256"], document["id_token_signing_alg_values_supported"]!.AsArray().Select(a => a!.GetValue<string>()));
    }

    [Fact]
    public async Task ClassicFlow_OpenIdTokenAssumesRoleWithSts_CallerIdentityIsTheRoleSession()
    {
        var poolId = await ClassicPoolAsync();
        var roleArn = await IdentityPoolSetup.CreateRoleAsync(factory, IdentityPoolSetup.CognitoTrust(poolId, "unauthenticated"));
        var identityId = await _identity.IdentityIdAsync(poolId);
        var token = (await _identity.OpenIdTokenAsync(identityId))["Token"]!.GetValue<string>();
        var sts = factory.CreateQueryClient();

        var assumed = await sts.SendAsync("sts", AwsQueryClient.StsVersion, "AssumeRoleWithWebIdentity",
            [("RoleArn", roleArn), ("RoleSessionName", "classic"), ("WebIdentityToken", token)], sign: false);
        var caller = await sts.SendAsync("sts", AwsQueryClient.StsVersion, "GetCallerIdentity", [],
            credentials: (assumed.Value("AccessKeyId")!, assumed.Value("SecretAccessKey")!, assumed.Value("SessionToken")));

        Assert.Equal(HttpStatusCode.OK, assumed.Status);
        Assert.Equal(identityId, assumed.Value("SubjectFromWebIdentityToken"));
        Assert.Equal(HttpStatusCode.OK, caller.Status);
        Assert.Equal($"arn:aws:sts::{IdentityPoolSetup.Account}:assumed-role/{roleArn.Split('/')[^1]}/classic", caller.Value("Arn"));
    }

    [Fact]
    public async Task GetOpenIdTokenForDeveloperIdentity_NewUser_CreatesIdentityAndTokenOfTheDuration()
    {
        var poolId = await DeveloperPoolAsync();

        var first = await DeveloperTokenAsync(poolId, "user-1", tokenDuration: 3600);
        var again = await DeveloperTokenAsync(poolId, "user-1");

        Assert.Equal(HttpStatusCode.OK, first.Status);
        var identityId = first["IdentityId"]!.GetValue<string>();
        Assert.Equal(identityId, again["IdentityId"]!.GetValue<string>());
        var payload = IdentityPoolSteps.Payload(first["Token"]!.GetValue<string>());
        Assert.Equal(3600, payload["exp"]!.GetValue<long>() - payload["iat"]!.GetValue<long>());
        Assert.Equal(["authenticated", "login.example.app"], payload["amr"]!.AsArray().Select(a => a!.GetValue<string>()));
        var againPayload = IdentityPoolSteps.Payload(again["Token"]!.GetValue<string>());
        Assert.Equal(900, againPayload["exp"]!.GetValue<long>() - againPayload["iat"]!.GetValue<long>());
        var stored = Assert.Single(await IdentityPoolSetup.IdentitiesAsync(factory, poolId));
        Assert.Equal(["login.example.app|user-1"], stored.Logins);
    }

    [Fact]
    public async Task GetOpenIdTokenForDeveloperIdentity_UserOfAnotherIdentity_ReturnsDeveloperUserAlreadyRegistered()
    {
        var poolId = await DeveloperPoolAsync();
        await DeveloperTokenAsync(poolId, "user-1");
        var other = (await DeveloperTokenAsync(poolId, "user-2"))["IdentityId"]!.GetValue<string>();

        var response = await DeveloperTokenAsync(poolId, "user-1", identityId: other);

        Assert.Equal("DeveloperUserAlreadyRegisteredException", response.ErrorType);
    }

    [Fact]
    public async Task GetOpenIdTokenForDeveloperIdentity_WithoutDeveloperProvider_ReturnsInvalidParameter()
    {
        var poolId = await DeveloperPoolAsync();

        var response = await _identity.CallAsync("GetOpenIdTokenForDeveloperIdentity", new
        {
            IdentityPoolId = poolId,
            Logins = new Dictionary<string, string> { ["other.example"] = "user-1" },
        });

        Assert.Equal("InvalidParameterException", response.ErrorType);
        Assert.Empty(await IdentityPoolSetup.IdentitiesAsync(factory, poolId));
    }

    [Fact]
    public async Task GetOpenIdTokenForDeveloperIdentity_Unsigned_IsRefused()
    {
        var poolId = await DeveloperPoolAsync();

        var response = await _identity.CallAsync("GetOpenIdTokenForDeveloperIdentity", new
        {
            IdentityPoolId = poolId,
            Logins = new Dictionary<string, string> { ["login.example.app"] = "user-1" },
        }, sign: false);

        Assert.NotEqual(HttpStatusCode.OK, response.Status);
        Assert.Empty(await IdentityPoolSetup.IdentitiesAsync(factory, poolId));
    }

    [Fact]
    public async Task GetOpenIdTokenForDeveloperIdentity_DurationOverADay_IsRefused()
    {
        var poolId = await DeveloperPoolAsync();

        var response = await DeveloperTokenAsync(poolId, "user-1", tokenDuration: 86401);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Empty(await IdentityPoolSetup.IdentitiesAsync(factory, poolId));
    }

    [Fact]
    public async Task DeveloperToken_AsCognitoIdentityLogin_SignsInToTheSameIdentity()
    {
        var poolId = await DeveloperPoolAsync();
        var developer = await DeveloperTokenAsync(poolId, "user-1");
        var identityId = developer["IdentityId"]!.GetValue<string>();
        var logins = new Dictionary<string, string> { ["cognito-identity.amazonaws.com"] = developer["Token"]!.GetValue<string>() };

        var getId = await _identity.GetIdAsync(poolId, logins);
        var token = await _identity.OpenIdTokenAsync(identityId, logins);

        Assert.Equal(identityId, getId["IdentityId"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, token.Status);
        Assert.Equal(["authenticated", "login.example.app"],
            IdentityPoolSteps.Payload(token["Token"]!.GetValue<string>())["amr"]!.AsArray().Select(a => a!.GetValue<string>()));
    }

    [Fact]
    public async Task DeveloperToken_OfAnotherPool_ReturnsNotAuthorized()
    {
        var poolId = await DeveloperPoolAsync();
        var otherPool = await DeveloperPoolAsync();
        var developer = await DeveloperTokenAsync(otherPool, "user-1");

        var response = await _identity.GetIdAsync(poolId,
            new Dictionary<string, string> { ["cognito-identity.amazonaws.com"] = developer["Token"]!.GetValue<string>() });

        Assert.Equal("NotAuthorizedException", response.ErrorType);
        Assert.Empty(await IdentityPoolSetup.IdentitiesAsync(factory, poolId));
    }

    private Task<string> ClassicPoolAsync(PoolUserLogin? user = null)
    {
        var settings = new JsonObject { ["AllowClassicFlow"] = true };
        if (user is not null)
        {
            settings["CognitoIdentityProviders"] = IdentityPoolSetup.CognitoProvider(user);
        }

        return _identity.NewIdentityPoolAsync(settings);
    }

    private Task<string> DeveloperPoolAsync() =>
        _identity.NewIdentityPoolAsync(
            new JsonObject { ["DeveloperProviderName"] = "login.example.app", ["AllowClassicFlow"] = true });

    private Task<AwsResponse> DeveloperTokenAsync(string poolId, string user, long? tokenDuration = null, string? identityId = null)
    {
        var body = new JsonObject
        {
            ["IdentityPoolId"] = poolId,
            ["Logins"] = new JsonObject { ["login.example.app"] = user },
        };
        if (tokenDuration is not null)
        {
            body["TokenDuration"] = tokenDuration;
        }

        if (identityId is not null)
        {
            body["IdentityId"] = identityId;
        }

        return _identity.SendAsync("GetOpenIdTokenForDeveloperIdentity", body.ToJsonString());
    }

    private async Task AssertSignedByJwksAsync(string token)
    {
        var jwks = new JsonWebKeySet(await _identity.Http.GetStringAsync(
            "/cognito-identity/.well-known/jwks_uri", TestContext.Current.CancellationToken));
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            IssuerSigningKeys = jwks.GetSigningKeys(),
            ValidIssuer = Issuer,
            ValidateAudience = false,
            ValidateLifetime = false,
        });
        Assert.True(result.IsValid, result.Exception?.Message);
        Assert.False(string.IsNullOrEmpty(new JsonWebToken(token).Kid));
    }
}
