using System.Net;
using System.Text.Json.Nodes;
using Gatehouse.TestKit;

namespace Gatehouse.ApiTests.IdentityPools;

public sealed class IdentityAdminTests(GatehouseFactory factory) : IClassFixture<GatehouseFactory>
{
    private const string Developer = "login.example";
    private readonly AwsApiClient _client = factory.CreateAwsClient().ForIdentityPools();

    [Fact]
    public async Task DescribeIdentity_WithLogins_ProviderNamesAndDates()
    {
        var poolId = await _client.CreateIdentityPoolIdAsync();
        var identity = await IdentityPoolBuilder.AddIdentityAsync(
            factory, poolId, ("graph.facebook.com", "fb-1"), ("accounts.google.com", "g-1"));

        var response = await _client.CallAsync("DescribeIdentity", new { IdentityId = identity.Id });

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(4, response.Body.Count);
        Assert.Equal(identity.Id, response["IdentityId"]!.GetValue<string>());
        Assert.Equal(["accounts.google.com", "graph.facebook.com"],
            response["Logins"]!.AsArray().Select(l => l!.GetValue<string>()));
        Assert.Equal(identity.CreatedAt.ToUnixTimeMilliseconds() / 1000.0, response["CreationDate"]!.GetValue<double>(), 3);
        Assert.Equal(identity.LastModifiedAt.ToUnixTimeMilliseconds() / 1000.0, response["LastModifiedDate"]!.GetValue<double>(), 3);
    }

    [Fact]
    public async Task DescribeIdentity_Guest_NoLoginsMember()
    {
        var poolId = await _client.CreateIdentityPoolIdAsync();
        var guest = await IdentityPoolBuilder.AddIdentityAsync(factory, poolId);

        var response = await _client.CallAsync("DescribeIdentity", new { IdentityId = guest.Id });

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.False(response.Body.ContainsKey("Logins"));
    }

    [Fact]
    public async Task DescribeIdentity_Unknown_ResourceNotFound()
    {
        var response = await _client.CallAsync("DescribeIdentity", new { IdentityId = "us-east-1:66666666-6666-6666-6666-666666666666" });

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("ResourceNotFoundException", response.ErrorType);
    }

    [Fact]
    public async Task DescribeIdentity_Unsigned_MissingAuthenticationToken()
    {
        var poolId = await _client.CreateIdentityPoolIdAsync();
        var guest = await IdentityPoolBuilder.AddIdentityAsync(factory, poolId);

        var response = await _client.CallAsync("DescribeIdentity", new { IdentityId = guest.Id }, sign: false);

        Assert.Equal("MissingAuthenticationTokenException", response.ErrorType);
    }

    [Fact]
    public async Task ListIdentities_SeveralPages_EachIdentityOnceWithLogins()
    {
        var poolId = await _client.CreateIdentityPoolIdAsync();
        var other = await _client.CreateIdentityPoolIdAsync();
        await IdentityPoolBuilder.AddIdentityAsync(factory, other);
        var expected = new Dictionary<string, string[]>(StringComparer.Ordinal);
        for (var i = 0; i < 5; i++)
        {
            var identity = await IdentityPoolBuilder.AddIdentityAsync(factory, poolId, ("accounts.google.com", $"g-{i}"));
            expected[identity.Id] = ["accounts.google.com"];
        }

        var guest = await IdentityPoolBuilder.AddIdentityAsync(factory, poolId);
        expected[guest.Id] = [];

        var (identities, pages) = await ListAllAsync(poolId, maxResults: 2, hideDisabled: false);

        Assert.Equal(3, pages);
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), identities.Select(i => i["IdentityId"]!.GetValue<string>()));
        foreach (var identity in identities)
        {
            var logins = identity["Logins"]?.AsArray().Select(l => l!.GetValue<string>()).ToArray() ?? [];
            Assert.Equal(expected[identity["IdentityId"]!.GetValue<string>()], logins);
            Assert.NotNull(identity["CreationDate"]);
            Assert.NotNull(identity["LastModifiedDate"]);
        }
    }

    [Fact]
    public async Task ListIdentities_Page_CarriesPoolId()
    {
        var poolId = await _client.CreateIdentityPoolIdAsync();

        var response = await _client.CallAsync("ListIdentities", new { IdentityPoolId = poolId, MaxResults = 10 });

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(poolId, response["IdentityPoolId"]!.GetValue<string>());
        Assert.Empty(response["Identities"]!.AsArray());
        Assert.False(response.Body.ContainsKey("NextToken"));
    }

    [Fact]
    public async Task ListIdentities_HideDisabled_LeavesOutIdentityWhoseLastLoginWasUnlinkedButNotGuests()
    {
        var poolId = await _client.CreateIdentityPoolIdAsync(new JsonObject { ["DeveloperProviderName"] = Developer });
        var guest = await IdentityPoolBuilder.AddIdentityAsync(factory, poolId);
        var active = await IdentityPoolBuilder.AddIdentityAsync(factory, poolId, (Developer, "alice"));
        var disabled = await IdentityPoolBuilder.AddIdentityAsync(factory, poolId, (Developer, "bob"));
        var unlink = await _client.CallAsync("UnlinkDeveloperIdentity", new
        {
            IdentityId = disabled.Id,
            IdentityPoolId = poolId,
            DeveloperProviderName = Developer,
            DeveloperUserIdentifier = "bob",
        });
        Assert.Equal(HttpStatusCode.OK, unlink.Status);

        var (all, _) = await ListAllAsync(poolId, maxResults: 60, hideDisabled: false);
        var (enabled, _) = await ListAllAsync(poolId, maxResults: 60, hideDisabled: true);

        Assert.Equal(new[] { guest.Id, active.Id, disabled.Id }.Order(StringComparer.Ordinal),
            all.Select(i => i["IdentityId"]!.GetValue<string>()));
        Assert.Equal(new[] { guest.Id, active.Id }.Order(StringComparer.Ordinal),
            enabled.Select(i => i["IdentityId"]!.GetValue<string>()));
    }

    [Fact]
    public async Task ListIdentities_TokenWithOtherHideDisabled_InvalidParameter()
    {
        var poolId = await _client.CreateIdentityPoolIdAsync();
        await IdentityPoolBuilder.AddIdentityAsync(factory, poolId);
        await IdentityPoolBuilder.AddIdentityAsync(factory, poolId);
        var token = (await _client.CallAsync("ListIdentities", new { IdentityPoolId = poolId, MaxResults = 1 }))["NextToken"]!
            .GetValue<string>();

        var response = await _client.CallAsync("ListIdentities", new { IdentityPoolId = poolId, MaxResults = 1, HideDisabled = true, NextToken = token });

        Assert.Equal("InvalidParameterException", response.ErrorType);
    }

    [Fact]
    public async Task ListIdentities_TokenOfAnotherPool_InvalidParameter()
    {
        var poolId = await _client.CreateIdentityPoolIdAsync();
        var other = await _client.CreateIdentityPoolIdAsync();
        await IdentityPoolBuilder.AddIdentityAsync(factory, poolId);
        await IdentityPoolBuilder.AddIdentityAsync(factory, poolId);
        var token = (await _client.CallAsync("ListIdentities", new { IdentityPoolId = poolId, MaxResults = 1 }))["NextToken"]!
            .GetValue<string>();

        var response = await _client.CallAsync("ListIdentities", new { IdentityPoolId = other, MaxResults = 1, NextToken = token });

        Assert.Equal("InvalidParameterException", response.ErrorType);
    }

    [Fact]
    public async Task ListIdentities_UnknownPool_ResourceNotFound()
    {
        var response = await _client.CallAsync("ListIdentities", new { IdentityPoolId = "us-east-1:77777777-7777-7777-7777-777777777777", MaxResults = 5 });

        Assert.Equal("ResourceNotFoundException", response.ErrorType);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(61)]
    public async Task ListIdentities_MaxResultsOutOfRange_InvalidParameter(int maxResults)
    {
        var poolId = await _client.CreateIdentityPoolIdAsync();

        var response = await _client.CallAsync("ListIdentities", new { IdentityPoolId = poolId, MaxResults = maxResults });

        Assert.Equal("InvalidParameterException", response.ErrorType);
    }

    [Fact]
    public async Task DeleteIdentities_KnownAndUnknown_KnownDeletedUnknownUnprocessed()
    {
        var poolId = await _client.CreateIdentityPoolIdAsync();
        var otherPool = await _client.CreateIdentityPoolIdAsync();
        var first = await IdentityPoolBuilder.AddIdentityAsync(factory, poolId, ("accounts.google.com", "del-1"));
        var second = await IdentityPoolBuilder.AddIdentityAsync(factory, otherPool);
        var kept = await IdentityPoolBuilder.AddIdentityAsync(factory, poolId);
        const string unknown = "us-east-1:88888888-8888-8888-8888-888888888888";

        var response = await _client.CallAsync("DeleteIdentities", new { IdentityIdsToDelete = new[] { first.Id, unknown, second.Id } });

        Assert.Equal(HttpStatusCode.OK, response.Status);
        var unprocessed = Assert.Single(response["UnprocessedIdentityIds"]!.AsArray())!.AsObject();
        Assert.Equal(unknown, unprocessed["IdentityId"]!.GetValue<string>());
        Assert.Equal("AccessDenied", unprocessed["ErrorCode"]!.GetValue<string>());
        Assert.False(await IdentityPoolBuilder.IdentityExistsAsync(factory, first.Id));
        Assert.False(await IdentityPoolBuilder.IdentityExistsAsync(factory, second.Id));
        Assert.True(await IdentityPoolBuilder.IdentityExistsAsync(factory, kept.Id));
        Assert.Empty(await IdentityPoolBuilder.LoginsAsync(factory, first.Id));
        Assert.Equal("ResourceNotFoundException",
            (await _client.CallAsync("DescribeIdentity", new { IdentityId = first.Id })).ErrorType);
    }

    [Fact]
    public async Task DeleteIdentities_AllKnown_EmptyUnprocessedList()
    {
        var poolId = await _client.CreateIdentityPoolIdAsync();
        var identity = await IdentityPoolBuilder.AddIdentityAsync(factory, poolId);

        var response = await _client.CallAsync("DeleteIdentities", new { IdentityIdsToDelete = new[] { identity.Id, identity.Id } });

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Empty(response["UnprocessedIdentityIds"]!.AsArray());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(61)]
    public async Task DeleteIdentities_CountOutOfRange_InvalidParameterAndNothingDeleted(int count)
    {
        var poolId = await _client.CreateIdentityPoolIdAsync();
        var identity = await IdentityPoolBuilder.AddIdentityAsync(factory, poolId);
        var ids = Enumerable.Range(0, count)
            .Select(i => i == 0 ? identity.Id : $"us-east-1:00000000-0000-0000-0000-{i:D12}").ToArray();

        var response = await _client.CallAsync("DeleteIdentities", new { IdentityIdsToDelete = ids });

        Assert.Equal("InvalidParameterException", response.ErrorType);
        Assert.True(await IdentityPoolBuilder.IdentityExistsAsync(factory, identity.Id));
    }

    [Fact]
    public async Task DeleteIdentities_Unsigned_MissingAuthenticationTokenAndNothingDeleted()
    {
        var poolId = await _client.CreateIdentityPoolIdAsync();
        var identity = await IdentityPoolBuilder.AddIdentityAsync(factory, poolId);

        var response = await _client.CallAsync("DeleteIdentities", new { IdentityIdsToDelete = new[] { identity.Id } }, sign: false);

        Assert.Equal("MissingAuthenticationTokenException", response.ErrorType);
        Assert.True(await IdentityPoolBuilder.IdentityExistsAsync(factory, identity.Id));
    }

    private async Task<(List<JsonObject> Identities, int Pages)> ListAllAsync(string poolId, int maxResults, bool hideDisabled)
    {
        var identities = new List<JsonObject>();
        string? token = null;
        var pages = 0;
        do
        {
            var response = await _client.SendAsync("ListIdentities", new JsonObject
            {
                ["IdentityPoolId"] = poolId,
                ["MaxResults"] = maxResults,
                ["HideDisabled"] = hideDisabled,
                ["NextToken"] = token,
            }.ToJsonString());
            Assert.Equal(HttpStatusCode.OK, response.Status);
            pages++;
            var page = response["Identities"]!.AsArray();
            Assert.True(page.Count <= maxResults);
            identities.AddRange(page.Select(i => i!.AsObject()));
            token = response["NextToken"]?.GetValue<string>();
        }
        while (token is not null);

        return (identities, pages);
    }
}
