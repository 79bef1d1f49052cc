using System.Text.Json.Nodes;
using Gatehouse.TestKit;

namespace Gatehouse.ApiTests.SelfService;

public sealed class ChangePasswordTests(GatehouseFactory factory) : IClassFixture<GatehouseFactory>
{
    private const string NewPassword = "N3w-Passw0rd!";
    private readonly AwsApiClient _api = factory.CreateAwsClient();

    private static Task<AwsResponse> ChangeAsync(SignedInUser user, string? previous, string proposed, string? token = null)
    {
        var body = new JsonObject { ["ProposedPassword"] = proposed };
        if (previous is not null)
        {
            body["PreviousPassword"] = previous;
        }

        return user.CallAsync("ChangePassword", body, token);
    }

    [Fact]
    public async Task ChangePassword_CorrectPrevious_NewSignsInOldDoesNot()
    {
        var user = await SignedInUser.CreateAsync(_api);

        var response = await ChangeAsync(user, AuthSetup.Password, NewPassword);

        Assert.Null(response.ErrorType);
        Assert.Equal("{}", response.Body.ToJsonString());
        Assert.Null((await _api.PasswordAuthAsync(user.ClientId, user.Username, NewPassword)).ErrorType);
        var old = await _api.PasswordAuthAsync(user.ClientId, user.Username, AuthSetup.Password);
        Assert.Equal("NotAuthorizedException", old.ErrorType);
    }

    [Fact]
    public async Task ChangePassword_WrongPrevious_NotAuthorizedAndPasswordKept()
    {
        var user = await SignedInUser.CreateAsync(_api);

        var response = await ChangeAsync(user, "Wr0ng-Password!", NewPassword);

        Assert.Equal("NotAuthorizedException", response.ErrorType);
        Assert.Equal("Incorrect username or password.", response.Message);
        Assert.Null((await _api.PasswordAuthAsync(user.ClientId, user.Username, AuthSetup.Password)).ErrorType);
    }

    [Fact]
    public async Task ChangePassword_WeakProposed_InvalidPassword()
    {
        var user = await SignedInUser.CreateAsync(_api);

        var response = await ChangeAsync(user, AuthSetup.Password, "weak");

        Assert.Equal("InvalidPasswordException", response.ErrorType);
        Assert.Null((await _api.PasswordAuthAsync(user.ClientId, user.Username, AuthSetup.Password)).ErrorType);
    }

    [Fact]
    public async Task ChangePassword_MissingPrevious_InvalidParameter()
    {
        var user = await SignedInUser.CreateAsync(_api);

        var response = await ChangeAsync(user, null, NewPassword);

        Assert.Equal("InvalidParameterException", response.ErrorType);
    }

    [Trait("SecurityRowPart", "4")]
    [Fact]
    public async Task ChangePassword_RepeatedWrongPrevious_LockedForChangeAndSignIn()
    {
        var user = await SignedInUser.CreateAsync(_api);
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal("NotAuthorizedException", (await ChangeAsync(user, "Wr0ng-Password!", NewPassword)).ErrorType);
        }

        var locked = await ChangeAsync(user, AuthSetup.Password, NewPassword);
        var signIn = await _api.PasswordAuthAsync(user.ClientId, user.Username, AuthSetup.Password);

        Assert.Equal("LimitExceededException", locked.ErrorType);
        Assert.Equal("Attempt limit exceeded, please try after some time.", locked.Message);
        Assert.Equal("NotAuthorizedException", signIn.ErrorType);
        Assert.Equal("Password attempts exceeded", signIn.Message);
    }

    [Fact]
    public async Task ChangePassword_CorrectPrevious_ResetsFailureCount()
    {
        var user = await SignedInUser.CreateAsync(_api);
        for (var i = 0; i < 4; i++)
        {
            await ChangeAsync(user, "Wr0ng-Password!", NewPassword);
        }

        Assert.Null((await ChangeAsync(user, AuthSetup.Password, NewPassword)).ErrorType);

        Assert.Equal(0, (await TestStore.UserAsync(factory, user.PoolId, user.Username)).FailedSignIns);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("eyJhbGciOiJub25lIn0.eyJpc3MiOiJ4In0.")]
    public async Task ChangePassword_InvalidAccessToken_NotAuthorized(string token)
    {
        var user = await SignedInUser.CreateAsync(_api);

        var response = await ChangeAsync(user, AuthSetup.Password, NewPassword, token);

        Assert.Equal("NotAuthorizedException", response.ErrorType);
        Assert.Null((await _api.PasswordAuthAsync(user.ClientId, user.Username, AuthSetup.Password)).ErrorType);
    }

    [Fact]
    public async Task ChangePassword_RevokedToken_NotAuthorized()
    {
        var user = await SignedInUser.CreateAsync(_api);
        Assert.Null((await user.CallAsync("GlobalSignOut")).ErrorType);

        var response = await ChangeAsync(user, AuthSetup.Password, NewPassword);

        Assert.Equal("NotAuthorizedException", response.ErrorType);
        Assert.Equal("Access Token has been revoked", response.Message);
    }
}
