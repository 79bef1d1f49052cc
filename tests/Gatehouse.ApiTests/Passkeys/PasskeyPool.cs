using System.Text.Json.Nodes;
using Gatehouse.TestKit;

namespace Gatehouse.ApiTests.Passkeys;

/// <summary>
/// A pool whose sign-in policy allows PASSWORD and WEB_AUTHN, relying party <c>localhost</c>, a client allowing
/// USER_AUTH, and helpers to register a <see cref="SoftAuthenticator"/> and sign in with it.
/// </summary>
internal sealed record PasskeyPool(AwsApiClient Api, string PoolId, string ClientId)
{
    public const string Origin = "http://localhost:5173";
    public const string RpId = "localhost";

    public static async Task<PasskeyPool> CreateAsync(
        AwsApiClient api, string userVerification = "preferred", JsonObject? clientSettings = null,
        JsonObject? tags = null)
    {
        var pool = new JsonObject
        {
            ["Policies"] = new JsonObject
            {
                ["SignInPolicy"] = new JsonObject { ["AllowedFirstAuthFactors"] = new JsonArray("PASSWORD", "WEB_AUTHN") },
            },
        };
        if (tags is not null)
        {
            pool["UserPoolTags"] = tags;
        }

        clientSettings ??= [];
        clientSettings["ExplicitAuthFlows"] ??= new JsonArray(
            [.. AuthSetup.AllFlows.Append("ALLOW_USER_AUTH").Select(f => (JsonNode)f)]);
        var (poolId, clientId, _) = await api.PoolAndClientAsync(clientSettings, pool);
        AuthSetup.Ok(await api.CallAsync("SetUserPoolMfaConfig", new
        {
            UserPoolId = poolId,
            WebAuthnConfiguration = new { RelyingPartyId = RpId, UserVerification = userVerification },
        }));
        return new PasskeyPool(api, poolId, clientId);
    }

    public async Task<string> UserWithTokenAsync(string username)
    {
        await Api.CreateUserAsync(PoolId, username);
        return await AccessTokenAsync(username, ClientId);
    }

    public async Task<string> AccessTokenAsync(string username, string clientId)
    {
        var signIn = await Api.PasswordAuthAsync(clientId, username, AuthSetup.Password);
        return signIn["AuthenticationResult"]?["AccessToken"]?.GetValue<string>()
            ?? throw new InvalidOperationException(signIn.Text);
    }

    public async Task<JsonNode> StartAsync(string accessToken)
    {
        var start = await Api.CallAsync("StartWebAuthnRegistration", new { AccessToken = accessToken }, sign: false);
        return start["CredentialCreationOptions"] ?? throw new InvalidOperationException(start.Text);
    }

    public Task<AwsResponse> CompleteAsync(string accessToken, JsonObject credential) =>
        Api.SendAsync("CompleteWebAuthnRegistration",
            new JsonObject { ["AccessToken"] = accessToken, ["Credential"] = credential }.ToJsonString(), sign: false);

    /// <summary>Start and complete a registration with <paramref name="authenticator"/>; fails the test if refused.</summary>
    public async Task RegisterAsync(string accessToken, SoftAuthenticator authenticator)
    {
        var options = await StartAsync(accessToken);
        AuthSetup.Ok(await CompleteAsync(accessToken, authenticator.Register(options, Origin)));
    }

    public Task<AwsResponse> UserAuthAsync(string username, string? preferred = null, params (string, string)[] more)
    {
        var parameters = new Dictionary<string, string> { ["USERNAME"] = username };
        if (preferred is not null)
        {
            parameters["PREFERRED_CHALLENGE"] = preferred;
        }

        foreach (var (name, value) in more)
        {
            parameters[name] = value;
        }

        return Api.CallAsync("InitiateAuth",
            new { AuthFlow = "USER_AUTH", ClientId, AuthParameters = parameters }, sign: false);
    }

    public Task<AwsResponse> RespondAsync(string challenge, string? session, Dictionary<string, string> responses) =>
        Api.CallAsync("RespondToAuthChallenge",
            new { ChallengeName = challenge, ClientId, Session = session, ChallengeResponses = responses }, sign: false);

    /// <summary>Answers a WEB_AUTHN challenge with <paramref name="authenticator"/>'s assertion.</summary>
    public Task<AwsResponse> AnswerWebAuthnAsync(
        AwsResponse challenge, string username, SoftAuthenticator authenticator, SoftAuthenticator.Bend? bend = null)
    {
        var options = JsonNode.Parse(challenge["ChallengeParameters"]!["CREDENTIAL_REQUEST_OPTIONS"]!.GetValue<string>())!;
        var credential = authenticator.Assert(options, Origin, bend);
        return RespondAsync("WEB_AUTHN", challenge["Session"]?.GetValue<string>(), new Dictionary<string, string>
        {
            ["USERNAME"] = username,
            ["CREDENTIAL"] = credential.ToJsonString(),
        });
    }
}
