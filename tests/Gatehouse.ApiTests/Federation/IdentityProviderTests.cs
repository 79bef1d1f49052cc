using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Gatehouse.TestKit;
using Microsoft.AspNetCore.Http;

namespace Gatehouse.ApiTests.Federation;

public sealed class IdentityProviderTests(FederationFixture fixture) : IClassFixture<FederationFixture>
{
    private static readonly string[] NameAndUsername = ["name", "username"];
    private static readonly string[] AlphaBravo = ["Alpha", "Bravo"];
    private static readonly string[] CharlieOnly = ["Charlie"];
    private static readonly string[] CognitoOnly = ["COGNITO"];
    private static readonly string[] CognitoAndGoogle = ["COGNITO", "Google"];
    private static readonly string[] NewIdentifier = ["New.Example"];
    private readonly AwsApiClient _client = fixture.Factory.CreateAwsClient();

    private static Dictionary<string, string> Oidc(string issuer) => new()
    {
        ["client_id"] = "upstream-client",
        ["client_secret"] = "upstream-secret",
        ["attributes_request_method"] = "GET",
        ["oidc_issuer"] = issuer,
        ["authorize_scopes"] = "openid email",
    };

    private static Dictionary<string, string> Google() => new()
    {
        ["client_id"] = "1example.apps.googleusercontent.com",
        ["client_secret"] = "google-secret",
        ["authorize_scopes"] = "email profile openid",
    };

    private Task<AwsResponse> CreateAsync(
        string poolId, string name, string type, Dictionary<string, string> details,
        object? mapping = null, string[]? identifiers = null) =>
        _client.CallAsync("CreateIdentityProvider", new
        {
            UserPoolId = poolId,
            ProviderName = name,
            ProviderType = type,
            ProviderDetails = details,
            AttributeMapping = mapping,
            IdpIdentifiers = identifiers,
        });

    private Task<AwsResponse> DescribeAsync(string poolId, string name) =>
        _client.CallAsync("DescribeIdentityProvider", new { UserPoolId = poolId, ProviderName = name });

    private static string Detail(AwsResponse response, string key) =>
        response["IdentityProvider"]!["ProviderDetails"]![key]!.GetValue<string>();

    [Fact]
    public async Task CreateIdentityProvider_Oidc_DiscoversEndpointsAndDefaultsUsernameMapping()
    {
        var poolId = await _client.CreatePoolIdAsync();
        var issuer = fixture.StandIn.Issuer("corp-" + poolId);

        var created = await CreateAsync(poolId, "Corp", "OIDC", Oidc(issuer), new { email = "email" }, ["corp.example"]);
        var described = await DescribeAsync(poolId, "Corp");
        var listed = await _client.CallAsync("ListIdentityProviders", new { UserPoolId = poolId });

        Assert.Equal(HttpStatusCode.OK, created.Status);
        Assert.True(JsonNode.DeepEquals(created["IdentityProvider"], described["IdentityProvider"]));
        Assert.Equal(issuer + "/authorize", Detail(described, "authorize_url"));
        Assert.Equal(issuer + "/token", Detail(described, "token_url"));
        Assert.Equal(issuer + "/jwks", Detail(described, "jwks_uri"));
        Assert.Equal(issuer + "/userinfo", Detail(described, "attributes_url"));
        Assert.Equal("false", Detail(described, "attributes_url_add_attributes"));
        Assert.Equal("upstream-secret", Detail(described, "client_secret"));
        var mapping = described["IdentityProvider"]!["AttributeMapping"]!;
        Assert.Equal("sub", mapping["username"]!.GetValue<string>());
        Assert.Equal("email", mapping["email"]!.GetValue<string>());
        Assert.Equal("corp.example", described["IdentityProvider"]!["IdpIdentifiers"]![0]!.GetValue<string>());
        Assert.Equal("Corp", listed["Providers"]![0]!["ProviderName"]!.GetValue<string>());
        Assert.Equal("OIDC", listed["Providers"]![0]!["ProviderType"]!.GetValue<string>());
        Assert.Null(listed["Providers"]![0]!["ProviderDetails"]);
    }

    [Fact]
    public async Task CreateIdentityProvider_OidcWithExplicitEndpoints_NoDiscoveryNeeded()
    {
        var poolId = await _client.CreatePoolIdAsync();
        var details = Oidc("https://idp.invalid");
        details["authorize_url"] = "https://idp.invalid/a";
        details["token_url"] = "https://idp.invalid/t";
        details["jwks_uri"] = "https://idp.invalid/k";

        var created = await CreateAsync(poolId, "Explicit", "OIDC", details);

        Assert.Equal(HttpStatusCode.OK, created.Status);
        Assert.Equal("https://idp.invalid/a", Detail(created, "authorize_url"));
    }

    public static TheoryData<string> BrokenDiscoveries => ["unreachable", "mismatch", "hang", "flood", "error"];

    [Theory]
    [MemberData(nameof(BrokenDiscoveries))]
    public async Task CreateIdentityProvider_DiscoveryFails_InvalidParameterFastAndNothingStored(string kind)
    {
        var poolId = await _client.CreatePoolIdAsync();
        var name = kind + "-" + poolId;
        var issuer = kind switch
        {
            "unreachable" => "http://127.0.0.1:9/nothing",
            "mismatch" => fixture.StandIn.Issuer(name, "https://someone.else"),
            "hang" => fixture.StandIn.Issuer(name, async context =>
                await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted)),
            "flood" => fixture.StandIn.Issuer(name, async context =>
            {
                context.Response.ContentType = "application/json";
                var chunk = new byte[64 * 1024];
                Array.Fill(chunk, (byte)' ');
                for (var i = 0; i < 160 && !context.RequestAborted.IsCancellationRequested; i++)
                {
                    await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
                }
            }),
            _ => fixture.StandIn.Issuer(name, context => Results.StatusCode(500).ExecuteAsync(context)),
        };

        var watch = Stopwatch.StartNew();
        var created = await CreateAsync(poolId, "Broken", "OIDC", Oidc(issuer));
        watch.Stop();

        Assert.Equal("InvalidParameterException", created.ErrorType);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
        Assert.Equal("ResourceNotFoundException", (await DescribeAsync(poolId, "Broken")).ErrorType);
    }

    [Fact]
    public async Task CreateIdentityProvider_Google_EndpointsFromInstanceSettingNotFromRequest()
    {
        var poolId = await _client.CreatePoolIdAsync();
        var details = Google();
        details["authorize_url"] = "https://attacker.example/authorize";

        var created = await CreateAsync(poolId, "Google", "Google", details);

        Assert.Equal(HttpStatusCode.OK, created.Status);
        Assert.Equal(fixture.StandIn.BaseUrl + "/google/authorize", Detail(created, "authorize_url"));
        Assert.Equal(fixture.StandIn.BaseUrl + "/google/token", Detail(created, "token_url"));
        Assert.Equal(fixture.StandIn.BaseUrl + "/google", Detail(created, "oidc_issuer"));
        Assert.Equal("https://people.googleapis.com/v1/people/me?personFields=", Detail(created, "attributes_url"));
        Assert.Equal("POST", Detail(created, "token_request_method"));
        Assert.Null(created["IdentityProvider"]!["ProviderDetails"]!["jwks_uri"]);
        Assert.Equal("google-secret", Detail(created, "client_secret"));
        Assert.Equal("sub", created["IdentityProvider"]!["AttributeMapping"]!["username"]!.GetValue<string>());
    }

    [Fact]
    public async Task CreateIdentityProvider_Facebook_VersionedRealEndpoints()
    {
        var poolId = await _client.CreatePoolIdAsync();

        var created = await CreateAsync(poolId, "Facebook", "Facebook", new Dictionary<string, string>
        {
            ["client_id"] = "123",
            ["client_secret"] = "s",
            ["authorize_scopes"] = "public_profile, email",
            ["api_version"] = "v19.0",
        });

        Assert.Equal("https://graph.facebook.com/v19.0/oauth/access_token", Detail(created, "token_url"));
        Assert.Equal("https://www.facebook.com/v19.0/dialog/oauth", Detail(created, "authorize_url"));
        Assert.Equal("GET", Detail(created, "token_request_method"));
        Assert.Equal("id", created["IdentityProvider"]!["AttributeMapping"]!["username"]!.GetValue<string>());
    }

    [Fact]
    public async Task CreateAndUpdateIdentityProvider_Apple_PrivateKeyNeverShownAndKept()
    {
        var poolId = await _client.CreatePoolIdAsync();
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var details = new Dictionary<string, string>
        {
            ["client_id"] = "com.example.app",
            ["team_id"] = "TEAM",
            ["key_id"] = "KEY",
            ["private_key"] = key.ExportPkcs8PrivateKeyPem(),
            ["authorize_scopes"] = "email name",
        };

        var created = await CreateAsync(poolId, "SignInWithApple", "SignInWithApple", details);
        var updated = await _client.CallAsync("UpdateIdentityProvider", new
        {
            UserPoolId = poolId,
            ProviderName = "SignInWithApple",
            ProviderDetails = new Dictionary<string, string> { ["authorize_scopes"] = "email" },
        });

        Assert.Equal(HttpStatusCode.OK, created.Status);
        Assert.Null(created["IdentityProvider"]!["ProviderDetails"]!["private_key"]);
        Assert.Equal("https://appleid.apple.com/auth/token", Detail(created, "token_url"));
        Assert.Equal(HttpStatusCode.OK, updated.Status);
        Assert.Equal("email", Detail(updated, "authorize_scopes"));
        Assert.Equal("KEY", Detail(updated, "key_id"));
    }

    public static TheoryData<string, string, string> RefusedProviders => new()
    {
        { "Googl", "Google", "name of a social type" },
        { "Google", "OIDC", "social name on OIDC" },
        { "cognito", "OIDC", "reserved" },
        { "Facebook", "Facebook", "missing client_secret" },
        { "Google", "Google", "unknown key" },
        { "SignInWithApple", "SignInWithApple", "bad private key" },
        { "Corp", "OIDC", "no openid scope" },
        { "Corp", "OIDC", "bad request method" },
        { "Corp", "OIDC", "plain http issuer" },
    };

    [Theory]
    [MemberData(nameof(RefusedProviders))]
    public async Task CreateIdentityProvider_BrokenRules_InvalidParameterAndNothingStored(string name, string type, string why)
    {
        var poolId = await _client.CreatePoolIdAsync();
        var issuer = fixture.StandIn.Issuer("refused-" + poolId);
        Dictionary<string, string> details = type == "OIDC" ? Oidc(issuer) : Google();
        switch (why)
        {
            case "missing client_secret":
                details.Remove("client_secret");
                break;
            case "unknown key":
                details["surprise"] = "x";
                break;
            case "bad private key":
                details = new() { ["client_id"] = "c", ["team_id"] = "t", ["key_id"] = "k", ["private_key"] = "not a key", ["authorize_scopes"] = "email" };
                break;
            case "no openid scope":
                details["authorize_scopes"] = "email profile";
                break;
            case "bad request method":
                details["attributes_request_method"] = "PUT";
                break;
            case "plain http issuer":
                details["oidc_issuer"] = "http://idp.example.com";
                break;
        }

        var created = await CreateAsync(poolId, name, type, details);

        Assert.Equal("InvalidParameterException", created.ErrorType);
        var listed = await _client.CallAsync("ListIdentityProviders", new { UserPoolId = poolId });
        Assert.Empty(listed["Providers"]!.AsArray());
    }

    [Fact]
    public async Task CreateIdentityProvider_TakenNameOrIdentifier_DuplicateProvider()
    {
        var poolId = await _client.CreatePoolIdAsync();
        var issuer = fixture.StandIn.Issuer("dup-" + poolId);
        await CreateAsync(poolId, "First", "OIDC", Oidc(issuer), identifiers: ["Example.COM"]);

        var sameName = await CreateAsync(poolId, "First", "OIDC", Oidc(issuer));
        var sameIdentifier = await CreateAsync(poolId, "Second", "OIDC", Oidc(issuer), identifiers: ["example.com"]);
        var repeated = await CreateAsync(poolId, "Third", "OIDC", Oidc(issuer), identifiers: ["a", "a"]);

        Assert.Equal("DuplicateProviderException", sameName.ErrorType);
        Assert.Equal("DuplicateProviderException", sameIdentifier.ErrorType);
        Assert.Equal("InvalidParameterException", repeated.ErrorType);
        Assert.Single((await _client.CallAsync("ListIdentityProviders", new { UserPoolId = poolId }))["Providers"]!.AsArray());
    }

    [Theory]
    [InlineData("sub")]
    [InlineData("not_an_attribute")]
    [InlineData("custom:fixed")]
    public async Task CreateIdentityProvider_BadMapping_InvalidParameter(string attribute)
    {
        var poolId = await _client.CreatePoolIdAsync(new JsonObject
        {
            ["Schema"] = new JsonArray(new JsonObject { ["Name"] = "fixed", ["AttributeDataType"] = "String", ["Mutable"] = false }),
        });

        var created = await CreateAsync(poolId, "Google", "Google", Google(), new Dictionary<string, string> { [attribute] = "x" });

        Assert.Equal("InvalidParameterException", created.ErrorType);
    }

    [Fact]
    public async Task CreateIdentityProvider_UnknownPool_ResourceNotFound()
    {
        var created = await CreateAsync("us-east-1_nopool999", "Google", "Google", Google());

        Assert.Equal("ResourceNotFoundException", created.ErrorType);
    }

    [Fact]
    public async Task UpdateIdentityProvider_MappingAndIdentifiersReplaced_IdentifierFindsIt()
    {
        var poolId = await _client.CreatePoolIdAsync();
        await CreateAsync(poolId, "Google", "Google", Google(), new { email = "email" }, ["old.example"]);

        var updated = await _client.CallAsync("UpdateIdentityProvider", new
        {
            UserPoolId = poolId,
            ProviderName = "Google",
            AttributeMapping = new { name = "name" },
            IdpIdentifiers = NewIdentifier,
        });
        var byNew = await _client.CallAsync("GetIdentityProviderByIdentifier", new { UserPoolId = poolId, IdpIdentifier = "new.example" });
        var byOld = await _client.CallAsync("GetIdentityProviderByIdentifier", new { UserPoolId = poolId, IdpIdentifier = "old.example" });
        var missing = await _client.CallAsync("UpdateIdentityProvider", new { UserPoolId = poolId, ProviderName = "Nobody" });

        Assert.Equal(HttpStatusCode.OK, updated.Status);
        var mapping = updated["IdentityProvider"]!["AttributeMapping"]!.AsObject();
        Assert.Equal(NameAndUsername, mapping.Select(p => p.Key).Order());
        Assert.Equal("Google", byNew["IdentityProvider"]!["ProviderName"]!.GetValue<string>());
        Assert.Equal("google-secret", Detail(byNew, "client_secret"));
        Assert.Equal("ResourceNotFoundException", byOld.ErrorType);
        Assert.Equal("ResourceNotFoundException", missing.ErrorType);
    }

    [Fact]
    public async Task UpdateIdentityProvider_BrokenDetails_OldDetailsKept()
    {
        var poolId = await _client.CreatePoolIdAsync();
        var issuer = fixture.StandIn.Issuer("keep-" + poolId);
        await CreateAsync(poolId, "Corp", "OIDC", Oidc(issuer));

        var updated = await _client.CallAsync("UpdateIdentityProvider", new
        {
            UserPoolId = poolId,
            ProviderName = "Corp",
            ProviderDetails = new Dictionary<string, string> { ["oidc_issuer"] = "http://127.0.0.1:9/gone" },
        });

        Assert.Equal("InvalidParameterException", updated.ErrorType);
        Assert.Equal(issuer, Detail(await DescribeAsync(poolId, "Corp"), "oidc_issuer"));
    }

    [Fact]
    public async Task ListIdentityProviders_Pages()
    {
        var poolId = await _client.CreatePoolIdAsync();
        var issuer = fixture.StandIn.Issuer("page-" + poolId);
        foreach (var name in new[] { "Charlie", "Alpha", "Bravo" })
        {
            Assert.Equal(HttpStatusCode.OK, (await CreateAsync(poolId, name, "OIDC", Oidc(issuer))).Status);
        }

        var first = await _client.CallAsync("ListIdentityProviders", new { UserPoolId = poolId, MaxResults = 2 });
        var second = await _client.CallAsync("ListIdentityProviders",
            new { UserPoolId = poolId, MaxResults = 2, NextToken = first["NextToken"]!.GetValue<string>() });
        var forged = await _client.CallAsync("ListIdentityProviders", new { UserPoolId = poolId, NextToken = "forged" });

        Assert.Equal(AlphaBravo, first["Providers"]!.AsArray().Select(p => p!["ProviderName"]!.GetValue<string>()));
        Assert.Equal(CharlieOnly, second["Providers"]!.AsArray().Select(p => p!["ProviderName"]!.GetValue<string>()));
        Assert.Null(second["NextToken"]);
        Assert.Equal("InvalidParameterException", forged.ErrorType);
    }

    [Fact]
    public async Task UserPoolClient_SupportedIdentityProviders_MustExist_DeleteRemovesIt()
    {
        var poolId = await _client.CreatePoolIdAsync();
        var unknown = await _client.CallAsync("CreateUserPoolClient",
            new { UserPoolId = poolId, ClientName = "web", SupportedIdentityProviders = CognitoAndGoogle });
        await CreateAsync(poolId, "Google", "Google", Google());

        var created = await _client.CallAsync("CreateUserPoolClient",
            new { UserPoolId = poolId, ClientName = "web", SupportedIdentityProviders = CognitoAndGoogle });
        var clientId = created["UserPoolClient"]!["ClientId"]!.GetValue<string>();
        var deleted = await _client.CallAsync("DeleteIdentityProvider", new { UserPoolId = poolId, ProviderName = "Google" });
        var client = await _client.CallAsync("DescribeUserPoolClient", new { UserPoolId = poolId, ClientId = clientId });
        var again = await _client.CallAsync("DeleteIdentityProvider", new { UserPoolId = poolId, ProviderName = "Google" });

        Assert.Equal("InvalidParameterException", unknown.ErrorType);
        Assert.Equal(HttpStatusCode.OK, created.Status);
        Assert.Equal(HttpStatusCode.OK, deleted.Status);
        Assert.Equal(CognitoOnly, client["UserPoolClient"]!["SupportedIdentityProviders"]!.AsArray().Select(p => p!.GetValue<string>()));
        Assert.Equal("ResourceNotFoundException", (await DescribeAsync(poolId, "Google")).ErrorType);
        Assert.Equal("ResourceNotFoundException", again.ErrorType);
    }
}
