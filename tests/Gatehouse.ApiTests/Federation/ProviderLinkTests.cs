using System.Net;
using System.Text.Json.Nodes;
using Gatehouse.Server.Federation;
using Gatehouse.Server.Storage;
using Gatehouse.TestKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gatehouse.ApiTests.Federation;

public sealed class ProviderLinkTests(FederationFixture fixture) : IClassFixture<FederationFixture>
{
    private readonly AwsApiClient _client = fixture.Factory.CreateAwsClient();

    private async Task<string> PoolWithGoogleAsync()
    {
        var poolId = await _client.CreatePoolIdAsync();
        AuthSetup.Ok(await _client.CallAsync("CreateIdentityProvider", new
        {
            UserPoolId = poolId,
            ProviderName = "Google",
            ProviderType = "Google",
            ProviderDetails = new Dictionary<string, string>
            {
                ["client_id"] = "c",
                ["client_secret"] = "s",
                ["authorize_scopes"] = "openid email",
            },
            AttributeMapping = new { email = "email" },
        }));
        return poolId;
    }

    private Task<AwsResponse> LinkAsync(string poolId, string username, string subject, string provider = "Google",
        string attribute = "Cognito_Subject") =>
        _client.CallAsync("AdminLinkProviderForUser", new
        {
            UserPoolId = poolId,
            DestinationUser = new { ProviderName = "Cognito", ProviderAttributeValue = username },
            SourceUser = new { ProviderName = provider, ProviderAttributeName = attribute, ProviderAttributeValue = subject },
        });

    private Task<AwsResponse> DisableAsync(string poolId, string subject) =>
        _client.CallAsync("AdminDisableProviderForUser", new
        {
            UserPoolId = poolId,
            User = new { ProviderName = "Google", ProviderAttributeName = "Cognito_Subject", ProviderAttributeValue = subject },
        });

    /// <summary>What the junction makes of a verified upstream answer (the hosted-UI round trip ends there).</summary>
    private async Task<FederatedSignInResult> SignInAsync(string poolId, string subject, string email)
    {
        using var scope = fixture.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        var provider = await db.IdentityProviders.SingleAsync(p => p.PoolId == poolId && p.ProviderName == "Google");
        return await scope.ServiceProvider.GetRequiredService<FederatedSignIn>()
            .SignInAsync(provider, subject, new Dictionary<string, string> { ["email"] = email }, null, CancellationToken.None);
    }

    private async Task<JsonArray?> IdentitiesAsync(string poolId, string username)
    {
        var user = await _client.CallAsync("AdminGetUser", new { UserPoolId = poolId, Username = username });
        var value = user["UserAttributes"]!.AsArray().FirstOrDefault(a => a!["Name"]!.GetValue<string>() == "identities");
        return value is null ? null : JsonNode.Parse(value["Value"]!.GetValue<string>())!.AsArray();
    }

    [Fact]
    public async Task AdminLinkProviderForUser_LinkedIdentitySignsInAsNativeUser_DisableUnlinks()
    {
        var poolId = await PoolWithGoogleAsync();
        await _client.CreateUserAsync(poolId, "alice", attributes: ("email", "alice@example.com"));

        var linked = await LinkAsync(poolId, "alice", "google-sub-1");
        var identities = await IdentitiesAsync(poolId, "alice");
        var signedIn = await SignInAsync(poolId, "google-sub-1", "other@example.com");
        var disabled = await DisableAsync(poolId, "google-sub-1");
        var afterDisable = await IdentitiesAsync(poolId, "alice");
        var signedInAgain = await SignInAsync(poolId, "google-sub-1", "other@example.com");

        Assert.Equal(HttpStatusCode.OK, linked.Status);
        var entry = Assert.Single(identities!);
        Assert.Equal("google-sub-1", entry!["userId"]!.GetValue<string>());
        Assert.Equal("Google", entry["providerName"]!.GetValue<string>());
        Assert.Equal("Google", entry["providerType"]!.GetValue<string>());
        Assert.Equal("alice", signedIn.User!.Username);
        // A linked identity leaves the native user's own attributes alone.
        var alice = await _client.CallAsync("AdminGetUser", new { UserPoolId = poolId, Username = "alice" });
        Assert.Contains(alice["UserAttributes"]!.AsArray(), a => a!["Value"]!.GetValue<string>() == "alice@example.com");
        Assert.Equal(HttpStatusCode.OK, disabled.Status);
        Assert.Null(afterDisable);
        Assert.Equal("Google_google-sub-1", signedInAgain.User!.Username);
    }

    [Fact]
    public async Task AdminLinkProviderForUser_SameLinkTwice_NoOp()
    {
        var poolId = await PoolWithGoogleAsync();
        await _client.CreateUserAsync(poolId, "bob");

        Assert.Equal(HttpStatusCode.OK, (await LinkAsync(poolId, "bob", "s1")).Status);
        Assert.Equal(HttpStatusCode.OK, (await LinkAsync(poolId, "bob", "s1")).Status);

        Assert.Single((await IdentitiesAsync(poolId, "bob"))!);
    }

    [Trait("SecurityRowPart", "47")]
    [Fact]
    public async Task AdminLinkProviderForUser_IdentityWithItsOwnUser_NotMerged()
    {
        var poolId = await PoolWithGoogleAsync();
        await _client.CreateUserAsync(poolId, "carol");
        await _client.CreateUserAsync(poolId, "dave");
        Assert.NotNull((await SignInAsync(poolId, "already-here", "x@example.com")).User);
        Assert.Equal(HttpStatusCode.OK, (await LinkAsync(poolId, "dave", "linked-to-dave")).Status);

        var merged = await LinkAsync(poolId, "carol", "already-here");
        var stolen = await LinkAsync(poolId, "carol", "linked-to-dave");

        Assert.Equal("InvalidParameterException", merged.ErrorType);
        Assert.Equal("AliasExistsException", stolen.ErrorType);
        Assert.Null(await IdentitiesAsync(poolId, "carol"));
    }

    [Fact]
    public async Task AdminLinkProviderForUser_SixthLink_LimitExceeded()
    {
        var poolId = await PoolWithGoogleAsync();
        await _client.CreateUserAsync(poolId, "erin");
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await LinkAsync(poolId, "erin", "sub-" + i)).Status);
        }

        var sixth = await LinkAsync(poolId, "erin", "sub-5");

        Assert.Equal("LimitExceededException", sixth.ErrorType);
        Assert.Equal(5, (await IdentitiesAsync(poolId, "erin"))!.Count);
    }

    [Theory]
    [InlineData("nobody", "Google", "Cognito_Subject", "UserNotFoundException")]
    [InlineData("frank", "Unknown", "Cognito_Subject", "InvalidParameterException")]
    [InlineData("frank", "Cognito", "Cognito_Subject", "InvalidParameterException")]
    [InlineData("frank", "Google", "email", "InvalidParameterException")]
    public async Task AdminLinkProviderForUser_BadRequest_Refused(string username, string provider, string attribute, string error)
    {
        var poolId = await PoolWithGoogleAsync();
        await _client.CreateUserAsync(poolId, "frank");

        var linked = await LinkAsync(poolId, username, "s", provider, attribute);

        Assert.Equal(error, linked.ErrorType);
        Assert.Null(await IdentitiesAsync(poolId, "frank"));
    }

    [Fact]
    public async Task AdminLinkProviderForUser_DestinationWithImmutableCustomAttribute_Refused()
    {
        var poolId = await _client.CreatePoolIdAsync(new JsonObject
        {
            ["Schema"] = new JsonArray(new JsonObject { ["Name"] = "tenant", ["AttributeDataType"] = "String", ["Mutable"] = false }),
        });
        AuthSetup.Ok(await _client.CallAsync("CreateIdentityProvider", new
        {
            UserPoolId = poolId,
            ProviderName = "Google",
            ProviderType = "Google",
            ProviderDetails = new Dictionary<string, string> { ["client_id"] = "c", ["client_secret"] = "s", ["authorize_scopes"] = "openid" },
        }));
        await _client.CreateUserAsync(poolId, "gina", attributes: ("custom:tenant", "t1"));

        var linked = await LinkAsync(poolId, "gina", "s");

        Assert.Equal("InvalidParameterException", linked.ErrorType);
    }

    [Fact]
    public async Task AdminDisableProviderForUser_OwnFederatedUser_Disabled()
    {
        var poolId = await PoolWithGoogleAsync();
        Assert.NotNull((await SignInAsync(poolId, "own", "own@example.com")).User);

        var disabled = await DisableAsync(poolId, "own");
        var user = await _client.CallAsync("AdminGetUser", new { UserPoolId = poolId, Username = "Google_own" });
        var again = await SignInAsync(poolId, "own", "own@example.com");
        var unknown = await DisableAsync(poolId, "never-seen");

        Assert.Equal(HttpStatusCode.OK, disabled.Status);
        Assert.False(user["Enabled"]!.GetValue<bool>());
        Assert.Null(again.User);
        Assert.Equal("UserNotFoundException", unknown.ErrorType);
    }
}
