using System.Text.Json.Nodes;
using Gatehouse.TestKit;

namespace Gatehouse.ApiTests.SelfService;

/// <summary>UpdateUserAttributes in a pool with UserAttributeUpdateSettings.AttributesRequireVerificationBeforeUpdate.</summary>
public sealed class VerificationBeforeUpdateTests(GatehouseFactory factory) : IClassFixture<GatehouseFactory>
{
    private readonly AwsApiClient _api = factory.CreateAwsClient();

    private static JsonObject Pool() => new()
    {
        ["AutoVerifiedAttributes"] = new JsonArray("email"),
        ["UserAttributeUpdateSettings"] = new JsonObject
        {
            ["AttributesRequireVerificationBeforeUpdate"] = new JsonArray("email"),
        },
    };

    private static Task<AwsResponse> UpdateEmailAsync(SignedInUser user, string email) =>
        user.CallAsync("UpdateUserAttributes",
            new JsonObject { ["UserAttributes"] = SignedInUser.Attributes(("email", email)) });

    private static Task<AwsResponse> VerifyAsync(SignedInUser user, string code) =>
        user.CallAsync("VerifyUserAttribute", new JsonObject { ["AttributeName"] = "email", ["Code"] = code });

    [Fact]
    public async Task UpdateUserAttributes_RequireVerification_OldEmailKeptUntilVerified()
    {
        var user = await SignedInUser.CreateAsync(_api, Pool(), extraAttributes: ("email_verified", "true"));
        var newEmail = SelfServiceSetup.NewEmail();

        var response = await UpdateEmailAsync(user, newEmail);

        Assert.Equal("email", Assert.Single(response["CodeDeliveryDetailsList"]!.AsArray())!["AttributeName"]!.GetValue<string>());
        var during = await user.AttributesAsync();
        Assert.Equal((user.Email, "true"), (during["email"], during["email_verified"]));
        Assert.Null((await VerifyAsync(user, await SelfServiceSetup.LastCodeAsync(factory, newEmail))).ErrorType);
        var after = await user.AttributesAsync();
        Assert.Equal((newEmail, "true"), (after["email"], after["email_verified"]));
        Assert.Null((await TestStore.UserAsync(factory, user.PoolId, user.Username)).PendingAttributes);
    }

    [Fact]
    public async Task GetUserAttributeVerificationCode_PendingEmail_SentToNewValue()
    {
        var user = await SignedInUser.CreateAsync(_api, Pool(), extraAttributes: ("email_verified", "true"));
        var newEmail = SelfServiceSetup.NewEmail();
        Assert.Null((await UpdateEmailAsync(user, newEmail)).ErrorType);

        var response = await user.CallAsync("GetUserAttributeVerificationCode", new JsonObject { ["AttributeName"] = "email" });

        Assert.Null(response.ErrorType);
        Assert.Equal(2, (await TestStore.OutboxAsync(factory, newEmail)).Count);
        Assert.Empty(await TestStore.OutboxAsync(factory, user.Email));
    }

    [Fact]
    public async Task UpdateUserAttributes_BackToCurrentValue_PendingDroppedAndCodeNoLongerVerifies()
    {
        var user = await SignedInUser.CreateAsync(_api, Pool(), extraAttributes: ("email_verified", "true"));
        var newEmail = SelfServiceSetup.NewEmail();
        Assert.Null((await UpdateEmailAsync(user, newEmail)).ErrorType);
        var code = await SelfServiceSetup.LastCodeAsync(factory, newEmail);

        Assert.Null((await UpdateEmailAsync(user, user.Email)).ErrorType);
        var verify = await VerifyAsync(user, code);

        Assert.Equal("ExpiredCodeException", verify.ErrorType);
        Assert.Equal(user.Email, (await user.AttributesAsync())["email"]);
        Assert.Null((await TestStore.UserAsync(factory, user.PoolId, user.Username)).PendingAttributes);
    }

    [Fact]
    public async Task VerifyUserAttribute_PendingEmailTakenMeanwhile_AliasExistsAndOldKept()
    {
        var pool = Pool();
        pool["AliasAttributes"] = new JsonArray("email");
        var user = await SignedInUser.CreateAsync(_api, pool, extraAttributes: ("email_verified", "true"));
        var newEmail = SelfServiceSetup.NewEmail();
        Assert.Null((await UpdateEmailAsync(user, newEmail)).ErrorType);
        var code = await SelfServiceSetup.LastCodeAsync(factory, newEmail);
        await _api.CreateUserAsync(user.PoolId, "holder", AuthSetup.Password, ("email", newEmail), ("email_verified", "true"));

        var verify = await VerifyAsync(user, code);

        Assert.Equal("AliasExistsException", verify.ErrorType);
        Assert.Equal(user.Email, (await user.AttributesAsync())["email"]);
    }
}
