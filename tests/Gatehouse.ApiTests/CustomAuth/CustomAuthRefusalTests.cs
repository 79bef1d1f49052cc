using System.Text.Json.Nodes;
using Gatehouse.TestKit;

namespace Gatehouse.ApiTests.CustomAuth;

/// <summary>
/// CUSTOM_AUTH's refusals that come before any trigger runs: the client must allow the flow, the pool must have
/// the three challenge triggers (Cognito's InvalidParameterException), and CUSTOM_CHALLENGE answers need USERNAME
/// and ANSWER.
/// </summary>
public sealed class CustomAuthRefusalTests(GatehouseFactory factory) : IClassFixture<GatehouseFactory>
{
    private const string NotConfigured = "Custom auth lambda trigger is not configured for the user pool.";
    private readonly AwsApiClient _client = factory.CreateAwsClient();

    private Task<(string PoolId, string ClientId, string? Secret)> CustomClientAsync() =>
        _client.PoolAndClientAsync(new JsonObject
        {
            ["ExplicitAuthFlows"] = new JsonArray("ALLOW_CUSTOM_AUTH", "ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"),
        });

    [Fact]
    public async Task InitiateAuth_CustomAuthNotAllowed_FlowNotEnabled()
    {
        var (_, clientId, _) = await _client.PoolAndClientAsync();

        var response = await _client.CallAsync("InitiateAuth", new
        {
            AuthFlow = "CUSTOM_AUTH",
            ClientId = clientId,
            AuthParameters = new Dictionary<string, string> { ["USERNAME"] = "someone" },
        }, sign: false);

        Assert.Equal("InvalidParameterException", response.ErrorType);
        Assert.Equal("CUSTOM_AUTH flow not enabled for this client", response.Message);
    }

    [Fact]
    public async Task InitiateAuth_CustomAuthWithoutTriggers_NotConfigured()
    {
        var (pool, clientId, _) = await CustomClientAsync();
        await _client.CreateUserAsync(pool, "custom-user");

        var response = await _client.CallAsync("InitiateAuth", new
        {
            AuthFlow = "CUSTOM_AUTH",
            ClientId = clientId,
            AuthParameters = new Dictionary<string, string> { ["USERNAME"] = "custom-user" },
        }, sign: false);

        Assert.Equal("InvalidParameterException", response.ErrorType);
        Assert.Equal(NotConfigured, response.Message);
    }

    [Fact]
    public async Task AdminInitiateAuth_CustomAuthWithoutTriggers_NotConfigured()
    {
        var (pool, clientId, _) = await CustomClientAsync();

        var response = await _client.CallAsync("AdminInitiateAuth", new
        {
            UserPoolId = pool,
            AuthFlow = "CUSTOM_AUTH",
            ClientId = clientId,
            AuthParameters = new Dictionary<string, string> { ["USERNAME"] = "nobody" },
        });

        Assert.Equal("InvalidParameterException", response.ErrorType);
        Assert.Equal(NotConfigured, response.Message);
    }

    [Fact]
    public async Task RespondToAuthChallenge_CustomChallengeWithoutAnswer_MissingParameter()
    {
        var (_, clientId, _) = await CustomClientAsync();

        var response = await _client.CallAsync("RespondToAuthChallenge", new
        {
            ChallengeName = "CUSTOM_CHALLENGE",
            ClientId = clientId,
            Session = new string('A', 40),
            ChallengeResponses = new Dictionary<string, string> { ["USERNAME"] = "someone" },
        }, sign: false);

        Assert.Equal("InvalidParameterException", response.ErrorType);
        Assert.Equal("Missing required parameter ANSWER", response.Message);
    }

    [Fact]
    public async Task RespondToAuthChallenge_CustomChallengeWithoutTriggers_NotConfigured()
    {
        var (_, clientId, _) = await CustomClientAsync();

        var response = await _client.CallAsync("RespondToAuthChallenge", new
        {
            ChallengeName = "CUSTOM_CHALLENGE",
            ClientId = clientId,
            Session = new string('A', 40),
            ChallengeResponses = new Dictionary<string, string> { ["USERNAME"] = "someone", ["ANSWER"] = "42" },
        }, sign: false);

        Assert.Equal("InvalidParameterException", response.ErrorType);
        Assert.Equal(NotConfigured, response.Message);
    }
}
