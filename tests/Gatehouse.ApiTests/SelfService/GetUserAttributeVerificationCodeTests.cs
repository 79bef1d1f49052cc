using System.Text.Json.Nodes;
using Gatehouse.TestKit;

namespace Gatehouse.ApiTests.SelfService;

public sealed class GetUserAttributeVerificationCodeTests(GatehouseFactory factory) : IClassFixture<GatehouseFactory>
{
    private readonly AwsApiClient _api = factory.CreateAwsClient();

    private static Task<AwsResponse> RequestCodeAsync(SignedInUser user, string attribute, string? token = null) =>
        user.CallAsync("GetUserAttributeVerificationCode", new JsonObject { ["AttributeName"] = attribute }, token);

    [Fact]
    public async Task GetUserAttributeVerificationCode_Email_CodeSentToEmail()
    {
        var user = await SignedInUser.CreateAsync(_api);

        var response = await RequestCodeAsync(user, "email");

        Assert.Null(response.ErrorType);
        var delivery = response["CodeDeliveryDetails"]!;
        Assert.Equal("EMAIL", delivery["DeliveryMedium"]!.GetValue<string>());
        Assert.Equal("email", delivery["AttributeName"]!.GetValue<string>());
        Assert.Equal($"{user.Email[0]}***@e***", delivery["Destination"]!.GetValue<string>());
        Assert.Matches("^[0-9]{6}$", await SelfServiceSetup.LastCodeAsync(factory, user.Email));
    }

    [Fact]
    public async Task GetUserAttributeVerificationCode_Phone_SmsSent()
    {
        var phone = SelfServiceSetup.NewPhone();
        var user = await SignedInUser.CreateAsync(_api, extraAttributes: ("phone_number", phone));

        var response = await RequestCodeAsync(user, "phone_number");

        Assert.Equal("SMS", response["CodeDeliveryDetails"]!["DeliveryMedium"]!.GetValue<string>());
        Assert.Single(await TestStore.OutboxAsync(factory, phone));
    }

    [Fact]
    public async Task GetUserAttributeVerificationCode_AttributeNotVerifiable_InvalidParameter()
    {
        var user = await SignedInUser.CreateAsync(_api);

        var response = await RequestCodeAsync(user, "given_name");

        Assert.Equal("InvalidParameterException", response.ErrorType);
    }

    [Fact]
    public async Task GetUserAttributeVerificationCode_UserHasNoPhone_InvalidParameterAndNothingSent()
    {
        var user = await SignedInUser.CreateAsync(_api);

        var response = await RequestCodeAsync(user, "phone_number");

        Assert.Equal("InvalidParameterException", response.ErrorType);
        Assert.Empty(await TestStore.OutboxOfPoolAsync(factory, user.PoolId));
    }

    [Fact]
    public async Task GetUserAttributeVerificationCode_InvalidToken_NotAuthorized()
    {
        var user = await SignedInUser.CreateAsync(_api);

        var response = await RequestCodeAsync(user, "email", "garbage");

        Assert.Equal("NotAuthorizedException", response.ErrorType);
        Assert.Empty(await TestStore.OutboxOfPoolAsync(factory, user.PoolId));
    }
}
