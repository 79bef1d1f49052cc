using System.Net;
using System.Text.Json.Nodes;
using Gatehouse.TestKit;

namespace Gatehouse.ApiTests.IdentityPools;

public sealed class DeveloperIdentityTests(GatehouseFactory factory) : IClassFixture<GatehouseFactory>
{
    private const string Developer = "login.example";
    private readonly AwsApiClient _client = factory.CreateAwsClient().ForIdentityPools();

    [Fact]
    public async Task LookupDeveloperIdentity_ByUser_IdentityAndAllItsUsers()
    {
        var poolId = await CreatePoolAsync();
        var identity = await IdentityPoolBuilder.AddIdentityAsync(
            factory, poolId, (Developer, "user-b"), (Developer, "user-a"), ("accounts.google.com", "g"));

        var response = await LookupAsync(poolId, user: "user-b");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(identity.Id, response["IdentityId"]!.GetValue<string>());
        Assert.Equal(["user-a", "user-b"], Users(response));
        Assert.False(response.Body.ContainsKey("NextToken"));
    }

    [Fact]
    public async Task LookupDeveloperIdentity_ByIdentityInPages_EveryUserOnce()
    {
        var poolId = await CreatePoolAsync();
        var users = Enumerable.Range(0, 5).Select(i => (Developer, $"user\nwith line feed {i}")).ToArray();
        var identity = await IdentityPoolBuilder.AddIdentityAsync(factory, poolId, users);

        var listed = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var response = await _client.SendAsync("LookupDeveloperIdentity", new JsonObject
            {
                ["IdentityPoolId"] = poolId,
                ["IdentityId"] = identity.Id,
                ["MaxResults"] = 2,
                ["NextToken"] = token,
            }.ToJsonString());
            Assert.Equal(HttpStatusCode.OK, response.Status);
            Assert.Equal(identity.Id, response["IdentityId"]!.GetValue<string>());
            listed.AddRange(Users(response));
            token = response["NextToken"]?.GetValue<string>();
            pages++;
        }
        while (token is not null);

        Assert.Equal(3, pages);
        Assert.Equal(users.Select(u => u.Item2).Order(StringComparer.Ordinal), listed);
    }

    [Fact]
    public async Task LookupDeveloperIdentity_BothMatching_EchoesBoth()
    {
        var poolId = await CreatePoolAsync();
        var identity = await IdentityPoolBuilder.AddIdentityAsync(factory, poolId, (Developer, "one"), (Developer, "two"));

        var response = await LookupAsync(poolId, identity.Id, "two");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(identity.Id, response["IdentityId"]!.GetValue<string>());
        Assert.Equal(["two"], Users(response));
    }

    [Fact]
    public async Task LookupDeveloperIdentity_BothOfDifferentIdentities_ResourceConflict()
    {
        var poolId = await CreatePoolAsync();
        var first = await IdentityPoolBuilder.AddIdentityAsync(factory, poolId, (Developer, "first"));
        await IdentityPoolBuilder.AddIdentityAsync(factory, poolId, (Developer, "second"));

        var response = await LookupAsync(poolId, first.Id, "second");

        Assert.Equal("ResourceConflictException", response.ErrorType);
    }

    [Fact]
    public async Task LookupDeveloperIdentity_Neither_InvalidParameter()
    {
        var poolId = await CreatePoolAsync();

        var response = await LookupAsync(poolId);

        Assert.Equal("InvalidParameterException", response.ErrorType);
    }

    [Fact]
    public async Task LookupDeveloperIdentity_UnknownUser_ResourceNotFound()
    {
        var poolId = await CreatePoolAsync();

        var response = await LookupAsync(poolId, user: "nobody");

        Assert.Equal("ResourceNotFoundException", response.ErrorType);
    }

    [Fact]
    public async Task LookupDeveloperIdentity_UserOfAnotherProvider_ResourceNotFound()
    {
        var poolId = await CreatePoolAsync();
        await IdentityPoolBuilder.AddIdentityAsync(factory, poolId, ("accounts.google.com", "google-user"));

        var response = await LookupAsync(poolId, user: "google-user");

        Assert.Equal("ResourceNotFoundException", response.ErrorType);
    }

    [Fact]
    public async Task LookupDeveloperIdentity_IdentityOfAnotherPool_ResourceNotFound()
    {
        var poolId = await CreatePoolAsync();
        var otherPool = await CreatePoolAsync();
        var identity = await IdentityPoolBuilder.AddIdentityAsync(factory, otherPool, (Developer, "elsewhere"));

        var response = await LookupAsync(poolId, identity.Id);

        Assert.Equal("ResourceNotFoundException", response.ErrorType);
    }

    [Fact]
    public async Task LookupDeveloperIdentity_GuestIdentity_EmptyList()
    {
        var poolId = await CreatePoolAsync();
        var guest = await IdentityPoolBuilder.AddIdentityAsync(factory, poolId);

        var response = await LookupAsync(poolId, guest.Id);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Empty(Users(response));
    }

    [Fact]
    public async Task LookupDeveloperIdentity_TokenOfAnotherIdentity_InvalidParameter()
    {
        var poolId = await CreatePoolAsync();
        var first = await IdentityPoolBuilder.AddIdentityAsync(factory, poolId, (Developer, "a1"), (Developer, "a2"));
        var second = await IdentityPoolBuilder.AddIdentityAsync(factory, poolId, (Developer, "b1"), (Developer, "b2"));
        var token = (await _client.CallAsync("LookupDeveloperIdentity", new { IdentityPoolId = poolId, IdentityId = first.Id, MaxResults = 1 }))
            ["NextToken"]!.GetValue<string>();

        var response = await _client.CallAsync("LookupDeveloperIdentity", new { IdentityPoolId = poolId, IdentityId = second.Id, MaxResults = 1, NextToken = token });

        Assert.Equal("InvalidParameterException", response.ErrorType);
    }

    [Fact]
    public async Task LookupDeveloperIdentity_UnknownPool_ResourceNotFound()
    {
        var response = await LookupAsync("us-east-1:99999999-9999-9999-9999-999999999999", user: "x");

        Assert.Equal("ResourceNotFoundException", response.ErrorType);
    }

    [Fact]
    public async Task MergeDeveloperIdentities_TwoUsers_SourceLoginsMovedAndSourceIdentityDeleted()
    {
        var poolId = await CreatePoolAsync();
        var source = await IdentityPoolBuilder.AddIdentityAsync(factory, poolId, (Developer, "src"), ("graph.facebook.com", "fb-1"));
        var destination = await IdentityPoolBuilder.AddIdentityAsync(factory, poolId, (Developer, "dst"), ("accounts.google.com", "g-1"));
        factory.Clock.Advance(TimeSpan.FromSeconds(5));

        var response = await MergeAsync(poolId, "src", "dst");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(destination.Id, response["IdentityId"]!.GetValue<string>());
        Assert.False(await IdentityPoolBuilder.IdentityExistsAsync(factory, source.Id));
        var logins = await IdentityPoolBuilder.LoginsAsync(factory, destination.Id);
        Assert.Equal(
            ["accounts.google.com/g-1", "graph.facebook.com/fb-1", $"{Developer}/dst", $"{Developer}/src"],
            logins.Select(l => $"{l.Provider}/{l.Subject}").Order(StringComparer.Ordinal));
        var lookup = await LookupAsync(poolId, user: "src");
        Assert.Equal(destination.Id, lookup["IdentityId"]!.GetValue<string>());
        var described = await _client.CallAsync("DescribeIdentity", new { IdentityId = destination.Id });
        Assert.Equal(factory.Clock.GetUtcNow().ToUnixTimeSeconds(), (long)described["LastModifiedDate"]!.GetValue<double>());
    }

    [Fact]
    public async Task MergeDeveloperIdentities_SameProviderAsTwoUsers_ResourceConflictAndNothingChanged()
    {
        var poolId = await CreatePoolAsync();
        var source = await IdentityPoolBuilder.AddIdentityAsync(factory, poolId, (Developer, "s"), ("graph.facebook.com", "fb-s"));
        var destination = await IdentityPoolBuilder.AddIdentityAsync(factory, poolId, (Developer, "d"), ("graph.facebook.com", "fb-d"));
        var before = await IdentityPoolBuilder.FingerprintAsync(factory);

        var response = await MergeAsync(poolId, "s", "d");

        Assert.Equal("ResourceConflictException", response.ErrorType);
        Assert.Equal(before, await IdentityPoolBuilder.FingerprintAsync(factory));
        Assert.Equal(2, (await IdentityPoolBuilder.LoginsAsync(factory, source.Id)).Count);
        Assert.Equal(2, (await IdentityPoolBuilder.LoginsAsync(factory, destination.Id)).Count);
    }

    [Fact]
    public async Task MergeDeveloperIdentities_MoreThanTwentyLogins_InvalidParameter()
    {
        var poolId = await CreatePoolAsync();
        await IdentityPoolBuilder.AddIdentityAsync(factory, poolId, [.. Enumerable.Range(0, 11).Select(i => (Developer, $"s{i}"))]);
        await IdentityPoolBuilder.AddIdentityAsync(factory, poolId, [.. Enumerable.Range(0, 10).Select(i => (Developer, $"d{i}"))]);

        var response = await MergeAsync(poolId, "s0", "d0");

        Assert.Equal("InvalidParameterException", response.ErrorType);
        Assert.Contains("20", response.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MergeDeveloperIdentities_SameIdentity_ReturnsIt()
    {
        var poolId = await CreatePoolAsync();
        var identity = await IdentityPoolBuilder.AddIdentityAsync(factory, poolId, (Developer, "x1"), (Developer, "x2"));

        var response = await MergeAsync(poolId, "x1", "x2");

        Assert.Equal(identity.Id, response["IdentityId"]!.GetValue<string>());
        Assert.Equal(2, (await IdentityPoolBuilder.LoginsAsync(factory, identity.Id)).Count);
    }

    [Fact]
    public async Task MergeDeveloperIdentities_OtherDeveloperProvider_InvalidParameter()
    {
        var poolId = await CreatePoolAsync();
        await IdentityPoolBuilder.AddIdentityAsync(factory, poolId, (Developer, "p"));
        await IdentityPoolBuilder.AddIdentityAsync(factory, poolId, (Developer, "q"));

        var response = await MergeAsync(poolId, "p", "q", developer: "other.example");

        Assert.Equal("InvalidParameterException", response.ErrorType);
    }

    [Theory]
    [InlineData("missing", "present")]
    [InlineData("present", "missing")]
    public async Task MergeDeveloperIdentities_UnknownUser_ResourceNotFound(string source, string destination)
    {
        var poolId = await CreatePoolAsync();
        await IdentityPoolBuilder.AddIdentityAsync(factory, poolId, (Developer, "present"));

        var response = await MergeAsync(poolId, source, destination);

        Assert.Equal("ResourceNotFoundException", response.ErrorType);
        Assert.Contains("missing", response.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnlinkDeveloperIdentity_LinkedUser_LoginRemovedOthersKept()
    {
        var poolId = await CreatePoolAsync();
        var identity = await IdentityPoolBuilder.AddIdentityAsync(factory, poolId, (Developer, "u1"), (Developer, "u2"));

        var response = await UnlinkAsync(poolId, identity.Id, "u1");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Empty(response.Body);
        Assert.Equal("u2", Assert.Single(await IdentityPoolBuilder.LoginsAsync(factory, identity.Id)).Subject);
        Assert.Equal("ResourceNotFoundException", (await LookupAsync(poolId, user: "u1")).ErrorType);
    }

    [Fact]
    public async Task UnlinkDeveloperIdentity_UserOfAnotherIdentity_ResourceConflictAndNothingRemoved()
    {
        var poolId = await CreatePoolAsync();
        var first = await IdentityPoolBuilder.AddIdentityAsync(factory, poolId, (Developer, "mine"));
        var second = await IdentityPoolBuilder.AddIdentityAsync(factory, poolId, (Developer, "theirs"));

        var response = await UnlinkAsync(poolId, first.Id, "theirs");

        Assert.Equal("ResourceConflictException", response.ErrorType);
        Assert.Single(await IdentityPoolBuilder.LoginsAsync(factory, second.Id));
    }

    [Fact]
    public async Task UnlinkDeveloperIdentity_UnknownUser_ResourceNotFound()
    {
        var poolId = await CreatePoolAsync();
        var identity = await IdentityPoolBuilder.AddIdentityAsync(factory, poolId, (Developer, "someone"));

        var response = await UnlinkAsync(poolId, identity.Id, "nobody");

        Assert.Equal("ResourceNotFoundException", response.ErrorType);
    }

    [Fact]
    public async Task UnlinkDeveloperIdentity_UnknownIdentity_ResourceNotFound()
    {
        var poolId = await CreatePoolAsync();
        await IdentityPoolBuilder.AddIdentityAsync(factory, poolId, (Developer, "someone"));

        var response = await UnlinkAsync(poolId, "us-east-1:12121212-1212-1212-1212-121212121212", "someone");

        Assert.Equal("ResourceNotFoundException", response.ErrorType);
    }

    [Fact]
    public async Task UnlinkDeveloperIdentity_OtherDeveloperProvider_InvalidParameter()
    {
        var poolId = await CreatePoolAsync();
        var identity = await IdentityPoolBuilder.AddIdentityAsync(factory, poolId, (Developer, "someone"));

        var response = await _client.CallAsync("UnlinkDeveloperIdentity", new
        {
            IdentityId = identity.Id,
            IdentityPoolId = poolId,
            DeveloperProviderName = "other.example",
            DeveloperUserIdentifier = "someone",
        });

        Assert.Equal("InvalidParameterException", response.ErrorType);
        Assert.Single(await IdentityPoolBuilder.LoginsAsync(factory, identity.Id));
    }

    [Fact]
    public async Task UnlinkDeveloperIdentity_PoolWithoutDeveloperProvider_InvalidParameter()
    {
        var poolId = await _client.CreateIdentityPoolIdAsync();
        var identity = await IdentityPoolBuilder.AddIdentityAsync(factory, poolId, (Developer, "someone"));

        var response = await UnlinkAsync(poolId, identity.Id, "someone");

        Assert.Equal("InvalidParameterException", response.ErrorType);
    }

    [Fact]
    public async Task UnlinkDeveloperIdentity_Unsigned_MissingAuthenticationToken()
    {
        var poolId = await CreatePoolAsync();
        var identity = await IdentityPoolBuilder.AddIdentityAsync(factory, poolId, (Developer, "someone"));

        var response = await _client.CallAsync("UnlinkDeveloperIdentity", new
        {
            IdentityId = identity.Id,
            IdentityPoolId = poolId,
            DeveloperProviderName = Developer,
            DeveloperUserIdentifier = "someone",
        }, sign: false);

        Assert.Equal("MissingAuthenticationTokenException", response.ErrorType);
        Assert.Single(await IdentityPoolBuilder.LoginsAsync(factory, identity.Id));
    }

    private Task<string> CreatePoolAsync() =>
        _client.CreateIdentityPoolIdAsync(new JsonObject { ["DeveloperProviderName"] = Developer });

    private Task<AwsResponse> LookupAsync(string poolId, string? identityId = null, string? user = null) =>
        _client.SendAsync("LookupDeveloperIdentity", new JsonObject
        {
            ["IdentityPoolId"] = poolId,
            ["IdentityId"] = identityId,
            ["DeveloperUserIdentifier"] = user,
        }.ToJsonString());

    private Task<AwsResponse> MergeAsync(string poolId, string source, string destination, string developer = Developer) =>
        _client.CallAsync("MergeDeveloperIdentities", new
        {
            SourceUserIdentifier = source,
            DestinationUserIdentifier = destination,
            DeveloperProviderName = developer,
            IdentityPoolId = poolId,
        });

    private Task<AwsResponse> UnlinkAsync(string poolId, string identityId, string user) =>
        _client.CallAsync("UnlinkDeveloperIdentity", new
        {
            IdentityId = identityId,
            IdentityPoolId = poolId,
            DeveloperProviderName = Developer,
            DeveloperUserIdentifier = user,
        });

    private static List<string> Users(AwsResponse response) =>
        [.. response["DeveloperUserIdentifierList"]!.AsArray().Select(u => u!.GetValue<string>())];
}
