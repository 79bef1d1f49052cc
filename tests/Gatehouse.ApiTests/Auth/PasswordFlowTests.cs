using System.Net;
using System.Text.Json.Nodes;
using Gatehouse.Server.Auth;
using Gatehouse.TestKit;

namespace Gatehouse.ApiTests.Auth;

public sealed class PasswordFlowTests(GatehouseFactory factory) : IClassFixture<GatehouseFactory>
{
    private readonly AwsApiClient _client = factory.CreateAwsClient();

    [Fact]
    public async Task InitiateAuth_WrongPassword_ReturnsNotAuthorized()
    {
        var (pool, clientId, _) = await _client.PoolAndClientAsync();
        await _client.CreateUserAsync(pool, "wrong-pw");

        var response = await _client.PasswordAuthAsync(clientId, "wrong-pw", "Nope0000!x");

        Assert.Equal("NotAuthorizedException", response.ErrorType);
        Assert.Equal("Incorrect username or password.", response.Message);
    }

    [Trait("SecurityRowPart", "10")]
    [Fact]
    public async Task InitiateAuth_UnknownUserLegacy_ReturnsUserNotFound()
    {
        var (_, clientId, _) = await _client.PoolAndClientAsync();

        var response = await _client.PasswordAuthAsync(clientId, "ghost", AuthSetup.Password);

        Assert.Equal("UserNotFoundException", response.ErrorType);
    }

    [Trait("SecurityRowPart", "8")]
    [Trait("SecurityRowPart", "10")]
    [Fact]
    public async Task InitiateAuth_UnknownUserPreventExistence_SameAsWrongPassword()
    {
        var (pool, clientId, _) = await _client.PoolAndClientAsync(new JsonObject { ["PreventUserExistenceErrors"] = "ENABLED" });
        await _client.CreateUserAsync(pool, "real");

        var unknown = await _client.PasswordAuthAsync(clientId, "ghost", AuthSetup.Password);
        var wrong = await _client.PasswordAuthAsync(clientId, "real", "Nope0000!x");

        Assert.Equal(wrong.Status, unknown.Status);
        Assert.Equal(wrong.ErrorType, unknown.ErrorType);
        Assert.Equal(wrong.Message, unknown.Message);
        Assert.Equal("NotAuthorizedException", unknown.ErrorType);
    }

    [Fact]
    public async Task InitiateAuth_DisabledUser_ReturnsUserDisabled()
    {
        var (pool, clientId, _) = await _client.PoolAndClientAsync();
        await _client.CreateUserAsync(pool, "disabled");
        await _client.CallAsync("AdminDisableUser", new { UserPoolId = pool, Username = "disabled" });

        var response = await _client.PasswordAuthAsync(clientId, "disabled", AuthSetup.Password);

        Assert.Equal("NotAuthorizedException", response.ErrorType);
        Assert.Equal("User is disabled.", response.Message);
    }

    [Fact]
    public async Task InitiateAuth_UnconfirmedUser_ReturnsUserNotConfirmed()
    {
        var (pool, clientId, _) = await _client.PoolAndClientAsync();
        await _client.CreateUserAsync(pool, "unconfirmed");
        await TestStore.SetStatusAsync(factory, pool, "unconfirmed", "UNCONFIRMED");

        var wrong = await _client.PasswordAuthAsync(clientId, "unconfirmed", "Nope0000!x");
        var right = await _client.PasswordAuthAsync(clientId, "unconfirmed", AuthSetup.Password);

        Assert.Equal("NotAuthorizedException", wrong.ErrorType);
        Assert.Equal("UserNotConfirmedException", right.ErrorType);
    }

    [Fact]
    public async Task InitiateAuth_ResetRequired_ReturnsPasswordResetRequired()
    {
        var (pool, clientId, _) = await _client.PoolAndClientAsync();
        await _client.CreateUserAsync(pool, "reset", AuthSetup.Password, ("email", "reset@example.com"), ("email_verified", "true"));
        await _client.CallAsync("AdminResetUserPassword", new { UserPoolId = pool, Username = "reset" });

        var response = await _client.PasswordAuthAsync(clientId, "reset", AuthSetup.Password);

        Assert.Equal("PasswordResetRequiredException", response.ErrorType);
    }

    [Fact]
    public async Task InitiateAuth_SecretClientWithRightHash_ReturnsTokens()
    {
        var (pool, clientId, secret) = await _client.PoolAndClientAsync(new JsonObject { ["GenerateSecret"] = true });
        await _client.CreateUserAsync(pool, "hashed");

        var response = await _client.PasswordAuthAsync(clientId, "hashed", AuthSetup.Password,
            SecretHash.Compute(secret!, "hashed", clientId));

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.NotNull(response["AuthenticationResult"]);
    }

    [Fact]
    public async Task InitiateAuth_LegacyUserPasswordFlowName_Allowed()
    {
        var (pool, clientId, _) = await _client.PoolAndClientAsync(new JsonObject
        {
            ["ExplicitAuthFlows"] = new JsonArray("USER_PASSWORD_AUTH"),
        });
        await _client.CreateUserAsync(pool, "legacy");

        var response = await _client.PasswordAuthAsync(clientId, "legacy", AuthSetup.Password);

        Assert.Equal(HttpStatusCode.OK, response.Status);
    }

    [Theory]
    [InlineData("ADMIN_USER_PASSWORD_AUTH")]
    [InlineData("ADMIN_NO_SRP_AUTH")]
    public async Task AdminInitiateAuth_AdminPasswordFlows_ReturnTokens(string flow)
    {
        var (pool, clientId, _) = await _client.PoolAndClientAsync();
        await _client.CreateUserAsync(pool, "admin-flow", AuthSetup.Password, ("email", "af@example.com"));

        var response = await _client.CallAsync("AdminInitiateAuth", new
        {
            UserPoolId = pool,
            ClientId = clientId,
            AuthFlow = flow,
            AuthParameters = new Dictionary<string, string> { ["USERNAME"] = "admin-flow", ["PASSWORD"] = AuthSetup.Password },
        });

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.NotNull(response["AuthenticationResult"]?["IdToken"]);
    }

    [Fact]
    public async Task AdminInitiateAuth_FlowNotAllowed_InvalidParameter()
    {
        var (pool, clientId, _) = await _client.PoolAndClientAsync(new JsonObject
        {
            ["ExplicitAuthFlows"] = new JsonArray("ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"),
        });

        var response = await _client.CallAsync("AdminInitiateAuth", new
        {
            UserPoolId = pool,
            ClientId = clientId,
            AuthFlow = "ADMIN_USER_PASSWORD_AUTH",
            AuthParameters = new Dictionary<string, string> { ["USERNAME"] = "u", ["PASSWORD"] = "p" },
        });

        Assert.Equal("InvalidParameterException", response.ErrorType);
    }

    [Fact]
    public async Task InitiateAuth_SignInByEmailAlias_UsesStoredUsername()
    {
        var (pool, clientId, _) = await _client.PoolAndClientAsync(pool: new JsonObject { ["UsernameAttributes"] = new JsonArray("email") });
        await _client.CreateUserAsync(pool, "mail@example.com", AuthSetup.Password, ("email_verified", "true"));

        var response = await _client.PasswordAuthAsync(clientId, "mail@example.com", AuthSetup.Password);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        var payload = Tokens.TokenVerifier.Payload(response["AuthenticationResult"]!["IdToken"]!.GetValue<string>());
        Assert.Equal(payload["sub"]!.GetValue<string>(), payload["cognito:username"]!.GetValue<string>());
    }
}
