using System.Text.Json.Nodes;
using Gatehouse.TestKit;

namespace Gatehouse.ApiTests.SelfService;

public sealed class VerifyUserAttributeTests(GatehouseFactory factory) : IClassFixture<GatehouseFactory>
{
    private readonly AwsApiClient _api = factory.CreateAwsClient();

    private async Task<string> RequestCodeAsync(SignedInUser user, string? token = null)
    {
        var response = await user.CallAsync("GetUserAttributeVerificationCode",
            new JsonObject { ["AttributeName"] = "email" }, token);
        Assert.Null(response.ErrorType);
        return await SelfServiceSetup.LastCodeAsync(factory, user.Email);
    }

    private static Task<AwsResponse> VerifyAsync(SignedInUser user, string code, string attribute = "email", string? token = null) =>
        user.CallAsync("VerifyUserAttribute", new JsonObject { ["AttributeName"] = attribute, ["Code"] = code }, token);

    [Fact]
    public async Task VerifyUserAttribute_RightCode_VerifiedAndCodeUsedUp()
    {
        var user = await SignedInUser.CreateAsync(_api);
        var code = await RequestCodeAsync(user);

        var response = await VerifyAsync(user, code);
        var again = await VerifyAsync(user, code);

        Assert.Null(response.ErrorType);
        Assert.Equal("{}", response.Body.ToJsonString());
        Assert.Equal("true", (await user.AttributesAsync())["email_verified"]);
        Assert.Equal("ExpiredCodeException", again.ErrorType);
    }

    [Fact]
    public async Task VerifyUserAttribute_WrongCode_CodeMismatchAndUnverified()
    {
        var user = await SignedInUser.CreateAsync(_api);
        var code = await RequestCodeAsync(user);

        var response = await VerifyAsync(user, SelfServiceSetup.Wrong(code));

        Assert.Equal("CodeMismatchException", response.ErrorType);
        Assert.NotEqual("true", (await user.AttributesAsync()).GetValueOrDefault("email_verified"));
    }

    [Fact]
    public async Task VerifyUserAttribute_NoCodeRequested_ExpiredCode()
    {
        var user = await SignedInUser.CreateAsync(_api);

        var response = await VerifyAsync(user, "123456");

        Assert.Equal("ExpiredCodeException", response.ErrorType);
    }

    [Fact]
    public async Task VerifyUserAttribute_AfterTwentyFourHours_ExpiredCode()
    {
        var user = await SignedInUser.CreateAsync(_api);
        var code = await RequestCodeAsync(user);
        factory.Clock.Advance(TimeSpan.FromHours(24));
        var (token, _) = await SignedInUser.SignInAsync(_api, user.ClientId, user.Username, AuthSetup.Password);

        var response = await VerifyAsync(user, code, token: token);

        Assert.Equal("ExpiredCodeException", response.ErrorType);
    }

    [Trait("SecurityRowPart", "6")]
    [Fact]
    public async Task VerifyUserAttribute_FiveWrongCodes_LimitExceededEvenForRightCode()
    {
        var user = await SignedInUser.CreateAsync(_api);
        var code = await RequestCodeAsync(user);
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal("CodeMismatchException", (await VerifyAsync(user, SelfServiceSetup.Wrong(code))).ErrorType);
        }

        var response = await VerifyAsync(user, code);

        Assert.Equal("LimitExceededException", response.ErrorType);
    }

    [Fact]
    public async Task VerifyUserAttribute_NewCodeRequested_OldCodeMismatch()
    {
        var user = await SignedInUser.CreateAsync(_api);
        var first = await RequestCodeAsync(user);
        var second = await RequestCodeAsync(user);

        var old = await VerifyAsync(user, first);

        Assert.Equal(first == second ? null : "CodeMismatchException", old.ErrorType);
    }

    [Fact]
    public async Task VerifyUserAttribute_NotVerifiableAttribute_InvalidParameter()
    {
        var user = await SignedInUser.CreateAsync(_api);

        var response = await VerifyAsync(user, "123456", "given_name");

        Assert.Equal("InvalidParameterException", response.ErrorType);
    }

    [Fact]
    public async Task VerifyUserAttribute_UserHasNoPhone_InvalidParameter()
    {
        var user = await SignedInUser.CreateAsync(_api);

        var response = await VerifyAsync(user, "123456", "phone_number");

        Assert.Equal("InvalidParameterException", response.ErrorType);
    }

    [Fact]
    public async Task VerifyUserAttribute_InvalidToken_NotAuthorized()
    {
        var user = await SignedInUser.CreateAsync(_api);
        var code = await RequestCodeAsync(user);

        var response = await VerifyAsync(user, code, token: "garbage");

        Assert.Equal("NotAuthorizedException", response.ErrorType);
        Assert.Null((await VerifyAsync(user, code)).ErrorType);
    }

    [Fact]
    public async Task VerifyUserAttribute_EmailAliasHeldByOther_AliasExistsAndCodeKept()
    {
        var pool = new JsonObject
        {
            ["AutoVerifiedAttributes"] = new JsonArray("email"),
            ["AliasAttributes"] = new JsonArray("email"),
        };
        var user = await SignedInUser.CreateAsync(_api, pool);
        var code = await RequestCodeAsync(user);
        await _api.CreateUserAsync(user.PoolId, "holder", AuthSetup.Password, ("email", user.Email), ("email_verified", "true"));

        var response = await VerifyAsync(user, code);

        Assert.Equal("AliasExistsException", response.ErrorType);
        Assert.NotEqual("true", (await user.AttributesAsync()).GetValueOrDefault("email_verified"));
    }
}
