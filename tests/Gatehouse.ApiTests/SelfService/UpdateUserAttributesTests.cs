using System.Text.Json.Nodes;
using Gatehouse.TestKit;

namespace Gatehouse.ApiTests.SelfService;

public sealed class UpdateUserAttributesTests(GatehouseFactory factory) : IClassFixture<GatehouseFactory>
{
    private readonly AwsApiClient _api = factory.CreateAwsClient();

    private static Task<AwsResponse> UpdateAsync(SignedInUser user, params (string Name, string Value)[] attributes) =>
        user.CallAsync("UpdateUserAttributes", new JsonObject { ["UserAttributes"] = SignedInUser.Attributes(attributes) });

    [Fact]
    public async Task UpdateUserAttributes_NewEmail_UnverifiedAndCodeSentToNewAddress()
    {
        var user = await SignedInUser.CreateAsync(_api, extraAttributes: ("email_verified", "true"));
        var newEmail = SelfServiceSetup.NewEmail();

        var response = await UpdateAsync(user, ("given_name", "Zoe"), ("email", newEmail));

        Assert.Null(response.ErrorType);
        var delivery = Assert.Single(response["CodeDeliveryDetailsList"]!.AsArray())!;
        Assert.Equal("email", delivery["AttributeName"]!.GetValue<string>());
        Assert.Equal("EMAIL", delivery["DeliveryMedium"]!.GetValue<string>());
        Assert.Equal($"{newEmail[0]}***@e***", delivery["Destination"]!.GetValue<string>());
        var attributes = await user.AttributesAsync();
        Assert.Equal(("Zoe", newEmail, "false"), (attributes["given_name"], attributes["email"], attributes["email_verified"]));
        var code = await SelfServiceSetup.LastCodeAsync(factory, newEmail);
        Assert.Empty(await TestStore.OutboxAsync(factory, user.Email));
        var verify = await user.CallAsync("VerifyUserAttribute", new JsonObject { ["AttributeName"] = "email", ["Code"] = code });
        Assert.Null(verify.ErrorType);
        Assert.Equal("true", (await user.AttributesAsync())["email_verified"]);
    }

    [Fact]
    public async Task UpdateUserAttributes_PlainAttribute_NoCodeDeliveries()
    {
        var user = await SignedInUser.CreateAsync(_api);

        var response = await UpdateAsync(user, ("given_name", "Zoe"), ("email", user.Email));

        Assert.Null(response.ErrorType);
        Assert.Null(response["CodeDeliveryDetailsList"]);
        Assert.Empty(await TestStore.OutboxOfPoolAsync(factory, user.PoolId));
    }

    [Fact]
    public async Task UpdateUserAttributes_EmailNotAutoVerified_UnverifiedWithoutCode()
    {
        var user = await SignedInUser.CreateAsync(_api, new JsonObject(), extraAttributes: ("email_verified", "true"));
        var newEmail = SelfServiceSetup.NewEmail();

        var response = await UpdateAsync(user, ("email", newEmail));

        Assert.Null(response["CodeDeliveryDetailsList"]);
        Assert.Equal("false", (await user.AttributesAsync())["email_verified"]);
        Assert.Empty(await TestStore.OutboxOfPoolAsync(factory, user.PoolId));
    }

    [Fact]
    public async Task UpdateUserAttributes_EmailChangedAfterCodeSent_OldCodeNoLongerVerifies()
    {
        var user = await SignedInUser.CreateAsync(_api, new JsonObject());
        Assert.Null((await user.CallAsync("GetUserAttributeVerificationCode",
            new JsonObject { ["AttributeName"] = "email" })).ErrorType);
        var oldCode = await SelfServiceSetup.LastCodeAsync(factory, user.Email);

        Assert.Null((await UpdateAsync(user, ("email", SelfServiceSetup.NewEmail()))).ErrorType);
        var verify = await user.CallAsync("VerifyUserAttribute",
            new JsonObject { ["AttributeName"] = "email", ["Code"] = oldCode });

        Assert.Equal("ExpiredCodeException", verify.ErrorType);
        Assert.Equal("false", (await user.AttributesAsync())["email_verified"]);
    }

    [Fact]
    public async Task UpdateUserAttributes_NotInClientWriteAttributes_NotAuthorized()
    {
        var client = new JsonObject { ["WriteAttributes"] = new JsonArray("given_name") };
        var user = await SignedInUser.CreateAsync(_api, client: client);

        var response = await UpdateAsync(user, ("given_name", "Zoe"), ("family_name", "X"));

        Assert.Equal("NotAuthorizedException", response.ErrorType);
        Assert.Equal("A client attempted to write unauthorized attribute", response.Message);
        Assert.False((await user.AttributesAsync()).ContainsKey("given_name"));
    }

    [Fact]
    public async Task UpdateUserAttributes_VerifiedFlagWithoutWritePermission_NotAuthorized()
    {
        var user = await SignedInUser.CreateAsync(_api);

        var response = await UpdateAsync(user, ("email_verified", "true"));

        Assert.Equal("NotAuthorizedException", response.ErrorType);
    }

    [Theory]
    [InlineData("custom:not_in_schema", "x")]
    [InlineData("sub", "x")]
    [InlineData("email", "not-an-email")]
    [InlineData("phone_number", "12345")]
    public async Task UpdateUserAttributes_BadAttribute_InvalidParameter(string name, string value)
    {
        var user = await SignedInUser.CreateAsync(_api);

        var response = await UpdateAsync(user, (name, value));

        Assert.Equal("InvalidParameterException", response.ErrorType);
    }

    [Fact]
    public async Task UpdateUserAttributes_ImmutableCustomAttribute_InvalidParameter()
    {
        var pool = new JsonObject
        {
            ["Schema"] = new JsonArray(new JsonObject
            {
                ["Name"] = "team",
                ["AttributeDataType"] = "String",
                ["Mutable"] = false,
            }),
        };
        var user = await SignedInUser.CreateAsync(_api, pool);

        var response = await UpdateAsync(user, ("custom:team", "red"));

        Assert.Equal("InvalidParameterException", response.ErrorType);
    }

    [Fact]
    public async Task UpdateUserAttributes_PreferredUsernameTaken_AliasExists()
    {
        var pool = new JsonObject { ["AliasAttributes"] = new JsonArray("preferred_username") };
        var user = await SignedInUser.CreateAsync(_api, pool);
        await _api.CreateUserAsync(user.PoolId, "other", AuthSetup.Password, ("preferred_username", "taken"));

        var response = await UpdateAsync(user, ("preferred_username", "taken"));

        Assert.Equal("AliasExistsException", response.ErrorType);
        Assert.False((await user.AttributesAsync()).ContainsKey("preferred_username"));
    }

    [Fact]
    public async Task UpdateUserAttributes_InvalidToken_NotAuthorized()
    {
        var user = await SignedInUser.CreateAsync(_api);

        var response = await user.CallAsync("UpdateUserAttributes",
            new JsonObject { ["UserAttributes"] = SignedInUser.Attributes(("given_name", "Zoe")) }, "garbage");

        Assert.Equal("NotAuthorizedException", response.ErrorType);
    }
}
