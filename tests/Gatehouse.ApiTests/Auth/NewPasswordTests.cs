using System.Net;
using System.Text.Json.Nodes;
using Gatehouse.TestKit;

namespace Gatehouse.ApiTests.Auth;

public sealed class NewPasswordTests(GatehouseFactory factory) : IClassFixture<GatehouseFactory>
{
    private const string Temporary = "Temp0rary!x";
    private const string NewPassword = "Brand0New!x";
    private readonly AwsApiClient _client = factory.CreateAwsClient();

    private async Task<(string Pool, string ClientId, AwsResponse Challenge)> ChallengeAsync(string user, JsonObject? pool = null)
    {
        var (poolId, clientId, _) = await _client.PoolAndClientAsync(pool: pool);
        await _client.CreateUserWithTemporaryPasswordAsync(poolId, user, Temporary, ("email", $"{user}@example.com"));
        var challenge = await _client.PasswordAuthAsync(clientId, user, Temporary);
        return (poolId, clientId, challenge);
    }

    private Task<AwsResponse> RespondAsync(string clientId, string? session, Dictionary<string, string> responses) =>
        _client.CallAsync("RespondToAuthChallenge",
            new { ClientId = clientId, ChallengeName = "NEW_PASSWORD_REQUIRED", Session = session, ChallengeResponses = responses },
            sign: false);

    [Fact]
    public async Task InitiateAuth_TemporaryPassword_NewPasswordRequiredWithSession()
    {
        var (_, _, challenge) = await ChallengeAsync("temp1");

        Assert.Equal("NEW_PASSWORD_REQUIRED", challenge["ChallengeName"]!.GetValue<string>());
        Assert.NotNull(challenge["Session"]);
        var parameters = challenge["ChallengeParameters"]!;
        Assert.Equal("temp1", parameters["USER_ID_FOR_SRP"]!.GetValue<string>());
        Assert.Equal("[]", parameters["requiredAttributes"]!.GetValue<string>());
        var attributes = JsonNode.Parse(parameters["userAttributes"]!.GetValue<string>())!.AsObject();
        Assert.Equal("temp1@example.com", attributes["email"]!.GetValue<string>());
        Assert.Null(attributes["sub"]);
    }

    [Fact]
    public async Task RespondToAuthChallenge_NewPassword_ConfirmsUserAndReturnsTokens()
    {
        var (pool, clientId, challenge) = await ChallengeAsync("temp2");

        var response = await RespondAsync(clientId, challenge["Session"]!.GetValue<string>(), new()
        {
            ["USERNAME"] = "temp2",
            ["NEW_PASSWORD"] = NewPassword,
            ["userAttributes.given_name"] = "Ann",
        });

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.NotNull(response["AuthenticationResult"]?["IdToken"]);
        var user = await TestStore.UserAsync(factory, pool, "temp2");
        Assert.Equal("CONFIRMED", user.Status);
        Assert.Contains("\"given_name\":\"Ann\"", user.Attributes, StringComparison.Ordinal);
        var again = await _client.PasswordAuthAsync(clientId, "temp2", NewPassword);
        Assert.NotNull(again["AuthenticationResult"]);
    }

    [Trait("SecurityRowPart", "73")]
    [Fact]
    public async Task RespondToAuthChallenge_SessionUsedTwice_NotAuthorized()
    {
        var (_, clientId, challenge) = await ChallengeAsync("temp3");
        var session = challenge["Session"]!.GetValue<string>();
        var responses = new Dictionary<string, string> { ["USERNAME"] = "temp3", ["NEW_PASSWORD"] = NewPassword };

        await RespondAsync(clientId, session, responses);
        var second = await RespondAsync(clientId, session, responses);

        Assert.Equal("NotAuthorizedException", second.ErrorType);
    }

    [Trait("SecurityRowPart", "73")]
    [Fact]
    public async Task RespondToAuthChallenge_SessionExpiry_OneSecondBeforeWorksAtExpiryFails()
    {
        var (_, clientId, first) = await ChallengeAsync("temp4");
        var (_, clientId2, second) = await ChallengeAsync("temp5");
        factory.Clock.Advance(TimeSpan.FromMinutes(3) - TimeSpan.FromSeconds(1));
        var before = await RespondAsync(clientId, first["Session"]!.GetValue<string>(),
            new() { ["USERNAME"] = "temp4", ["NEW_PASSWORD"] = NewPassword });
        factory.Clock.Advance(TimeSpan.FromSeconds(1));
        var at = await RespondAsync(clientId2, second["Session"]!.GetValue<string>(),
            new() { ["USERNAME"] = "temp5", ["NEW_PASSWORD"] = NewPassword });

        Assert.Equal(HttpStatusCode.OK, before.Status);
        Assert.Equal("NotAuthorizedException", at.ErrorType);
        Assert.Equal("Invalid session for the user, session is expired.", at.Message);
    }

    [Fact]
    public async Task RespondToAuthChallenge_WeakPassword_InvalidPasswordAndStillTemporary()
    {
        var (pool, clientId, challenge) = await ChallengeAsync("temp6");

        var response = await RespondAsync(clientId, challenge["Session"]!.GetValue<string>(),
            new() { ["USERNAME"] = "temp6", ["NEW_PASSWORD"] = "weak" });

        Assert.Equal("InvalidPasswordException", response.ErrorType);
        Assert.Equal("FORCE_CHANGE_PASSWORD", (await TestStore.UserAsync(factory, pool, "temp6")).Status);
    }

    [Fact]
    public async Task RespondToAuthChallenge_ForgedSession_NotAuthorized()
    {
        var (_, clientId, _) = await ChallengeAsync("temp7");

        var response = await RespondAsync(clientId, Convert.ToBase64String(new byte[64]),
            new() { ["USERNAME"] = "temp7", ["NEW_PASSWORD"] = NewPassword });

        Assert.Equal("NotAuthorizedException", response.ErrorType);
        Assert.Equal("Invalid session for the user.", response.Message);
    }

    [Fact]
    public async Task RespondToAuthChallenge_InvalidAttribute_InvalidParameter()
    {
        var (_, clientId, challenge) = await ChallengeAsync("temp8");

        var response = await RespondAsync(clientId, challenge["Session"]!.GetValue<string>(),
            new() { ["USERNAME"] = "temp8", ["NEW_PASSWORD"] = NewPassword, ["userAttributes.custom:nope"] = "x" });

        Assert.Equal("InvalidParameterException", response.ErrorType);
    }

    [Fact]
    public async Task InitiateAuth_TemporaryPasswordExpiry_OneSecondBeforeChallengeAtExpiryRefused()
    {
        var (poolId, clientId, _) = await _client.PoolAndClientAsync(pool: new JsonObject
        {
            ["Policies"] = new JsonObject
            {
                ["PasswordPolicy"] = new JsonObject { ["MinimumLength"] = 8, ["TemporaryPasswordValidityDays"] = 2 },
            },
        });
        await _client.CreateUserWithTemporaryPasswordAsync(poolId, "expiring", Temporary);

        factory.Clock.Advance(TimeSpan.FromDays(2) - TimeSpan.FromSeconds(1));
        var before = await _client.PasswordAuthAsync(clientId, "expiring", Temporary);
        factory.Clock.Advance(TimeSpan.FromSeconds(1));
        var at = await _client.PasswordAuthAsync(clientId, "expiring", Temporary);

        Assert.Equal("NEW_PASSWORD_REQUIRED", before["ChallengeName"]!.GetValue<string>());
        Assert.Equal("NotAuthorizedException", at.ErrorType);
        Assert.Equal("Temporary password has expired and must be reset by an administrator.", at.Message);
    }
}
