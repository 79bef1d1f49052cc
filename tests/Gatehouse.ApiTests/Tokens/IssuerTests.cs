using System.Net;
using System.Text.Json.Nodes;
using Gatehouse.TestKit;

namespace Gatehouse.ApiTests.Tokens;

public sealed class IssuerTests(GatehouseFactory factory) : IClassFixture<GatehouseFactory>
{
    private readonly AwsApiClient _client = factory.CreateAwsClient();

    [Trait("SecurityRowPart", "22")]
    [Fact]
    public async Task Jwks_TwoRsaKeysWithDistinctKids()
    {
        var pool = await _client.CreatePoolIdAsync();

        var jwks = JsonNode.Parse(await _client.Http.GetStringAsync($"/{pool}/.well-known/jwks.json", TestContext.Current.CancellationToken))!;

        var keys = jwks["keys"]!.AsArray();
        Assert.Equal(2, keys.Count);
        Assert.All(keys, k =>
        {
            Assert.Equal("RSA", k!["kty"]!.GetValue<string>());
            Assert.Equal("RS256", k["alg"]!.GetValue<string>());
            Assert.Equal("sig", k["use"]!.GetValue<string>());
            Assert.Equal("AQAB", k["e"]!.GetValue<string>());
            Assert.Equal(342, k["n"]!.GetValue<string>().Length);
        });
        Assert.NotEqual(keys[0]!["kid"]!.GetValue<string>(), keys[1]!["kid"]!.GetValue<string>());
    }

    [Fact]
    public async Task Jwks_UnknownPool_NotFound()
    {
        var response = await _client.Http.GetAsync("/us-east-1_nopool123/.well-known/jwks.json", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Trait("SecurityRowPart", "44")]
    [Fact]
    public async Task OpenIdConfiguration_IssuerAndEndpoints()
    {
        var pool = await _client.CreatePoolIdAsync();

        var doc = JsonNode.Parse(await _client.Http.GetStringAsync($"/{pool}/.well-known/openid-configuration", TestContext.Current.CancellationToken))!;

        var baseUrl = _client.Http.BaseAddress!.GetLeftPart(UriPartial.Authority);
        Assert.Equal($"{baseUrl}/{pool}", doc["issuer"]!.GetValue<string>());
        Assert.Equal($"{baseUrl}/{pool}/.well-known/jwks.json", doc["jwks_uri"]!.GetValue<string>());
        Assert.Equal($"{baseUrl}/oauth2/token", doc["token_endpoint"]!.GetValue<string>());
        Assert.Equal(["RS256"], doc["id_token_signing_alg_values_supported"]!.AsArray().Select(v => v!.GetValue<string>()));
        Assert.Equal(["public"], doc["subject_types_supported"]!.AsArray().Select(v => v!.GetValue<string>()));
    }

    [Fact]
    public async Task Tokens_IssuerTemplate_CognitoForm()
    {
        using var custom = new GatehouseFactory()
            .WithSetting("Gatehouse:Tokens:IssuerTemplate", "https://cognito-idp.{region}.amazonaws.com/{userPoolId}");
        var client = custom.CreateAwsClient();
        var (pool, clientId, _) = await client.PoolAndClientAsync();
        await client.CreateUserAsync(pool, "templated");

        var result = (await client.PasswordAuthAsync(clientId, "templated", AuthSetup.Password))["AuthenticationResult"]!;
        var getUser = await client.CallAsync("GetUser", new { AccessToken = result["AccessToken"]!.GetValue<string>() }, sign: false);

        Assert.Equal($"https://cognito-idp.us-east-1.amazonaws.com/{pool}",
            TokenVerifier.Payload(result["IdToken"]!.GetValue<string>())["iss"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, getUser.Status);
    }

    [Trait("SecurityRowPart", "23")]
    [Fact]
    public async Task SigningKeys_Rotation_OldKeyPublishedUntilItsTokensExpire()
    {
        using var rotating = new GatehouseFactory().WithSetting("Gatehouse:Tokens:SigningKeyRotationDays", "1");
        var client = rotating.CreateAwsClient();
        var (pool, clientId, _) = await client.PoolAndClientAsync();
        await client.CreateUserAsync(pool, "rotated");
        var first = (await client.PasswordAuthAsync(clientId, "rotated", AuthSetup.Password))["AuthenticationResult"]!;
        var oldKid = TokenVerifier.Header(first["AccessToken"]!.GetValue<string>())["kid"]!.GetValue<string>();

        rotating.Clock.Advance(TimeSpan.FromDays(1));
        var second = (await client.PasswordAuthAsync(clientId, "rotated", AuthSetup.Password))["AuthenticationResult"]!;
        var newKid = TokenVerifier.Header(second["AccessToken"]!.GetValue<string>())["kid"]!.GetValue<string>();
        var kidsAfterRotation = await KidsAsync(client, pool);
        rotating.Clock.Advance(TimeSpan.FromDays(1) - TimeSpan.FromSeconds(1));
        var kidsOneSecondBefore = await KidsAsync(client, pool);
        rotating.Clock.Advance(TimeSpan.FromSeconds(1));
        var kidsAtExpiry = await KidsAsync(client, pool);

        Assert.NotEqual(oldKid, newKid);
        Assert.Contains(oldKid, kidsAfterRotation);
        Assert.Contains(newKid, kidsAfterRotation);
        Assert.Contains(oldKid, kidsOneSecondBefore);
        Assert.DoesNotContain(oldKid, kidsAtExpiry);
    }

    private static async Task<List<string>> KidsAsync(AwsApiClient client, string pool) =>
        [.. (await TokenVerifier.JwksAsync(client, pool)).Keys.Select(k => k.Kid)];
}
