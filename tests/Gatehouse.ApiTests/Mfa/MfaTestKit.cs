using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Gatehouse.Server.Mfa;
using Gatehouse.TestKit;

namespace Gatehouse.ApiTests.Mfa;

/// <summary>Pools with MFA, sign-ins up to the MFA challenge, an authenticator, and codes from the dev outbox.</summary>
internal static partial class MfaTestKit
{
    public const string SmsArn = "arn:aws:iam::123456789012:role/sns";
    public const string SesArn = "arn:aws:ses:us-east-1:123456789012:identity/no-reply@example.com";

    /// <summary>A pool with MfaConfiguration <paramref name="mfa"/> and the factors named, and a client.</summary>
    public static async Task<(string PoolId, string ClientId)> MfaPoolAsync(
        this AwsApiClient client, string mfa, bool sms = false, bool totp = true, bool email = false)
    {
        JsonObject? pool = email
            ? new JsonObject
            {
                ["EmailConfiguration"] = new JsonObject { ["EmailSendingAccount"] = "DEVELOPER", ["SourceArn"] = SesArn },
            }
            : null;
        var (poolId, clientId, _) = await client.PoolAndClientAsync(pool: pool);
        var config = new JsonObject { ["UserPoolId"] = poolId, ["MfaConfiguration"] = mfa };
        if (sms)
        {
            config["SmsMfaConfiguration"] = new JsonObject
            {
                ["SmsAuthenticationMessage"] = "Sign-in code {####}",
                ["SmsConfiguration"] = new JsonObject { ["SnsCallerArn"] = SmsArn },
            };
        }

        if (totp)
        {
            config["SoftwareTokenMfaConfiguration"] = new JsonObject { ["Enabled"] = true };
        }

        if (email)
        {
            config["EmailMfaConfiguration"] = new JsonObject { ["Message"] = "Email code {####}", ["Subject"] = "Your code" };
        }

        AuthSetup.Ok(await client.SendAsync("SetUserPoolMfaConfig", config.ToJsonString()));
        return (poolId, clientId);
    }

    public static Task<AwsResponse> RespondAsync(
        this AwsApiClient client, string clientId, string challenge, string? session, Dictionary<string, string> answers) =>
        client.CallAsync("RespondToAuthChallenge",
            new { ChallengeName = challenge, ClientId = clientId, Session = session, ChallengeResponses = answers }, sign: false);

    public static string Session(this AwsResponse response) =>
        response["Session"]?.GetValue<string>() ?? throw new InvalidOperationException(response.Text);

    public static string AccessToken(this AwsResponse response) =>
        response["AuthenticationResult"]?["AccessToken"]?.GetValue<string>() ?? throw new InvalidOperationException(response.Text);

    public static string? Challenge(this AwsResponse response) => response["ChallengeName"]?.GetValue<string>();

    public static string? Parameter(this AwsResponse response, string name) =>
        response["ChallengeParameters"]?[name]?.GetValue<string>();

    /// <summary>A signed-in user's access token, on a pool whose MFA is not asked of this user yet.</summary>
    public static async Task<string> SignedInAsync(this AwsApiClient client, string clientId, string username) =>
        (await client.PasswordAuthAsync(clientId, username, AuthSetup.Password)).AccessToken();

    /// <summary>AssociateSoftwareToken then VerifySoftwareToken by access token; returns the secret.</summary>
    public static async Task<byte[]> RegisterTotpAsync(this AwsApiClient client, GatehouseFactory factory, string accessToken)
    {
        var associated = await client.CallAsync("AssociateSoftwareToken", new { AccessToken = accessToken }, sign: false);
        var secret = TotpCodes.FromBase32(associated["SecretCode"]!.GetValue<string>());
        AuthSetup.Ok(await client.CallAsync("VerifySoftwareToken",
            new { AccessToken = accessToken, UserCode = TotpCodes.Compute(secret, factory.Clock.GetUtcNow()) }, sign: false));
        NextStep(factory);
        return secret;
    }

    /// <summary>A CONFIRMED user with a verified authenticator, TOTP turned on (and preferred).</summary>
    public static async Task<byte[]> TotpUserAsync(
        this AwsApiClient client, GatehouseFactory factory, string poolId, string clientId, string username,
        params (string Name, string Value)[] attributes)
    {
        await client.CreateUserAsync(poolId, username, AuthSetup.Password, attributes);
        // The pool asks for MFA only of users with a factor turned on (OPTIONAL), so the password signs in.
        var token = await client.SignedInAsync(clientId, username);
        var secret = await client.RegisterTotpAsync(factory, token);
        AuthSetup.Ok(await client.CallAsync("SetUserMFAPreference", new
        {
            AccessToken = token,
            SoftwareTokenMfaSettings = new { Enabled = true, PreferredMfa = true },
        }, sign: false));
        return secret;
    }

    public static Dictionary<string, string> TotpAnswer(string username, string code) =>
        new() { ["USERNAME"] = username, ["SOFTWARE_TOKEN_MFA_CODE"] = code };

    public static string Code(GatehouseFactory factory, byte[] secret, int steps = 0) =>
        TotpCodes.Compute(secret, factory.Clock.GetUtcNow().AddSeconds(30 * steps));

    /// <summary>Moves the clock to the next 30-second step, so a new code is due.</summary>
    public static void NextStep(GatehouseFactory factory) => factory.Clock.Advance(TimeSpan.FromSeconds(30));

    /// <summary>The 6-digit code in the newest dev-outbox message to <paramref name="destination"/>.</summary>
    public static async Task<string> OutboxCodeAsync(GatehouseFactory factory, string destination)
    {
        var messages = await TestStore.OutboxAsync(factory, destination);
        return SixDigits().Match(messages[^1].Body).Value;
    }

    [GeneratedRegex("[0-9]{6}")]
    private static partial Regex SixDigits();
}
