using System.Net;
using System.Text.Json.Nodes;
using Gatehouse.TestKit;

namespace Gatehouse.ApiTests.Groups;

public sealed class GroupPaginationTests(GatehouseFactory factory) : IClassFixture<GatehouseFactory>
{
    private readonly AwsApiClient _client = factory.CreateAwsClient();

    [Fact]
    public async Task ListGroups_ThreePagesOfTwo_AllGroupsOnceInNameOrder()
    {
        var pool = await TestStore.CreatePoolAsync(factory);
        string[] names = ["e", "a", "d", "b", "c"];
        foreach (var name in names)
        {
            await _client.CallAsync("CreateGroup", new { UserPoolId = pool.Id, GroupName = name });
        }

        var pages = await CollectAsync("ListGroups", "Groups", new JsonObject { ["UserPoolId"] = pool.Id }, limit: 2);

        Assert.Equal([2, 2, 1], pages.Select(p => p.Count));
        Assert.Equal(
            ["a", "b", "c", "d", "e"],
            pages.SelectMany(p => p).Select(g => g!["GroupName"]!.GetValue<string>()));
    }

    [Fact]
    public async Task ListGroups_NoLimit_ReturnsSixtyAndAToken()
    {
        var pool = await TestStore.CreatePoolAsync(factory);
        await TestStore.CreateGroupsAsync(factory, pool.Id, 61);

        var first = await _client.CallAsync("ListGroups", new { UserPoolId = pool.Id });
        var second = await _client.CallAsync(
            "ListGroups", new { UserPoolId = pool.Id, NextToken = first["NextToken"]!.GetValue<string>() });

        Assert.Equal(60, first["Groups"]!.AsArray().Count);
        Assert.Equal("g00060", Assert.Single(second["Groups"]!.AsArray())!["GroupName"]!.GetValue<string>());
        Assert.Null(second["NextToken"]);
    }

    [Fact]
    public async Task ListGroups_ExactlyOnePage_NoNextToken()
    {
        var pool = await TestStore.CreatePoolAsync(factory);
        await TestStore.CreateGroupsAsync(factory, pool.Id, 3);

        var response = await _client.CallAsync("ListGroups", new { UserPoolId = pool.Id, Limit = 3 });

        Assert.Equal(3, response["Groups"]!.AsArray().Count);
        Assert.Null(response["NextToken"]);
    }

    [Fact]
    public async Task ListGroups_EmptyPool_EmptyList()
    {
        var pool = await TestStore.CreatePoolAsync(factory);

        var response = await _client.CallAsync("ListGroups", new { UserPoolId = pool.Id });

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Empty(response["Groups"]!.AsArray());
        Assert.Null(response["NextToken"]);
    }

    [Theory]
    [InlineData(61)]
    [InlineData(-1)]
    public async Task ListGroups_LimitOutOfRange_InvalidParameterException(int limit)
    {
        var pool = await TestStore.CreatePoolAsync(factory);

        var response = await _client.CallAsync("ListGroups", new { UserPoolId = pool.Id, Limit = limit });

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("InvalidParameterException", response.ErrorType);
    }

    [Fact]
    public async Task ListGroups_LimitZero_DefaultPage()
    {
        var pool = await TestStore.CreatePoolAsync(factory);
        await TestStore.CreateGroupsAsync(factory, pool.Id, 2);

        var response = await _client.CallAsync("ListGroups", new { UserPoolId = pool.Id, Limit = 0 });

        Assert.Equal(2, response["Groups"]!.AsArray().Count);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("MXxncm91cHN8eHx8eQ")]
    public async Task ListGroups_ForeignOrBrokenToken_InvalidParameterException(string token)
    {
        var pool = await TestStore.CreatePoolAsync(factory);

        var response = await _client.CallAsync("ListGroups", new { UserPoolId = pool.Id, NextToken = token });

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("InvalidParameterException", response.ErrorType);
    }

    [Trait("SecurityRowPart", "89")]
    [Fact]
    public async Task ListGroups_TokenOfAnotherPool_InvalidParameterException()
    {
        var first = await TestStore.CreatePoolAsync(factory);
        var second = await TestStore.CreatePoolAsync(factory);
        await TestStore.CreateGroupsAsync(factory, first.Id, 2);
        var page = await _client.CallAsync("ListGroups", new { UserPoolId = first.Id, Limit = 1 });

        var response = await _client.CallAsync(
            "ListGroups", new { UserPoolId = second.Id, NextToken = page["NextToken"]!.GetValue<string>() });

        Assert.Equal("InvalidParameterException", response.ErrorType);
    }

    [Fact]
    public async Task ListGroups_GroupAddedBehindCursor_NextPageStillContinues()
    {
        var pool = await TestStore.CreatePoolAsync(factory);
        foreach (var name in new[] { "b", "d" })
        {
            await _client.CallAsync("CreateGroup", new { UserPoolId = pool.Id, GroupName = name });
        }

        var first = await _client.CallAsync("ListGroups", new { UserPoolId = pool.Id, Limit = 1 });
        await _client.CallAsync("CreateGroup", new { UserPoolId = pool.Id, GroupName = "a" });
        await _client.CallAsync("CreateGroup", new { UserPoolId = pool.Id, GroupName = "c" });
        var second = await _client.CallAsync(
            "ListGroups", new { UserPoolId = pool.Id, NextToken = first["NextToken"]!.GetValue<string>() });

        Assert.Equal(["c", "d"], second["Groups"]!.AsArray().Select(g => g!["GroupName"]!.GetValue<string>()));
    }

    [Fact]
    public async Task AdminListGroupsForUser_PagesOfTwo_AllMembershipsOnce()
    {
        var pool = await TestStore.CreatePoolAsync(factory);
        await TestStore.CreateUserAsync(factory, pool.Id, "paged");
        await TestStore.CreateGroupsAsync(factory, pool.Id, 6);
        foreach (var name in new[] { "g00004", "g00001", "g00003", "g00000", "g00005" })
        {
            await AddAsync(pool.Id, "paged", name);
        }

        var pages = await CollectAsync("AdminListGroupsForUser", "Groups",
            new JsonObject { ["UserPoolId"] = pool.Id, ["Username"] = "paged" }, limit: 2);

        Assert.Equal([2, 2, 1], pages.Select(p => p.Count));
        Assert.Equal(["g00000", "g00001", "g00003", "g00004", "g00005"],
            pages.SelectMany(p => p).Select(g => g!["GroupName"]!.GetValue<string>()));
    }

    [Fact]
    public async Task AdminListGroupsForUser_TokenOfAnotherUser_InvalidParameterException()
    {
        var pool = await TestStore.CreatePoolAsync(factory);
        await TestStore.CreateUserAsync(factory, pool.Id, "u1");
        await TestStore.CreateUserAsync(factory, pool.Id, "u2");
        await TestStore.CreateGroupsAsync(factory, pool.Id, 2);
        foreach (var name in new[] { "g00000", "g00001" })
        {
            await AddAsync(pool.Id, "u1", name);
        }

        var page = await _client.CallAsync(
            "AdminListGroupsForUser", new { UserPoolId = pool.Id, Username = "u1", Limit = 1 });
        var response = await _client.CallAsync("AdminListGroupsForUser", new
        {
            UserPoolId = pool.Id,
            Username = "u2",
            NextToken = page["NextToken"]!.GetValue<string>(),
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("InvalidParameterException", response.ErrorType);
    }

    [Fact]
    public async Task ListUsersInGroup_PagesOfTwo_AllMembersOnceInCreationOrder()
    {
        var pool = await TestStore.CreatePoolAsync(factory);
        await _client.CallAsync("CreateGroup", new { UserPoolId = pool.Id, GroupName = "crowd" });
        string[] usernames = ["u-a", "u-b", "u-c", "u-d", "u-e"];
        foreach (var username in usernames)
        {
            await TestStore.CreateUserAsync(factory, pool.Id, username);
        }

        await TestStore.CreateUserAsync(factory, pool.Id, "outsider");
        foreach (var username in usernames.Reverse())
        {
            await AddAsync(pool.Id, username, "crowd");
        }

        var pages = await CollectAsync("ListUsersInGroup", "Users",
            new JsonObject { ["UserPoolId"] = pool.Id, ["GroupName"] = "crowd" }, limit: 2);

        Assert.Equal([2, 2, 1], pages.Select(p => p.Count));
        Assert.Equal(usernames, pages.SelectMany(p => p).Select(u => u!["Username"]!.GetValue<string>()));
    }

    [Fact]
    public async Task ListUsersInGroup_TokenOfAnotherGroup_InvalidParameterException()
    {
        var pool = await TestStore.CreatePoolAsync(factory);
        await _client.CallAsync("CreateGroup", new { UserPoolId = pool.Id, GroupName = "one" });
        await _client.CallAsync("CreateGroup", new { UserPoolId = pool.Id, GroupName = "two" });
        foreach (var username in new[] { "x1", "x2" })
        {
            await TestStore.CreateUserAsync(factory, pool.Id, username);
            await AddAsync(pool.Id, username, "one");
        }

        var page = await _client.CallAsync(
            "ListUsersInGroup", new { UserPoolId = pool.Id, GroupName = "one", Limit = 1 });
        var response = await _client.CallAsync("ListUsersInGroup", new
        {
            UserPoolId = pool.Id,
            GroupName = "two",
            NextToken = page["NextToken"]!.GetValue<string>(),
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("InvalidParameterException", response.ErrorType);
    }

    /// <summary>Follows NextToken until it is absent; fails on a page over the limit or an endless walk.</summary>
    private async Task<List<JsonArray>> CollectAsync(string operation, string items, JsonObject request, int limit)
    {
        var pages = new List<JsonArray>();
        request["Limit"] = limit;
        while (true)
        {
            var response = await _client.SendAsync(operation, request.ToJsonString());
            Assert.Equal(HttpStatusCode.OK, response.Status);
            var page = response[items]!.AsArray();
            Assert.InRange(page.Count, 0, limit);
            pages.Add(page);
            if (response["NextToken"] is not { } next)
            {
                return pages;
            }

            Assert.True(pages.Count < 100, "pagination did not end");
            request["NextToken"] = next.GetValue<string>();
        }
    }

    private Task<AwsResponse> AddAsync(string poolId, string username, string groupName) =>
        _client.CallAsync(
            "AdminAddUserToGroup", new { UserPoolId = poolId, Username = username, GroupName = groupName });
}
