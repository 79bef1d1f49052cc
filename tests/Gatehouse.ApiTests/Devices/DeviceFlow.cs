using System.Text.Json.Nodes;
using Gatehouse.ApiTests.Tokens;
using Gatehouse.TestKit;

namespace Gatehouse.ApiTests.Devices;

/// <summary>
/// Sign-ins on a pool that tracks devices, as amazon-cognito-identity-js drives them: USER_PASSWORD_AUTH (with a
/// DEVICE_KEY when the client keeps one), ConfirmDevice with a <see cref="DeviceSrpTestClient"/>'s verifier, and the
/// DEVICE_SRP_AUTH → DEVICE_PASSWORD_VERIFIER exchange.
/// </summary>
internal sealed class DeviceFlow(GatehouseFactory factory, AwsApiClient client)
{
    public static JsonObject Tracking(bool challengeOnNewDevice = true, bool onPrompt = false) => new()
    {
        ["DeviceConfiguration"] = new JsonObject
        {
            ["ChallengeRequiredOnNewDevice"] = challengeOnNewDevice,
            ["DeviceOnlyRememberedOnUserPrompt"] = onPrompt,
        },
    };

    public Task<AwsResponse> PasswordAuthAsync(string clientId, string username, string? deviceKey = null)
    {
        var parameters = new Dictionary<string, string> { ["USERNAME"] = username, ["PASSWORD"] = AuthSetup.Password };
        if (deviceKey is not null)
        {
            parameters["DEVICE_KEY"] = deviceKey;
        }

        return client.CallAsync("InitiateAuth",
            new { AuthFlow = "USER_PASSWORD_AUTH", ClientId = clientId, AuthParameters = parameters }, sign: false);
    }

    /// <summary>A first sign-in and ConfirmDevice: the confirmed device and the ConfirmDevice answer.</summary>
    public async Task<(DeviceSrpTestClient Device, AwsResponse Confirmed, string AccessToken)> ConfirmNewDeviceAsync(
        string clientId, string username, string deviceName = "Test device")
    {
        var signIn = await PasswordAuthAsync(clientId, username);
        AuthSetup.Ok(signIn);
        var result = signIn["AuthenticationResult"]!;
        var metadata = result["NewDeviceMetadata"]!;
        var device = new DeviceSrpTestClient(metadata["DeviceKey"]!.GetValue<string>(),
            metadata["DeviceGroupKey"]!.GetValue<string>());
        var accessToken = result["AccessToken"]!.GetValue<string>();
        var confirmed = await client.CallAsync("ConfirmDevice", new
        {
            AccessToken = accessToken,
            DeviceKey = device.DeviceKey,
            DeviceSecretVerifierConfig = device.VerifierConfig,
            DeviceName = deviceName,
        }, sign: false);
        return (device, confirmed, accessToken);
    }

    public Task<AwsResponse> DeviceSrpAuthAsync(
        string clientId, string username, DeviceSrpTestClient device, string session, string? deviceKey = null) =>
        client.CallAsync("RespondToAuthChallenge", new
        {
            ChallengeName = "DEVICE_SRP_AUTH",
            ClientId = clientId,
            Session = session,
            ChallengeResponses = new Dictionary<string, string>
            {
                ["USERNAME"] = username,
                ["DEVICE_KEY"] = deviceKey ?? device.DeviceKey,
                ["SRP_A"] = device.SrpA,
            },
        }, sign: false);

    public Task<AwsResponse> DevicePasswordVerifierAsync(
        string clientId, DeviceSrpTestClient device, AwsResponse challenge, string? signature = null)
    {
        var parameters = challenge["ChallengeParameters"]!;
        var block = parameters["SECRET_BLOCK"]!.GetValue<string>();
        var (expected, timestamp) = device.Answer(parameters["SALT"]!.GetValue<string>(),
            parameters["SRP_B"]!.GetValue<string>(), block, factory.Clock.GetUtcNow());
        return client.CallAsync("RespondToAuthChallenge", new
        {
            ChallengeName = "DEVICE_PASSWORD_VERIFIER",
            ClientId = clientId,
            Session = challenge["Session"]?.GetValue<string>(),
            ChallengeResponses = new Dictionary<string, string>
            {
                ["USERNAME"] = parameters["USERNAME"]!.GetValue<string>(),
                ["DEVICE_KEY"] = device.DeviceKey,
                ["PASSWORD_CLAIM_SECRET_BLOCK"] = block,
                ["PASSWORD_CLAIM_SIGNATURE"] = signature ?? expected,
                ["TIMESTAMP"] = timestamp,
            },
        }, sign: false);
    }

    /// <summary>The whole device sign-in: password with DEVICE_KEY, DEVICE_SRP_AUTH, DEVICE_PASSWORD_VERIFIER.</summary>
    public async Task<AwsResponse> DeviceSignInAsync(string clientId, string username, DeviceSrpTestClient device)
    {
        var first = await PasswordAuthAsync(clientId, username, device.DeviceKey);
        if (first["ChallengeName"]?.GetValue<string>() != "DEVICE_SRP_AUTH")
        {
            return first;
        }

        device.NewA();
        var challenge = await DeviceSrpAuthAsync(clientId, username, device, first["Session"]!.GetValue<string>());
        return challenge.ErrorType is not null ? challenge : await DevicePasswordVerifierAsync(clientId, device, challenge);
    }

    public static string? DeviceKeyClaim(AwsResponse tokens) =>
        TokenVerifier.Payload(tokens["AuthenticationResult"]!["AccessToken"]!.GetValue<string>())["device_key"]
            ?.GetValue<string>();
}
