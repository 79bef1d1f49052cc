using System.Net;
using Gatehouse.TestKit;

namespace Gatehouse.ApiTests.Groups;

public sealed class GroupCrudTests(GatehouseFactory factory) : IClassFixture<GatehouseFactory>
{
    private const string RoleArn = "arn:aws:iam::123456789012:role/GroupRole";
    private readonly AwsApiClient _client = factory.CreateAwsClient();

    [Fact]
    public async Task CreateGroup_AllMembers_ReturnsGroupWithDates()
    {
        var pool = await TestStore.CreatePoolAsync(factory);
        var created = factory.Clock.GetUtcNow().ToUnixTimeSeconds();

        var response = await _client.CallAsync("CreateGroup", new
        {
            UserPoolId = pool.Id,
            GroupName = "Admins",
            Description = "the admins",
            RoleArn,
            Precedence = 3,
        });

        Assert.Equal(HttpStatusCode.OK, response.Status);
        var group = response["Group"]!;
        Assert.Equal("Admins", group["GroupName"]!.GetValue<string>());
        Assert.Equal(pool.Id, group["UserPoolId"]!.GetValue<string>());
        Assert.Equal("the admins", group["Description"]!.GetValue<string>());
        Assert.Equal(RoleArn, group["RoleArn"]!.GetValue<string>());
        Assert.Equal(3, group["Precedence"]!.GetValue<int>());
        Assert.Equal(created, (long)group["CreationDate"]!.GetValue<double>());
        Assert.Equal(created, (long)group["LastModifiedDate"]!.GetValue<double>());
    }

    [Fact]
    public async Task CreateGroup_OnlyRequiredMembers_OmitsOptionalOnes()
    {
        var pool = await TestStore.CreatePoolAsync(factory);

        var response = await _client.CallAsync("CreateGroup", new { UserPoolId = pool.Id, GroupName = "plain" });

        Assert.Equal(HttpStatusCode.OK, response.Status);
        var group = response["Group"]!.AsObject();
        Assert.False(group.ContainsKey("Description"));
        Assert.False(group.ContainsKey("RoleArn"));
        Assert.False(group.ContainsKey("Precedence"));
    }

    [Fact]
    public async Task CreateGroup_SameNameTwice_GroupExistsException()
    {
        var pool = await TestStore.CreatePoolAsync(factory);
        await _client.CallAsync("CreateGroup", new { UserPoolId = pool.Id, GroupName = "dup" });

        var response = await _client.CallAsync("CreateGroup", new { UserPoolId = pool.Id, GroupName = "dup" });

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("GroupExistsException", response.ErrorType);
        Assert.Contains("dup", response.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateGroup_NameDiffersOnlyInCase_IsAnotherGroup()
    {
        var pool = await TestStore.CreatePoolAsync(factory);
        await _client.CallAsync("CreateGroup", new { UserPoolId = pool.Id, GroupName = "Team" });

        var response = await _client.CallAsync("CreateGroup", new { UserPoolId = pool.Id, GroupName = "team" });

        Assert.Equal(HttpStatusCode.OK, response.Status);
    }

    [Fact]
    public async Task CreateGroup_SameNameInAnotherPool_Succeeds()
    {
        var first = await TestStore.CreatePoolAsync(factory);
        var second = await TestStore.CreatePoolAsync(factory);
        await _client.CallAsync("CreateGroup", new { UserPoolId = first.Id, GroupName = "shared" });

        var response = await _client.CallAsync("CreateGroup", new { UserPoolId = second.Id, GroupName = "shared" });

        Assert.Equal(HttpStatusCode.OK, response.Status);
    }

    [Fact]
    public async Task CreateGroup_UnknownPool_ResourceNotFound()
    {
        var response = await _client.CallAsync(
            "CreateGroup", new { UserPoolId = "us-east-1_Missing1", GroupName = "g" });

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("ResourceNotFoundException", response.ErrorType);
        Assert.Contains("us-east-1_Missing1", response.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"GroupName":"g","Precedence":-1}""")]
    [InlineData("""{"GroupName":"g","RoleArn":"not-an-arn-but-long-enough"}""")]
    [InlineData("""{"GroupName":"g","RoleArn":"arn:aws:iam::12:r"}""")]
    [InlineData("""{"GroupName":"has space"}""")]
    [InlineData("""{"GroupName":""}""")]
    [InlineData("""{"Description":"no name"}""")]
    public async Task CreateGroup_InvalidMember_InvalidParameterException(string members)
    {
        var pool = await TestStore.CreatePoolAsync(factory);
        var body = members.Insert(1, $"\"UserPoolId\":\"{pool.Id}\",");

        var response = await _client.SendAsync("CreateGroup", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("InvalidParameterException", response.ErrorType);
    }

    [Fact]
    public async Task CreateGroup_DescriptionTooLong_InvalidParameterException()
    {
        var pool = await TestStore.CreatePoolAsync(factory);

        var response = await _client.CallAsync("CreateGroup", new
        {
            UserPoolId = pool.Id,
            GroupName = "g",
            Description = new string('d', 2049),
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("InvalidParameterException", response.ErrorType);
    }

    [Fact]
    public async Task CreateGroup_MaximumPrecedence_Accepted()
    {
        var pool = await TestStore.CreatePoolAsync(factory);

        var response = await _client.CallAsync("CreateGroup", new
        {
            UserPoolId = pool.Id,
            GroupName = "last",
            Precedence = int.MaxValue,
        });

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(int.MaxValue, response["Group"]!["Precedence"]!.GetValue<int>());
    }

    [Fact]
    public async Task CreateGroup_PoolAtGroupQuota_LimitExceededException()
    {
        var pool = await TestStore.CreatePoolAsync(factory);
        await TestStore.CreateGroupsAsync(factory, pool.Id, Server.Groups.CreateGroup.MaxGroupsPerPool);

        var response = await _client.CallAsync("CreateGroup", new { UserPoolId = pool.Id, GroupName = "one-more" });

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("LimitExceededException", response.ErrorType);
    }

    [Fact]
    public async Task GetGroup_Existing_ReturnsIt()
    {
        var pool = await TestStore.CreatePoolAsync(factory);
        await _client.CallAsync("CreateGroup", new { UserPoolId = pool.Id, GroupName = "readers", Precedence = 0 });

        var response = await _client.CallAsync("GetGroup", new { UserPoolId = pool.Id, GroupName = "readers" });

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("readers", response["Group"]!["GroupName"]!.GetValue<string>());
        Assert.Equal(0, response["Group"]!["Precedence"]!.GetValue<int>());
    }

    [Fact]
    public async Task GetGroup_UnknownGroup_ResourceNotFound()
    {
        var pool = await TestStore.CreatePoolAsync(factory);

        var response = await _client.CallAsync("GetGroup", new { UserPoolId = pool.Id, GroupName = "nope" });

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("ResourceNotFoundException", response.ErrorType);
        Assert.Equal("Group not found.", response.Message);
    }

    [Fact]
    public async Task GetGroup_UnknownPool_ResourceNotFound()
    {
        var response = await _client.CallAsync("GetGroup", new { UserPoolId = "us-east-1_Missing2", GroupName = "g" });

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("ResourceNotFoundException", response.ErrorType);
        Assert.Contains("us-east-1_Missing2", response.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpdateGroup_SomeMembers_ChangesThoseAndKeepsTheOthers()
    {
        var pool = await TestStore.CreatePoolAsync(factory);
        await _client.CallAsync("CreateGroup", new
        {
            UserPoolId = pool.Id,
            GroupName = "ops",
            Description = "old",
            RoleArn,
            Precedence = 5,
        });
        factory.Clock.Advance(TimeSpan.FromMinutes(2));

        var response = await _client.CallAsync(
            "UpdateGroup", new { UserPoolId = pool.Id, GroupName = "ops", Precedence = 1 });

        Assert.Equal(HttpStatusCode.OK, response.Status);
        var group = response["Group"]!;
        Assert.Equal(1, group["Precedence"]!.GetValue<int>());
        Assert.Equal("old", group["Description"]!.GetValue<string>());
        Assert.Equal(RoleArn, group["RoleArn"]!.GetValue<string>());
        Assert.Equal(120, group["LastModifiedDate"]!.GetValue<double>() - group["CreationDate"]!.GetValue<double>());
        var read = await _client.CallAsync("GetGroup", new { UserPoolId = pool.Id, GroupName = "ops" });
        Assert.Equal(1, read["Group"]!["Precedence"]!.GetValue<int>());
        Assert.Equal("old", read["Group"]!["Description"]!.GetValue<string>());
    }

    [Fact]
    public async Task UpdateGroup_AllMembers_ReplacesThem()
    {
        var pool = await TestStore.CreatePoolAsync(factory);
        await _client.CallAsync("CreateGroup", new { UserPoolId = pool.Id, GroupName = "dev", Description = "a" });
        const string newRole = "arn:aws:iam::123456789012:role/Other";

        var response = await _client.CallAsync("UpdateGroup", new
        {
            UserPoolId = pool.Id,
            GroupName = "dev",
            Description = "b",
            RoleArn = newRole,
            Precedence = 9,
        });

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("b", response["Group"]!["Description"]!.GetValue<string>());
        Assert.Equal(newRole, response["Group"]!["RoleArn"]!.GetValue<string>());
        Assert.Equal(9, response["Group"]!["Precedence"]!.GetValue<int>());
    }

    [Fact]
    public async Task UpdateGroup_UnknownGroup_ResourceNotFound()
    {
        var pool = await TestStore.CreatePoolAsync(factory);

        var response = await _client.CallAsync(
            "UpdateGroup", new { UserPoolId = pool.Id, GroupName = "ghost", Precedence = 1 });

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("ResourceNotFoundException", response.ErrorType);
        Assert.Equal("Group not found.", response.Message);
    }

    [Fact]
    public async Task UpdateGroup_UnknownPool_ResourceNotFound()
    {
        var response = await _client.CallAsync(
            "UpdateGroup", new { UserPoolId = "us-east-1_Missing3", GroupName = "g" });

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("ResourceNotFoundException", response.ErrorType);
    }

    [Fact]
    public async Task UpdateGroup_NegativePrecedence_InvalidParameterAndUnchanged()
    {
        var pool = await TestStore.CreatePoolAsync(factory);
        await _client.CallAsync("CreateGroup", new { UserPoolId = pool.Id, GroupName = "p", Precedence = 2 });

        var response = await _client.CallAsync(
            "UpdateGroup", new { UserPoolId = pool.Id, GroupName = "p", Precedence = -5 });

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("InvalidParameterException", response.ErrorType);
        var read = await _client.CallAsync("GetGroup", new { UserPoolId = pool.Id, GroupName = "p" });
        Assert.Equal(2, read["Group"]!["Precedence"]!.GetValue<int>());
    }

    [Fact]
    public async Task DeleteGroup_Existing_GoneAfterwards()
    {
        var pool = await TestStore.CreatePoolAsync(factory);
        await _client.CallAsync("CreateGroup", new { UserPoolId = pool.Id, GroupName = "temp" });

        var response = await _client.CallAsync("DeleteGroup", new { UserPoolId = pool.Id, GroupName = "temp" });

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Empty(response.Body);
        var read = await _client.CallAsync("GetGroup", new { UserPoolId = pool.Id, GroupName = "temp" });
        Assert.Equal("ResourceNotFoundException", read.ErrorType);
    }

    [Fact]
    public async Task DeleteGroup_UnknownGroup_ResourceNotFound()
    {
        var pool = await TestStore.CreatePoolAsync(factory);

        var response = await _client.CallAsync("DeleteGroup", new { UserPoolId = pool.Id, GroupName = "never" });

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("ResourceNotFoundException", response.ErrorType);
        Assert.Equal("Group not found.", response.Message);
    }

    [Fact]
    public async Task DeleteGroup_UnknownPool_ResourceNotFound()
    {
        var response = await _client.CallAsync(
            "DeleteGroup", new { UserPoolId = "us-east-1_Missing4", GroupName = "g" });

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("ResourceNotFoundException", response.ErrorType);
        Assert.Contains("us-east-1_Missing4", response.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeleteGroup_ThenCreateSameName_StartsEmpty()
    {
        var pool = await TestStore.CreatePoolAsync(factory);
        var user = await TestStore.CreateUserAsync(factory, pool.Id, "reborn");
        await _client.CallAsync("CreateGroup", new { UserPoolId = pool.Id, GroupName = "phoenix" });
        await AddAsync(pool.Id, user.Username, "phoenix");
        await _client.CallAsync("DeleteGroup", new { UserPoolId = pool.Id, GroupName = "phoenix" });

        await _client.CallAsync("CreateGroup", new { UserPoolId = pool.Id, GroupName = "phoenix" });
        var members = await MembersOfAsync(pool.Id, "phoenix");

        Assert.Equal(HttpStatusCode.OK, members.Status);
        Assert.Empty(members["Users"]!.AsArray());
    }

    [Trait("SecurityRowPart", "63")]
    [Fact]
    public async Task CreateGroup_Unsigned_Rejected()
    {
        var pool = await TestStore.CreatePoolAsync(factory);

        var response = await _client.CallAsync(
            "CreateGroup", new { UserPoolId = pool.Id, GroupName = "x" }, sign: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("MissingAuthenticationTokenException", response.ErrorType);
    }

    private Task<AwsResponse> AddAsync(string poolId, string username, string groupName) =>
        _client.CallAsync(
            "AdminAddUserToGroup", new { UserPoolId = poolId, Username = username, GroupName = groupName });

    private Task<AwsResponse> MembersOfAsync(string poolId, string groupName) =>
        _client.CallAsync("ListUsersInGroup", new { UserPoolId = poolId, GroupName = groupName });
}
