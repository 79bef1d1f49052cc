using System.Text.Json.Nodes;
using Gatehouse.TestKit;

namespace Gatehouse.ApiTests.SelfService;

public sealed class DeleteUserTests(GatehouseFactory factory) : IClassFixture<GatehouseFactory>
{
    private readonly AwsApiClient _api = factory.CreateAwsClient();

    [Fact]
    public async Task DeleteUser_ValidToken_UserAndTokensGone()
    {
        var user = await SignedInUser.CreateAsync(_api);

        var response = await user.CallAsync("DeleteUser");

        Assert.Null(response.ErrorType);
        Assert.Equal("{}", response.Body.ToJsonString());
        var get = await _api.CallAsync("AdminGetUser", new { UserPoolId = user.PoolId, Username = user.Username });
        Assert.Equal("UserNotFoundException", get.ErrorType);
        Assert.Equal("NotAuthorizedException", (await user.CallAsync("GetUser")).ErrorType);
        var refresh = await _api.CallAsync("InitiateAuth", new
        {
            AuthFlow = "REFRESH_TOKEN_AUTH",
            user.ClientId,
            AuthParameters = new Dictionary<string, string> { ["REFRESH_TOKEN"] = user.RefreshToken },
        }, sign: false);
        Assert.Equal("NotAuthorizedException", refresh.ErrorType);
    }

    [Fact]
    public async Task DeleteUser_TwiceWithSameToken_SecondNotAuthorized()
    {
        var user = await SignedInUser.CreateAsync(_api);
        Assert.Null((await user.CallAsync("DeleteUser")).ErrorType);

        var again = await user.CallAsync("DeleteUser");

        Assert.Equal("NotAuthorizedException", again.ErrorType);
    }

    [Fact]
    public async Task DeleteUser_OtherSessionOfSameUser_AlsoRejected()
    {
        var user = await SignedInUser.CreateAsync(_api);
        var (other, _) = await SignedInUser.SignInAsync(_api, user.ClientId, user.Username, AuthSetup.Password);
        Assert.Null((await user.CallAsync("DeleteUser")).ErrorType);

        var response = await user.CallAsync("GetUser", accessToken: other);

        Assert.Equal("NotAuthorizedException", response.ErrorType);
    }

    [Fact]
    public async Task DeleteUser_InvalidToken_NotAuthorizedAndUserKept()
    {
        var user = await SignedInUser.CreateAsync(_api);

        var response = await user.CallAsync("DeleteUser", accessToken: "garbage");

        Assert.Equal("NotAuthorizedException", response.ErrorType);
        var get = await _api.CallAsync("AdminGetUser", new { UserPoolId = user.PoolId, Username = user.Username });
        Assert.Null(get.ErrorType);
    }

    [Fact]
    public async Task DeleteUser_MissingToken_InvalidParameter()
    {
        var response = await _api.SendAsync("DeleteUser", new JsonObject().ToJsonString(), sign: false);

        Assert.Equal("InvalidParameterException", response.ErrorType);
    }
}
