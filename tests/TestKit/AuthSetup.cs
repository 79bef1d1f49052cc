using System.Net;
using System.Text.Json.Nodes;

namespace Gatehouse.TestKit;

/// <summary>A pool, an app client and users with known passwords, made over the API for the sign-in tests.</summary>
public static class AuthSetup
{
    public const string Password = "Passw0rd!x";

    public static readonly string[] AllFlows =
        ["ALLOW_USER_SRP_AUTH", "ALLOW_USER_PASSWORD_AUTH", "ALLOW_ADMIN_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"];

    /// <summary>A pool (CreateUserPool with <paramref name="pool"/>) and a client allowing every built flow.</summary>
    public static async Task<(string PoolId, string ClientId, string? Secret)> PoolAndClientAsync(
        this AwsApiClient client, JsonObject? clientSettings = null, JsonObject? pool = null)
    {
        var poolId = await client.CreatePoolIdAsync(pool);
        clientSettings ??= [];
        clientSettings["ExplicitAuthFlows"] ??= new JsonArray([.. AllFlows.Select(f => (JsonNode)f)]);
        var created = await client.CreateClientAsync(poolId, clientSettings);
        return (poolId, created["ClientId"]!.GetValue<string>(), created["ClientSecret"]?.GetValue<string>());
    }

    /// <summary>AdminCreateUser (suppressed message) then a permanent password: a CONFIRMED user.</summary>
    public static async Task CreateUserAsync(
        this AwsApiClient client, string poolId, string username, string password = Password,
        params (string Name, string Value)[] attributes)
    {
        await client.CreateUserWithTemporaryPasswordAsync(poolId, username, "Temp0rary!x", attributes);
        Ok(await client.CallAsync("AdminSetUserPassword",
            new { UserPoolId = poolId, Username = username, Password = password, Permanent = true }));
    }

    /// <summary>AdminCreateUser (suppressed message): a FORCE_CHANGE_PASSWORD user with that temporary password.</summary>
    public static async Task CreateUserWithTemporaryPasswordAsync(
        this AwsApiClient client, string poolId, string username, string temporaryPassword,
        params (string Name, string Value)[] attributes)
    {
        Ok(await client.CallAsync("AdminCreateUser", new
        {
            UserPoolId = poolId,
            Username = username,
            TemporaryPassword = temporaryPassword,
            MessageAction = "SUPPRESS",
            UserAttributes = attributes.Select(a => new { a.Name, a.Value }).ToArray(),
        }));
    }

    /// <summary>InitiateAuth USER_PASSWORD_AUTH (unsigned, as the SDKs send it).</summary>
    public static Task<AwsResponse> PasswordAuthAsync(
        this AwsApiClient client, string clientId, string username, string password, string? secretHash = null)
    {
        var parameters = new Dictionary<string, string> { ["USERNAME"] = username, ["PASSWORD"] = password };
        if (secretHash is not null)
        {
            parameters["SECRET_HASH"] = secretHash;
        }

        return client.CallAsync("InitiateAuth",
            new { AuthFlow = "USER_PASSWORD_AUTH", ClientId = clientId, AuthParameters = parameters }, sign: false);
    }

    /// <summary>USER_SRP_AUTH end to end with <see cref="SrpTestClient"/>; returns the PASSWORD_VERIFIER answer.</summary>
    public static async Task<AwsResponse> SrpAuthAsync(
        this AwsApiClient client, GatehouseFactory factory, string poolId, string clientId, string username, string password)
    {
        var srp = new SrpTestClient(poolId);
        var start = await client.CallAsync("InitiateAuth", new
        {
            AuthFlow = "USER_SRP_AUTH",
            ClientId = clientId,
            AuthParameters = new Dictionary<string, string> { ["USERNAME"] = username, ["SRP_A"] = srp.SrpA },
        }, sign: false);
        if (start.ErrorType is not null)
        {
            return start;
        }

        var parameters = start["ChallengeParameters"]!;
        var userId = parameters["USER_ID_FOR_SRP"]!.GetValue<string>();
        var block = parameters["SECRET_BLOCK"]!.GetValue<string>();
        var (signature, timestamp) = srp.Answer(userId, password, parameters["SALT"]!.GetValue<string>(),
            parameters["SRP_B"]!.GetValue<string>(), block, factory.Clock.GetUtcNow());
        return await client.CallAsync("RespondToAuthChallenge", new
        {
            ChallengeName = "PASSWORD_VERIFIER",
            ClientId = clientId,
            ChallengeResponses = new Dictionary<string, string>
            {
                ["USERNAME"] = userId,
                ["PASSWORD_CLAIM_SECRET_BLOCK"] = block,
                ["PASSWORD_CLAIM_SIGNATURE"] = signature,
                ["TIMESTAMP"] = timestamp,
            },
        }, sign: false);
    }

    public static void Ok(AwsResponse response)
    {
        if (response.Status != HttpStatusCode.OK)
        {
            throw new InvalidOperationException(response.Text);
        }
    }
}
