using System.Text.Json.Nodes;
using Gatehouse.TestKit;

namespace Gatehouse.ApiTests.Auth;

/// <summary>The first failing check decides the error (AuthChecks order).</summary>
public sealed class AuthCheckOrderTests(GatehouseFactory factory) : IClassFixture<GatehouseFactory>
{
    private readonly AwsApiClient _client = factory.CreateAwsClient();

    private Task<AwsResponse> Initiate(string flow, string clientId, Dictionary<string, string> parameters) =>
        _client.CallAsync("InitiateAuth", new { AuthFlow = flow, ClientId = clientId, AuthParameters = parameters }, sign: false);

    [Fact]
    public async Task InitiateAuth_MissingClientId_InvalidParameterBeforeAnything()
    {
        var response = await _client.CallAsync("InitiateAuth", new { AuthFlow = "USER_PASSWORD_AUTH" }, sign: false);

        Assert.Equal("InvalidParameterException", response.ErrorType);
    }

    [Fact]
    public async Task InitiateAuth_AdminFlowWithUnknownClient_MethodNotSupportedFirst()
    {
        var response = await Initiate("ADMIN_USER_PASSWORD_AUTH", "nosuchclient", []);

        Assert.Equal("InvalidParameterException", response.ErrorType);
        Assert.Equal("Initiate Auth method not supported.", response.Message);
    }

    [Fact]
    public async Task InitiateAuth_UnknownClientAndMissingParameters_ResourceNotFound()
    {
        var response = await Initiate("USER_PASSWORD_AUTH", "nosuchclient", []);

        Assert.Equal("ResourceNotFoundException", response.ErrorType);
    }

    [Fact]
    public async Task InitiateAuth_FlowNotAllowedAndMissingParameters_FlowNotEnabled()
    {
        var (_, clientId, _) = await _client.PoolAndClientAsync(new JsonObject
        {
            ["ExplicitAuthFlows"] = new JsonArray("ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"),
        });

        var response = await Initiate("USER_PASSWORD_AUTH", clientId, []);

        Assert.Equal("InvalidParameterException", response.ErrorType);
        Assert.Equal("USER_PASSWORD_AUTH flow not enabled for this client", response.Message);
    }

    [Fact]
    public async Task InitiateAuth_MissingPasswordAndSecretHash_MissingParameterBeforeSecretHash()
    {
        var (_, clientId, _) = await _client.PoolAndClientAsync(new JsonObject { ["GenerateSecret"] = true });

        var response = await Initiate("USER_PASSWORD_AUTH", clientId, new() { ["USERNAME"] = "x" });

        Assert.Equal("InvalidParameterException", response.ErrorType);
        Assert.Equal("Missing required parameter PASSWORD", response.Message);
    }

    [Trait("SecurityRowPart", "40")]
    [Fact]
    public async Task InitiateAuth_SecretClientWithoutSecretHash_NotAuthorizedBeforeUserLookup()
    {
        var (_, clientId, _) = await _client.PoolAndClientAsync(new JsonObject { ["GenerateSecret"] = true });

        var response = await Initiate("USER_PASSWORD_AUTH", clientId, new() { ["USERNAME"] = "nobody", ["PASSWORD"] = "x" });

        Assert.Equal("NotAuthorizedException", response.ErrorType);
        Assert.Equal($"Client {clientId} is configured with secret but SECRET_HASH was not received", response.Message);
    }

    [Trait("SecurityRowPart", "40")]
    [Fact]
    public async Task InitiateAuth_WrongSecretHash_UnableToVerify()
    {
        var (_, clientId, _) = await _client.PoolAndClientAsync(new JsonObject { ["GenerateSecret"] = true });

        var response = await Initiate("USER_PASSWORD_AUTH", clientId,
            new() { ["USERNAME"] = "nobody", ["PASSWORD"] = "x", ["SECRET_HASH"] = "AAAA" });

        Assert.Equal("NotAuthorizedException", response.ErrorType);
        Assert.Equal($"Unable to verify secret hash for client {clientId}", response.Message);
    }

    [Fact]
    public async Task InitiateAuth_CustomAuthWithoutTriggersAndMissingUsername_NotConfiguredFirst()
    {
        var (_, clientId, _) = await _client.PoolAndClientAsync(
            new JsonObject { ["ExplicitAuthFlows"] = new JsonArray("ALLOW_CUSTOM_AUTH") });

        var response = await Initiate("CUSTOM_AUTH", clientId, []);

        Assert.Equal("InvalidParameterException", response.ErrorType);
        Assert.Equal("Custom auth lambda trigger is not configured for the user pool.", response.Message);
    }

    [Fact]
    public async Task AdminInitiateAuth_UnknownPool_ResourceNotFoundBeforeClient()
    {
        var response = await _client.CallAsync("AdminInitiateAuth", new
        {
            UserPoolId = "us-east-1_nopool123",
            ClientId = "nosuchclient",
            AuthFlow = "ADMIN_USER_PASSWORD_AUTH",
        });

        Assert.Equal("ResourceNotFoundException", response.ErrorType);
        Assert.Equal("User pool us-east-1_nopool123 does not exist.", response.Message);
    }

    [Trait("SecurityRowPart", "88")]
    [Fact]
    public async Task AdminInitiateAuth_ClientOfAnotherPool_ResourceNotFound()
    {
        var (_, clientId, _) = await _client.PoolAndClientAsync();
        var other = await _client.CreatePoolIdAsync();

        var response = await _client.CallAsync("AdminInitiateAuth", new
        {
            UserPoolId = other,
            ClientId = clientId,
            AuthFlow = "ADMIN_USER_PASSWORD_AUTH",
            AuthParameters = new Dictionary<string, string> { ["USERNAME"] = "u", ["PASSWORD"] = "p" },
        });

        Assert.Equal("ResourceNotFoundException", response.ErrorType);
    }

    [Fact]
    public async Task AdminInitiateAuth_UserPasswordAuth_MethodNotSupported()
    {
        var (pool, clientId, _) = await _client.PoolAndClientAsync();

        var response = await _client.CallAsync("AdminInitiateAuth", new
        {
            UserPoolId = pool,
            ClientId = clientId,
            AuthFlow = "USER_PASSWORD_AUTH",
        });

        Assert.Equal("InvalidParameterException", response.ErrorType);
    }

    [Trait("SecurityRowPart", "63")]
    [Fact]
    public async Task AdminInitiateAuth_Unsigned_Refused()
    {
        var (pool, clientId, _) = await _client.PoolAndClientAsync();

        var response = await _client.CallAsync("AdminInitiateAuth",
            new { UserPoolId = pool, ClientId = clientId, AuthFlow = "ADMIN_USER_PASSWORD_AUTH" }, sign: false);

        Assert.Equal("MissingAuthenticationTokenException", response.ErrorType);
    }

    [Fact]
    public async Task RespondToAuthChallenge_UnknownClient_ResourceNotFoundBeforeMissingResponses()
    {
        var response = await _client.CallAsync("RespondToAuthChallenge",
            new { ClientId = "nosuchclient", ChallengeName = "PASSWORD_VERIFIER" }, sign: false);

        Assert.Equal("ResourceNotFoundException", response.ErrorType);
    }

    [Fact]
    public async Task RespondToAuthChallenge_UnbuiltChallenge_UnsupportedOperationBeforeMissingResponses()
    {
        var (_, clientId, _) = await _client.PoolAndClientAsync();

        var response = await _client.CallAsync("RespondToAuthChallenge",
            new { ClientId = clientId, ChallengeName = "ADMIN_NO_SRP_AUTH" }, sign: false);

        Assert.Equal("UnsupportedOperationException", response.ErrorType);
    }

    [Fact]
    public async Task RespondToAuthChallenge_MissingSignature_MissingParameter()
    {
        var (_, clientId, _) = await _client.PoolAndClientAsync();

        var response = await _client.CallAsync("RespondToAuthChallenge", new
        {
            ClientId = clientId,
            ChallengeName = "PASSWORD_VERIFIER",
            ChallengeResponses = new Dictionary<string, string> { ["USERNAME"] = "u", ["PASSWORD_CLAIM_SECRET_BLOCK"] = "x", ["TIMESTAMP"] = "t" },
        }, sign: false);

        Assert.Equal("InvalidParameterException", response.ErrorType);
        Assert.Equal("Missing required parameter PASSWORD_CLAIM_SIGNATURE", response.Message);
    }
}
