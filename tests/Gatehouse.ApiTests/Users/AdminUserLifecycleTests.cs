using System.Net;
using Gatehouse.Server.AwsProtocol.Shapes;
using Gatehouse.TestKit;

namespace Gatehouse.ApiTests.Users;

public sealed class AdminUserLifecycleTests(GatehouseFactory factory) : IClassFixture<GatehouseFactory>
{
    private readonly AwsApiClient _client = factory.CreateAwsClient();

    [Fact]
    public async Task AdminGetUser_Existing_ReturnsAllFields()
    {
        var pool = await TestPools.CreateAsync(factory);
        await TestUsers.CreateAsync(_client, pool, "anna", ("email", "anna@example.com"), ("name", "Anna"));

        var response = await _client.CallAsync("AdminGetUser", new { UserPoolId = pool, Username = "anna" });

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("anna", response["Username"]!.GetValue<string>());
        Assert.Equal("FORCE_CHANGE_PASSWORD", response["UserStatus"]!.GetValue<string>());
        Assert.True(response["Enabled"]!.GetValue<bool>());
        Assert.NotNull(response["UserCreateDate"]);
        Assert.NotNull(response["UserLastModifiedDate"]);
        var attributes = AdminCreateUserTests.Attributes(response["UserAttributes"]!);
        Assert.Equal(["sub", "email", "name"], attributes.Keys);
        Assert.Null(response["MFAOptions"]);
    }

    [Fact]
    public async Task AdminGetUser_Unknown_UserNotFound()
    {
        var pool = await TestPools.CreateAsync(factory);

        var response = await _client.CallAsync("AdminGetUser", new { UserPoolId = pool, Username = "ghost" });

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("UserNotFoundException", response.ErrorType);
        Assert.Equal("User does not exist.", response.Message);
    }

    [Fact]
    public async Task AdminGetUser_UnknownPool_ResourceNotFound()
    {
        var response = await _client.CallAsync("AdminGetUser", new { UserPoolId = "us-east-1_none", Username = "x" });

        Assert.Equal("ResourceNotFoundException", response.ErrorType);
    }

    [Trait("SecurityRowPart", "84")]
    [Fact]
    public async Task AdminGetUser_CaseInsensitivePool_FoundByAnyCase()
    {
        var pool = await TestPools.CreateAsync(factory, s => s with
        {
            UsernameConfiguration = new UsernameConfigurationType { CaseSensitive = false },
        });
        await TestUsers.CreateAsync(_client, pool, "MixedCase");

        var response = await _client.CallAsync("AdminGetUser", new { UserPoolId = pool, Username = "mIXEDcASE" });

        Assert.Equal("MixedCase", response["Username"]!.GetValue<string>());
    }

    [Fact]
    public async Task AdminGetUser_CaseSensitivePoolOtherCase_UserNotFound()
    {
        var pool = await TestPools.CreateAsync(factory);
        await TestUsers.CreateAsync(_client, pool, "MixedCase");

        var response = await _client.CallAsync("AdminGetUser", new { UserPoolId = pool, Username = "mixedcase" });

        Assert.Equal("UserNotFoundException", response.ErrorType);
    }

    [Fact]
    public async Task AdminGetUser_BySub_Found()
    {
        var pool = await TestPools.CreateAsync(factory);
        var created = await TestUsers.CreateAsync(_client, pool, "bert");
        var sub = AdminCreateUserTests.Attributes(created["User"]!["Attributes"]!)["sub"];

        var response = await _client.CallAsync("AdminGetUser", new { UserPoolId = pool, Username = sub });

        Assert.Equal("bert", response["Username"]!.GetValue<string>());
    }

    [Fact]
    public async Task AdminGetUser_ByVerifiedEmailAlias_Found()
    {
        var pool = await TestPools.CreateAsync(factory, s => s with
        {
            AliasAttributes = ["email", "phone_number", "preferred_username"],
            UsernameConfiguration = new UsernameConfigurationType { CaseSensitive = false },
        });
        await TestUsers.CreateAsync(_client, pool, "cleo", ("email", "Cleo@Example.com"), ("email_verified", "true"),
            ("phone_number", "+15550002222"), ("phone_number_verified", "true"), ("preferred_username", "Cle"));

        foreach (var alias in new[] { "cleo@example.COM", "+15550002222", "cle" })
        {
            var response = await _client.CallAsync("AdminGetUser", new { UserPoolId = pool, Username = alias });
            Assert.Equal("cleo", response["Username"]?.GetValue<string>());
        }
    }

    [Fact]
    public async Task AdminGetUser_UnverifiedEmailInAliasPool_UserNotFound()
    {
        var pool = await TestPools.CreateAsync(factory, s => s with { AliasAttributes = ["email"] });
        await TestUsers.CreateAsync(_client, pool, "dora", ("email", "dora@example.com"));

        var response = await _client.CallAsync("AdminGetUser", new { UserPoolId = pool, Username = "dora@example.com" });

        Assert.Equal("UserNotFoundException", response.ErrorType);
    }

    [Fact]
    public async Task AdminDeleteUser_Existing_Gone()
    {
        var pool = await TestPools.CreateAsync(factory);
        await TestUsers.CreateAsync(_client, pool, "ed");

        var deleted = await _client.CallAsync("AdminDeleteUser", new { UserPoolId = pool, Username = "ed" });
        var after = await _client.CallAsync("AdminGetUser", new { UserPoolId = pool, Username = "ed" });

        Assert.Equal(HttpStatusCode.OK, deleted.Status);
        Assert.Equal("{}", deleted.Text);
        Assert.Equal("UserNotFoundException", after.ErrorType);
    }

    [Fact]
    public async Task AdminDeleteUser_Unknown_UserNotFound()
    {
        var pool = await TestPools.CreateAsync(factory);

        var response = await _client.CallAsync("AdminDeleteUser", new { UserPoolId = pool, Username = "ghost" });

        Assert.Equal("UserNotFoundException", response.ErrorType);
    }

    [Fact]
    public async Task AdminDisableUser_ThenEnable_FlagFollows()
    {
        var pool = await TestPools.CreateAsync(factory);
        await TestUsers.CreateAsync(_client, pool, "fay");

        var disabled = await _client.CallAsync("AdminDisableUser", new { UserPoolId = pool, Username = "fay" });
        var afterDisable = await _client.CallAsync("AdminGetUser", new { UserPoolId = pool, Username = "fay" });
        factory.Clock.Advance(TimeSpan.FromSeconds(5));
        var enabled = await _client.CallAsync("AdminEnableUser", new { UserPoolId = pool, Username = "fay" });
        var afterEnable = await _client.CallAsync("AdminGetUser", new { UserPoolId = pool, Username = "fay" });

        Assert.Equal("{}", disabled.Text);
        Assert.False(afterDisable["Enabled"]!.GetValue<bool>());
        Assert.Equal("{}", enabled.Text);
        Assert.True(afterEnable["Enabled"]!.GetValue<bool>());
        Assert.True(afterEnable["UserLastModifiedDate"]!.GetValue<double>()
            > afterDisable["UserLastModifiedDate"]!.GetValue<double>());
    }

    [Theory]
    [InlineData("AdminEnableUser")]
    [InlineData("AdminDisableUser")]
    [InlineData("AdminConfirmSignUp")]
    [InlineData("AdminResetUserPassword")]
    public async Task AdminOperation_UnknownUser_UserNotFound(string operation)
    {
        var pool = await TestPools.CreateAsync(factory);

        var response = await _client.CallAsync(operation, new { UserPoolId = pool, Username = "ghost" });

        Assert.Equal("UserNotFoundException", response.ErrorType);
    }

    [Theory]
    [InlineData("AdminEnableUser")]
    [InlineData("AdminDisableUser")]
    [InlineData("AdminConfirmSignUp")]
    [InlineData("AdminResetUserPassword")]
    [InlineData("AdminDeleteUser")]
    public async Task AdminOperation_UnknownPool_ResourceNotFound(string operation)
    {
        var response = await _client.CallAsync(operation, new { UserPoolId = "us-east-1_none", Username = "x" });

        Assert.Equal("ResourceNotFoundException", response.ErrorType);
    }

    [Fact]
    public async Task AdminConfirmSignUp_Unconfirmed_Confirmed()
    {
        var pool = await TestPools.CreateAsync(factory);
        await TestUsers.CreateAsync(_client, pool, "gus");
        await TestStore.SetStatusAsync(factory, pool, "gus", "UNCONFIRMED");

        var response = await _client.CallAsync("AdminConfirmSignUp", new { UserPoolId = pool, Username = "gus" });
        var after = await _client.CallAsync("AdminGetUser", new { UserPoolId = pool, Username = "gus" });

        Assert.Equal("{}", response.Text);
        Assert.Equal("CONFIRMED", after["UserStatus"]!.GetValue<string>());
    }

    [Fact]
    public async Task AdminConfirmSignUp_AlreadyConfirmed_NotAuthorized()
    {
        var pool = await TestPools.CreateAsync(factory);
        await TestUsers.CreateAsync(_client, pool, "hal");
        await TestStore.SetStatusAsync(factory, pool, "hal", "CONFIRMED");

        var response = await _client.CallAsync("AdminConfirmSignUp", new { UserPoolId = pool, Username = "hal" });

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("NotAuthorizedException", response.ErrorType);
        Assert.Equal("User cannot be confirmed. Current status is CONFIRMED", response.Message);
    }
}
