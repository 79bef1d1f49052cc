using System.Net;
using Gatehouse.Server.AwsProtocol.Shapes;
using Gatehouse.TestKit;

namespace Gatehouse.ApiTests.Users;

public sealed class ListUsersTests(GatehouseFactory factory) : IClassFixture<GatehouseFactory>
{
    private readonly AwsApiClient _client = factory.CreateAwsClient();

    [Fact]
    public async Task ListUsers_NoFilter_AllUsersOfThePoolOnly()
    {
        var pool = await TestPools.CreateAsync(factory);
        var other = await TestPools.CreateAsync(factory);
        await TestUsers.CreateAsync(_client, pool, "a1");
        await TestUsers.CreateAsync(_client, pool, "a2");
        await TestUsers.CreateAsync(_client, other, "a3");

        var response = await _client.CallAsync("ListUsers", new { UserPoolId = pool });

        Assert.Equal(["a1", "a2"], Usernames(response));
        Assert.Null(response["PaginationToken"]);
        var user = response["Users"]![0]!;
        Assert.NotNull(user["Attributes"]);
        Assert.Equal("FORCE_CHANGE_PASSWORD", user["UserStatus"]!.GetValue<string>());
        Assert.True(user["Enabled"]!.GetValue<bool>());
    }

    [Fact]
    public async Task ListUsers_Limit_PagesThroughEveryUserOnce()
    {
        var pool = await TestPools.CreateAsync(factory);
        for (var i = 0; i < 5; i++)
        {
            await TestUsers.CreateAsync(_client, pool, $"u{i}");
        }

        var seen = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var response = await _client.CallAsync("ListUsers", token is null
                ? new { UserPoolId = pool, Limit = 2 }
                : (object)new { UserPoolId = pool, Limit = 2, PaginationToken = token });
            seen.AddRange(Usernames(response));
            token = response["PaginationToken"]?.GetValue<string>();
            pages++;
        }
        while (token is not null);

        Assert.Equal(["u0", "u1", "u2", "u3", "u4"], seen);
        Assert.Equal(3, pages);
    }

    [Theory]
    [InlineData("email ^= \"pa\"")]
    [InlineData("given_name = \"Sam\"")]
    public async Task ListUsers_FilteredPages_EveryMatchOnceInColumnOrder(string filter)
    {
        var pool = await TestPools.CreateAsync(factory);
        foreach (var (name, email) in new[] { ("p3", "pa3@x.io"), ("p1", "pa1@x.io"), ("q", "qa@x.io"), ("p2", "pa1@y.io"), ("p4", "pa0@x.io") })
        {
            await TestUsers.CreateAsync(_client, pool, name, ("email", email), ("given_name", "Sam"));
        }

        var seen = new List<string>();
        string? token = null;
        do
        {
            var response = await _client.CallAsync("ListUsers", token is null
                ? new { UserPoolId = pool, Limit = 2, Filter = filter }
                : (object)new { UserPoolId = pool, Limit = 2, Filter = filter, PaginationToken = token });
            Assert.Null(response.ErrorType);
            seen.AddRange(Usernames(response));
            token = response["PaginationToken"]?.GetValue<string>();
        }
        while (token is not null);

        var expected = filter.StartsWith("email", StringComparison.Ordinal)
            ? new[] { "p4", "p1", "p2", "p3" }
            : new[] { "p3", "p1", "q", "p2", "p4" };
        Assert.Equal(expected, seen);
    }

    [Fact]
    public async Task ListUsers_BadToken_InvalidParameter()
    {
        var pool = await TestPools.CreateAsync(factory);

        var response = await _client.CallAsync("ListUsers", new { UserPoolId = pool, PaginationToken = "garbage" });

        Assert.Equal("InvalidParameterException", response.ErrorType);
    }

    [Fact]
    public async Task ListUsers_LimitAboveSixty_InvalidParameter()
    {
        var pool = await TestPools.CreateAsync(factory);

        var response = await _client.CallAsync("ListUsers", new { UserPoolId = pool, Limit = 61 });

        Assert.Equal("InvalidParameterException", response.ErrorType);
    }

    [Fact]
    public async Task ListUsers_UnknownPool_ResourceNotFound()
    {
        var response = await _client.CallAsync("ListUsers", new { UserPoolId = "us-east-1_none" });

        Assert.Equal("ResourceNotFoundException", response.ErrorType);
    }

    [Theory]
    [InlineData("email = \"jo@example.com\"", new[] { "jo" })]
    [InlineData("email = \"JO@example.com\"", new[] { "jo" })]
    [InlineData("email ^= \"jo\"", new[] { "jo", "joan" })]
    [InlineData("given_name ^= \"Jo\"", new[] { "jo", "joan" })]
    [InlineData("family_name = \"Smith\"", new[] { "joan" })]
    [InlineData("name = \"Jo Jones\"", new[] { "jo" })]
    [InlineData("phone_number ^= \"+1555\"", new[] { "jo", "max" })]
    [InlineData("preferred_username = \"maxi\"", new[] { "max" })]
    [InlineData("username = \"joan\"", new[] { "joan" })]
    [InlineData("username = \"JOAN\"", new string[0])]
    [InlineData("username ^= \"jo\"", new[] { "jo", "joan" })]
    [InlineData("cognito:user_status = \"confirmed\"", new[] { "max" })]
    [InlineData("cognito:user_status = \"FORCE_CHANGE_PASSWORD\"", new[] { "jo", "joan" })]
    [InlineData("status = \"Disabled\"", new[] { "joan" })]
    [InlineData("status = \"Enabled\"", new[] { "jo", "max" })]
    [InlineData("status = \"enabled\"", new string[0])]
    [InlineData("email ^= \"\"", new[] { "jo", "joan", "max" })]
    [InlineData("", new[] { "jo", "joan", "max" })]
    public async Task ListUsers_Filter_MatchesDocumentedRules(string filter, string[] expected)
    {
        var pool = await SeedAsync();

        var response = await _client.CallAsync("ListUsers", new { UserPoolId = pool, Filter = filter });

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(expected, Usernames(response));
    }

    [Fact]
    public async Task ListUsers_SubFilter_FindsUser()
    {
        var pool = await TestPools.CreateAsync(factory);
        var created = await TestUsers.CreateAsync(_client, pool, "subby");
        await TestUsers.CreateAsync(_client, pool, "other");
        var sub = AdminCreateUserTests.Attributes(created["User"]!["Attributes"]!)["sub"];

        var response = await _client.CallAsync("ListUsers", new { UserPoolId = pool, Filter = $"sub = \"{sub}\"" });

        Assert.Equal(["subby"], Usernames(response));
    }

    [Fact]
    public async Task ListUsers_CaseInsensitivePoolUsernameFilter_AnyCase()
    {
        var pool = await TestPools.CreateAsync(factory, s => s with
        {
            UsernameConfiguration = new UsernameConfigurationType { CaseSensitive = false },
        });
        await TestUsers.CreateAsync(_client, pool, "Walter");

        var response = await _client.CallAsync("ListUsers", new { UserPoolId = pool, Filter = "username = \"WALTER\"" });

        Assert.Equal(["Walter"], Usernames(response));
    }

    [Trait("SecurityRowPart", "85")]
    [Theory]
    [InlineData("email")]
    [InlineData("email = jo")]
    [InlineData("email != \"jo\"")]
    [InlineData("custom:team = \"x\"")]
    [InlineData("nickname = \"x\"")]
    [InlineData("email = \"a\" and name = \"b\"")]
    public async Task ListUsers_BadFilter_InvalidParameter(string filter)
    {
        var pool = await TestPools.CreateAsync(factory);

        var response = await _client.CallAsync("ListUsers", new { UserPoolId = pool, Filter = filter });

        Assert.Equal("InvalidParameterException", response.ErrorType);
    }

    [Fact]
    public async Task ListUsers_AttributesToGet_OnlyThose()
    {
        var pool = await SeedAsync();

        var response = await _client.CallAsync("ListUsers", new
        {
            UserPoolId = pool,
            Filter = "username = \"jo\"",
            AttributesToGet = (string[])["email"],
        });

        var attributes = AdminCreateUserTests.Attributes(response["Users"]![0]!["Attributes"]!);
        Assert.Equal(["email"], attributes.Keys);
    }

    [Fact]
    public async Task ListUsers_AttributesToGetUnknown_InvalidParameter()
    {
        var pool = await TestPools.CreateAsync(factory);

        var response = await _client.CallAsync("ListUsers", new
        {
            UserPoolId = pool,
            AttributesToGet = (string[])["custom:nope"],
        });

        Assert.Equal("InvalidParameterException", response.ErrorType);
    }

    private async Task<string> SeedAsync()
    {
        var pool = await TestPools.CreateAsync(factory);
        await TestUsers.CreateAsync(_client, pool, "jo", ("email", "Jo@Example.com"), ("given_name", "Jo"),
            ("name", "Jo Jones"), ("phone_number", "+15551110000"));
        await TestUsers.CreateAsync(_client, pool, "joan", ("email", "joan@example.com"), ("given_name", "Joan"),
            ("family_name", "Smith"));
        await TestUsers.CreateAsync(_client, pool, "max", ("email", "max@example.com"), ("given_name", "Max"),
            ("phone_number", "+15552220000"), ("preferred_username", "maxi"));
        await _client.CallAsync("AdminDisableUser", new { UserPoolId = pool, Username = "joan" });
        await _client.CallAsync("AdminSetUserPassword", new
        {
            UserPoolId = pool,
            Username = "max",
            Password = "Perm1234!",
            Permanent = true,
        });
        return pool;
    }

    private static List<string> Usernames(AwsResponse response) =>
        [.. response["Users"]!.AsArray().Select(u => u!["Username"]!.GetValue<string>())];
}
