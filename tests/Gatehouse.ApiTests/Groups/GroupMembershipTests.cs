using System.Net;
using System.Text.Json.Nodes;
using Gatehouse.Server.Storage;
using Gatehouse.TestKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gatehouse.ApiTests.Groups;

public sealed class GroupMembershipTests(GatehouseFactory factory) : IClassFixture<GatehouseFactory>
{
    private readonly AwsApiClient _client = factory.CreateAwsClient();

    [Fact]
    public async Task AdminAddUserToGroup_Member_ListedBothWays()
    {
        var (pool, user) = await PoolWithUserAsync("alice");
        await CreateGroupAsync(pool.Id, "staff", precedence: 4);

        var response = await AddAsync(pool.Id, "alice", "staff");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Empty(response.Body);
        var groups = await GroupsOfAsync(pool.Id, "alice");
        var group = Assert.Single(groups["Groups"]!.AsArray())!;
        Assert.Equal("staff", group["GroupName"]!.GetValue<string>());
        Assert.Equal(4, group["Precedence"]!.GetValue<int>());
        Assert.Null(groups["NextToken"]);
        var users = await MembersOfAsync(pool.Id, "staff");
        var listed = Assert.Single(users["Users"]!.AsArray())!;
        Assert.Equal("alice", listed["Username"]!.GetValue<string>());
        Assert.Equal(user.Sub, Attribute(listed, "sub"));
    }

    [Fact]
    public async Task AdminAddUserToGroup_AlreadyMember_SucceedsOnce()
    {
        var (pool, _) = await PoolWithUserAsync("bob");
        await CreateGroupAsync(pool.Id, "twice");
        var request = new { UserPoolId = pool.Id, Username = "bob", GroupName = "twice" };
        await _client.CallAsync("AdminAddUserToGroup", request);

        var again = await _client.CallAsync("AdminAddUserToGroup", request);

        Assert.Equal(HttpStatusCode.OK, again.Status);
        var users = await MembersOfAsync(pool.Id, "twice");
        Assert.Single(users["Users"]!.AsArray());
    }

    [Fact]
    public async Task AdminAddUserToGroup_UnknownUser_UserNotFound()
    {
        var pool = await TestStore.CreatePoolAsync(factory);
        await CreateGroupAsync(pool.Id, "g");

        var response = await AddAsync(pool.Id, "nobody", "g");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("UserNotFoundException", response.ErrorType);
        Assert.Equal("User does not exist.", response.Message);
    }

    [Fact]
    public async Task AdminAddUserToGroup_UnknownGroup_ResourceNotFound()
    {
        var (pool, _) = await PoolWithUserAsync("carol");

        var response = await AddAsync(pool.Id, "carol", "missing");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("ResourceNotFoundException", response.ErrorType);
        Assert.Equal("Group not found.", response.Message);
    }

    [Fact]
    public async Task AdminAddUserToGroup_UnknownPool_ResourceNotFound()
    {
        var response = await _client.CallAsync(
            "AdminAddUserToGroup", new { UserPoolId = "us-east-1_Missing5", Username = "u", GroupName = "g" });

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("ResourceNotFoundException", response.ErrorType);
    }

    [Trait("SecurityRowPart", "89")]
    [Fact]
    public async Task AdminAddUserToGroup_UserOfAnotherPool_UserNotFound()
    {
        var (other, _) = await PoolWithUserAsync("dave");
        var pool = await TestStore.CreatePoolAsync(factory);
        await CreateGroupAsync(pool.Id, "g");

        var response = await AddAsync(pool.Id, "dave", "g");

        Assert.NotEqual(other.Id, pool.Id);
        Assert.Equal("UserNotFoundException", response.ErrorType);
    }

    [Fact]
    public async Task AdminAddUserToGroup_CaseInsensitivePool_FindsUserInAnyCase()
    {
        var pool = await TestStore.CreatePoolAsync(factory, """{"UsernameConfiguration":{"CaseSensitive":false}}""");
        await TestStore.CreateUserAsync(factory, pool.Id, "MixedCase", usernameKey: "mixedcase");
        await CreateGroupAsync(pool.Id, "g");

        var response = await AddAsync(pool.Id, "MIXEDcase", "g");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        var users = await MembersOfAsync(pool.Id, "g");
        Assert.Equal("MixedCase", Assert.Single(users["Users"]!.AsArray())!["Username"]!.GetValue<string>());
    }

    [Fact]
    public async Task AdminAddUserToGroup_PoolWithoutUsernameConfiguration_IsCaseSensitive()
    {
        var (pool, _) = await PoolWithUserAsync("Exact");
        await CreateGroupAsync(pool.Id, "g");

        var response = await AddAsync(pool.Id, "exact", "g");

        Assert.Equal("UserNotFoundException", response.ErrorType);
    }

    [Fact]
    public async Task AdminAddUserToGroup_BySub_FindsUser()
    {
        var (pool, user) = await PoolWithUserAsync("subby");
        await CreateGroupAsync(pool.Id, "g");

        var response = await AddAsync(pool.Id, user.Sub, "g");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        var groups = await GroupsOfAsync(pool.Id, "subby");
        Assert.Single(groups["Groups"]!.AsArray());
    }

    [Fact]
    public async Task AdminRemoveUserFromGroup_Member_NoLongerListed()
    {
        var (pool, _) = await PoolWithUserAsync("erin");
        await CreateGroupAsync(pool.Id, "a");
        await CreateGroupAsync(pool.Id, "b");
        await AddAsync(pool.Id, "erin", "a");
        await AddAsync(pool.Id, "erin", "b");

        var response = await RemoveAsync(pool.Id, "erin", "a");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Empty(response.Body);
        var groups = await GroupsOfAsync(pool.Id, "erin");
        Assert.Equal("b", Assert.Single(groups["Groups"]!.AsArray())!["GroupName"]!.GetValue<string>());
    }

    [Fact]
    public async Task AdminRemoveUserFromGroup_NotAMember_Succeeds()
    {
        var (pool, _) = await PoolWithUserAsync("frank");
        await CreateGroupAsync(pool.Id, "g");

        var response = await RemoveAsync(pool.Id, "frank", "g");

        Assert.Equal(HttpStatusCode.OK, response.Status);
    }

    [Theory]
    [InlineData("ghost", "g", "UserNotFoundException", HttpStatusCode.BadRequest)]
    [InlineData("grace", "nogroup", "ResourceNotFoundException", HttpStatusCode.BadRequest)]
    public async Task AdminRemoveUserFromGroup_UnknownUserOrGroup_Error(
        string username, string groupName, string errorType, HttpStatusCode status)
    {
        var (pool, _) = await PoolWithUserAsync("grace");
        await CreateGroupAsync(pool.Id, "g");

        var response = await RemoveAsync(pool.Id, username, groupName);

        Assert.Equal(status, response.Status);
        Assert.Equal(errorType, response.ErrorType);
    }

    [Fact]
    public async Task AdminRemoveUserFromGroup_UnknownPool_ResourceNotFound()
    {
        var response = await _client.CallAsync(
            "AdminRemoveUserFromGroup", new { UserPoolId = "us-east-1_Missing6", Username = "u", GroupName = "g" });

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("ResourceNotFoundException", response.ErrorType);
    }

    [Fact]
    public async Task AdminListGroupsForUser_NoGroups_EmptyList()
    {
        var (pool, _) = await PoolWithUserAsync("henry");

        var response = await GroupsOfAsync(pool.Id, "henry");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Empty(response["Groups"]!.AsArray());
        Assert.Null(response["NextToken"]);
    }

    [Fact]
    public async Task AdminListGroupsForUser_UnknownUser_UserNotFound()
    {
        var pool = await TestStore.CreatePoolAsync(factory);

        var response = await GroupsOfAsync(pool.Id, "nobody");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("UserNotFoundException", response.ErrorType);
    }

    [Fact]
    public async Task AdminListGroupsForUser_UnknownPool_ResourceNotFound()
    {
        var response = await _client.CallAsync(
            "AdminListGroupsForUser", new { UserPoolId = "us-east-1_Missing7", Username = "u" });

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("ResourceNotFoundException", response.ErrorType);
    }

    [Fact]
    public async Task ListUsersInGroup_Member_ReturnsUserTypeWithAttributes()
    {
        var pool = await TestStore.CreatePoolAsync(factory);
        var user = await TestStore.CreateUserAsync(factory, pool.Id, "ivy",
            attributes: """{"email":"ivy@example.com","email_verified":"true","custom:team":"blue"}""",
            status: "FORCE_CHANGE_PASSWORD", enabled: false);
        await CreateGroupAsync(pool.Id, "g");
        await AddAsync(pool.Id, "ivy", "g");

        var response = await MembersOfAsync(pool.Id, "g");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        var listed = Assert.Single(response["Users"]!.AsArray())!;
        Assert.Equal("ivy", listed["Username"]!.GetValue<string>());
        Assert.Equal("FORCE_CHANGE_PASSWORD", listed["UserStatus"]!.GetValue<string>());
        Assert.False(listed["Enabled"]!.GetValue<bool>());
        Assert.Equal(user.CreatedAt.ToUnixTimeSeconds(), (long)listed["UserCreateDate"]!.GetValue<double>());
        Assert.Equal(user.LastModifiedAt.ToUnixTimeSeconds(), (long)listed["UserLastModifiedDate"]!.GetValue<double>());
        Assert.Equal(user.Sub, Attribute(listed, "sub"));
        Assert.Equal("ivy@example.com", Attribute(listed, "email"));
        Assert.Equal("true", Attribute(listed, "email_verified"));
        Assert.Equal("blue", Attribute(listed, "custom:team"));
        Assert.Equal(4, listed["Attributes"]!.AsArray().Count);
    }

    [Fact]
    public async Task ListUsersInGroup_UnknownGroup_ResourceNotFound()
    {
        var pool = await TestStore.CreatePoolAsync(factory);

        var response = await MembersOfAsync(pool.Id, "none");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("ResourceNotFoundException", response.ErrorType);
        Assert.Equal("Group not found.", response.Message);
    }

    [Fact]
    public async Task ListUsersInGroup_UnknownPool_ResourceNotFound()
    {
        var response = await _client.CallAsync(
            "ListUsersInGroup", new { UserPoolId = "us-east-1_Missing8", GroupName = "g" });

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("ResourceNotFoundException", response.ErrorType);
    }

    [Fact]
    public async Task DeleteGroup_WithMembers_RemovesMembershipsOnly()
    {
        var (pool, user) = await PoolWithUserAsync("jack");
        await CreateGroupAsync(pool.Id, "doomed");
        await CreateGroupAsync(pool.Id, "kept");
        await AddAsync(pool.Id, "jack", "doomed");
        await AddAsync(pool.Id, "jack", "kept");

        var response = await _client.CallAsync("DeleteGroup", new { UserPoolId = pool.Id, GroupName = "doomed" });

        Assert.Equal(HttpStatusCode.OK, response.Status);
        var groups = await GroupsOfAsync(pool.Id, "jack");
        Assert.Equal("kept", Assert.Single(groups["Groups"]!.AsArray())!["GroupName"]!.GetValue<string>());
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        var ct = TestContext.Current.CancellationToken;
        Assert.False(await db.GroupMemberships.AnyAsync(m => m.PoolId == pool.Id && m.GroupName == "doomed", ct));
        Assert.True(await db.Users.AnyAsync(u => u.Id == user.Id, ct));
    }

    private async Task<(UserPool Pool, User User)> PoolWithUserAsync(string username)
    {
        var pool = await TestStore.CreatePoolAsync(factory);
        var user = await TestStore.CreateUserAsync(factory, pool.Id, username);
        return (pool, user);
    }

    private async Task CreateGroupAsync(string poolId, string name, int? precedence = null)
    {
        var response = precedence is null
            ? await _client.CallAsync("CreateGroup", new { UserPoolId = poolId, GroupName = name })
            : await _client.CallAsync(
                "CreateGroup", new { UserPoolId = poolId, GroupName = name, Precedence = precedence });
        Assert.Equal(HttpStatusCode.OK, response.Status);
    }

    private static string? Attribute(JsonNode user, string name) =>
        user["Attributes"]!.AsArray().Single(a => a!["Name"]!.GetValue<string>() == name)!["Value"]?.GetValue<string>();

    private Task<AwsResponse> AddAsync(string poolId, string username, string groupName) =>
        _client.CallAsync(
            "AdminAddUserToGroup", new { UserPoolId = poolId, Username = username, GroupName = groupName });

    private Task<AwsResponse> RemoveAsync(string poolId, string username, string groupName) =>
        _client.CallAsync(
            "AdminRemoveUserFromGroup", new { UserPoolId = poolId, Username = username, GroupName = groupName });

    private Task<AwsResponse> GroupsOfAsync(string poolId, string username) =>
        _client.CallAsync("AdminListGroupsForUser", new { UserPoolId = poolId, Username = username });

    private Task<AwsResponse> MembersOfAsync(string poolId, string groupName) =>
        _client.CallAsync("ListUsersInGroup", new { UserPoolId = poolId, GroupName = groupName });
}
