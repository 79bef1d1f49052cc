using System.Net;
using Gatehouse.Server.AwsProtocol.Shapes;
using Gatehouse.TestKit;

namespace Gatehouse.ApiTests.Users;

public sealed class AdminUserAttributesTests(GatehouseFactory factory) : IClassFixture<GatehouseFactory>
{
    private readonly AwsApiClient _client = factory.CreateAwsClient();

    [Fact]
    public async Task AdminUpdateUserAttributes_NewValues_StoredAndSearchable()
    {
        var pool = await TestPools.CreateAsync(factory);
        await TestUsers.CreateAsync(_client, pool, "amy", ("email", "amy@example.com"), ("email_verified", "true"));

        var response = await UpdateAsync(pool, "amy", ("given_name", "Amy"), ("email", "amy2@example.com"));
        var attributes = await AttributesAsync(pool, "amy");
        var found = await _client.CallAsync("ListUsers", new { UserPoolId = pool, Filter = "email = \"amy2@example.com\"" });

        Assert.Equal("{}", response.Text);
        Assert.Equal("Amy", attributes["given_name"]);
        Assert.Equal("amy2@example.com", attributes["email"]);
        Assert.Equal("false", attributes["email_verified"]);
        Assert.Single(found["Users"]!.AsArray());
    }

    [Fact]
    public async Task AdminUpdateUserAttributes_EmailWithVerifiedFlag_StaysVerified()
    {
        var pool = await TestPools.CreateAsync(factory);
        await TestUsers.CreateAsync(_client, pool, "ben", ("email", "ben@example.com"));

        await UpdateAsync(pool, "ben", ("email", "ben2@example.com"), ("email_verified", "true"));

        Assert.Equal("true", (await AttributesAsync(pool, "ben"))["email_verified"]);
    }

    [Theory]
    [InlineData("True", "true")]
    [InlineData("TRUE", "true")]
    [InlineData("False", "false")]
    public async Task AdminUpdateUserAttributes_BooleanInAnyCase_StoredLowerCase(string sent, string stored)
    {
        var pool = await TestPools.CreateAsync(factory);
        await TestUsers.CreateAsync(_client, pool, "bob", ("email", "bob@example.com"), ("email_verified", sent));

        await UpdateAsync(pool, "bob", ("email", "bob2@example.com"), ("email_verified", sent));

        Assert.Equal(stored, (await AttributesAsync(pool, "bob"))["email_verified"]);
    }

    [Fact]
    public async Task AdminUpdateUserAttributes_NotABoolean_InvalidParameter()
    {
        var pool = await TestPools.CreateAsync(factory);
        await TestUsers.CreateAsync(_client, pool, "bea", ("email", "bea@example.com"));

        var response = await UpdateAsync(pool, "bea", ("email_verified", "yes"));

        Assert.Equal("InvalidParameterException", response.ErrorType);
    }

    [Fact]
    public async Task AdminUpdateUserAttributes_BlankValue_DeletesAttribute()
    {
        var pool = await TestPools.CreateAsync(factory);
        await TestUsers.CreateAsync(_client, pool, "cy", ("nickname", "c"));

        await UpdateAsync(pool, "cy", ("nickname", ""));

        Assert.False((await AttributesAsync(pool, "cy")).ContainsKey("nickname"));
    }

    [Theory]
    [InlineData("sub", "3f0b3f0b-3f0b-3f0b-3f0b-3f0b3f0b3f0b")]
    [InlineData("custom:team", "b")]
    [InlineData("custom:unknown", "x")]
    [InlineData("email", "bad")]
    public async Task AdminUpdateUserAttributes_NotAllowed_InvalidParameter(string name, string value)
    {
        var pool = await PoolWithImmutableTeamAsync();
        await TestUsers.CreateAsync(_client, pool, "dee", ("custom:team", "a"));

        var response = await UpdateAsync(pool, "dee", (name, value));

        Assert.Equal("InvalidParameterException", response.ErrorType);
    }

    [Fact]
    public async Task AdminUpdateUserAttributes_ImmutableNeverSet_InvalidParameter()
    {
        var pool = await PoolWithImmutableTeamAsync();
        await TestUsers.CreateAsync(_client, pool, "eli");

        var response = await UpdateAsync(pool, "eli", ("custom:team", "a"));

        Assert.Equal("InvalidParameterException", response.ErrorType);
    }

    [Fact]
    public async Task AdminUpdateUserAttributes_AliasOfAnotherUser_AliasExists()
    {
        var pool = await TestPools.CreateAsync(factory, s => s with { AliasAttributes = ["email"] });
        await TestUsers.CreateAsync(_client, pool, "fin1", ("email", "fin@example.com"), ("email_verified", "true"));
        await TestUsers.CreateAsync(_client, pool, "fin2");

        var response = await UpdateAsync(pool, "fin2", ("email", "fin@example.com"), ("email_verified", "true"));

        Assert.Equal("AliasExistsException", response.ErrorType);
    }

    [Fact]
    public async Task AdminUpdateUserAttributes_UnknownUser_UserNotFound()
    {
        var pool = await TestPools.CreateAsync(factory);

        var response = await UpdateAsync(pool, "ghost", ("name", "x"));

        Assert.Equal("UserNotFoundException", response.ErrorType);
    }

    [Fact]
    public async Task AdminDeleteUserAttributes_Optional_Removed()
    {
        var pool = await TestPools.CreateAsync(factory, s => s with { AliasAttributes = ["email"] });
        await TestUsers.CreateAsync(_client, pool, "gil", ("email", "gil@example.com"), ("email_verified", "true"),
            ("name", "Gil"));

        var response = await _client.CallAsync("AdminDeleteUserAttributes", new
        {
            UserPoolId = pool,
            Username = "gil",
            UserAttributeNames = (string[])["email", "name"],
        });
        var attributes = await AttributesAsync(pool, "gil");
        var byAlias = await _client.CallAsync("AdminGetUser", new { UserPoolId = pool, Username = "gil@example.com" });

        Assert.Equal("{}", response.Text);
        Assert.Equal(["sub"], attributes.Keys);
        Assert.Equal("UserNotFoundException", byAlias.ErrorType);
    }

    [Theory]
    [InlineData("email")]
    [InlineData("sub")]
    [InlineData("custom:nope")]
    public async Task AdminDeleteUserAttributes_RequiredOrUnknown_InvalidParameter(string name)
    {
        var pool = await TestPools.CreateAsync(factory, s => s with { SchemaAttributes = DefaultSchema.Requiring("email") });
        await TestUsers.CreateAsync(_client, pool, "hugo", ("email", "hugo@example.com"));

        var response = await _client.CallAsync("AdminDeleteUserAttributes", new
        {
            UserPoolId = pool,
            Username = "hugo",
            UserAttributeNames = new[] { name },
        });

        Assert.Equal("InvalidParameterException", response.ErrorType);
        Assert.Equal("hugo@example.com", (await AttributesAsync(pool, "hugo"))["email"]);
    }

    private Task<string> PoolWithImmutableTeamAsync() => TestPools.CreateAsync(factory, s => s with
    {
        SchemaAttributes =
        [
            .. DefaultSchema.Attributes,
            new SchemaAttributeType { Name = "custom:team", AttributeDataType = "String", Mutable = false },
        ],
    });

    private Task<AwsResponse> UpdateAsync(string pool, string username, params (string Name, string Value)[] attributes) =>
        _client.CallAsync("AdminUpdateUserAttributes", new
        {
            UserPoolId = pool,
            Username = username,
            UserAttributes = attributes.Select(a => new { a.Name, a.Value }).ToArray(),
        });

    private async Task<Dictionary<string, string>> AttributesAsync(string pool, string username)
    {
        var response = await _client.CallAsync("AdminGetUser", new { UserPoolId = pool, Username = username });
        Assert.Equal(HttpStatusCode.OK, response.Status);
        return AdminCreateUserTests.Attributes(response["UserAttributes"]!);
    }
}
