using System.Net;
using System.Text.Json.Nodes;
using Gatehouse.TestKit;

namespace Gatehouse.ApiTests.Devices;

public sealed class DeviceSignInTests(GatehouseFactory factory) : IClassFixture<GatehouseFactory>
{
    private readonly AwsApiClient _client = factory.CreateAwsClient();

    private DeviceFlow Flow => new(factory, _client);

    private async Task<(string Pool, string ClientId)> PoolAsync(JsonObject? settings = null, params string[] users)
    {
        var (pool, clientId, _) = await _client.PoolAndClientAsync(pool: settings ?? DeviceFlow.Tracking());
        foreach (var user in users)
        {
            await _client.CreateUserAsync(pool, user);
        }

        return (pool, clientId);
    }

    [Fact]
    public async Task InitiateAuth_PoolWithoutDeviceConfiguration_NoNewDeviceMetadata()
    {
        var (pool, clientId, _) = await _client.PoolAndClientAsync();
        await _client.CreateUserAsync(pool, "plain");

        var response = await Flow.PasswordAuthAsync(clientId, "plain");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Null(response["AuthenticationResult"]!["NewDeviceMetadata"]);
        Assert.Null(DeviceFlow.DeviceKeyClaim(response));
    }

    [Fact]
    public async Task InitiateAuth_TrackingPool_ReturnsNewDeviceMetadataAndDeviceKeyClaim()
    {
        var (pool, clientId) = await PoolAsync(users: "tracked");

        var response = await Flow.PasswordAuthAsync(clientId, "tracked");

        var metadata = response["AuthenticationResult"]!["NewDeviceMetadata"]!;
        var key = metadata["DeviceKey"]!.GetValue<string>();
        Assert.Matches("^" + pool[..pool.IndexOf('_', StringComparison.Ordinal)] + "_[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", key);
        Assert.StartsWith("-", metadata["DeviceGroupKey"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(key, DeviceFlow.DeviceKeyClaim(response));
    }

    [Fact]
    public async Task InitiateAuth_SrpOnTrackingPool_ReturnsNewDeviceMetadata()
    {
        var (pool, clientId) = await PoolAsync(users: "srp-tracked");

        var response = await _client.SrpAuthAsync(factory, pool, clientId, "srp-tracked", AuthSetup.Password);

        Assert.NotNull(response["AuthenticationResult"]!["NewDeviceMetadata"]!["DeviceKey"]);
    }

    [Fact]
    public async Task RememberedDevice_SignInAgain_DeviceSrpThenTokensWithoutNewMetadata()
    {
        var (pool, clientId) = await PoolAsync(users: "remembered");
        var (device, confirmed, _) = await Flow.ConfirmNewDeviceAsync(clientId, "remembered");
        Assert.False(confirmed["UserConfirmationNecessary"]!.GetValue<bool>());

        factory.Clock.Advance(TimeSpan.FromSeconds(5));
        var first = await Flow.PasswordAuthAsync(clientId, "remembered", device.DeviceKey);
        Assert.Equal("DEVICE_SRP_AUTH", first["ChallengeName"]!.GetValue<string>());
        Assert.NotNull(first["Session"]);
        Assert.Null(first["AuthenticationResult"]);

        device.NewA();
        var challenge = await Flow.DeviceSrpAuthAsync(clientId, "remembered", device, first["Session"]!.GetValue<string>());
        Assert.Equal("DEVICE_PASSWORD_VERIFIER", challenge["ChallengeName"]!.GetValue<string>());
        var parameters = challenge["ChallengeParameters"]!.AsObject();
        Assert.Equal(["DEVICE_KEY", "SALT", "SECRET_BLOCK", "SRP_B", "USERNAME"],
            parameters.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal(device.DeviceKey, parameters["DEVICE_KEY"]!.GetValue<string>());

        var tokens = await Flow.DevicePasswordVerifierAsync(clientId, device, challenge);
        Assert.Equal(HttpStatusCode.OK, tokens.Status);
        Assert.Null(tokens["AuthenticationResult"]!["NewDeviceMetadata"]);
        Assert.Equal(device.DeviceKey, DeviceFlow.DeviceKeyClaim(tokens));

        var got = await _client.CallAsync("AdminGetDevice",
            new { UserPoolId = pool, Username = "remembered", DeviceKey = device.DeviceKey });
        Assert.Equal(factory.Clock.GetUtcNow().ToUnixTimeSeconds(),
            (long)got["Device"]!["DeviceLastAuthenticatedDate"]!.GetValue<double>());
    }

    [Fact]
    public async Task DevicePasswordVerifier_WrongSignature_NotAuthorized()
    {
        var (_, clientId) = await PoolAsync(users: "wrong-sig");
        var (device, _, _) = await Flow.ConfirmNewDeviceAsync(clientId, "wrong-sig");
        var first = await Flow.PasswordAuthAsync(clientId, "wrong-sig", device.DeviceKey);
        device.NewA();
        var challenge = await Flow.DeviceSrpAuthAsync(clientId, "wrong-sig", device, first["Session"]!.GetValue<string>());

        var response = await Flow.DevicePasswordVerifierAsync(clientId, device, challenge,
            Convert.ToBase64String(new byte[32]));

        Assert.Equal("NotAuthorizedException", response.ErrorType);
        Assert.Equal("Incorrect username or password.", response.Message);
    }

    [Fact]
    public async Task DevicePasswordVerifier_Replayed_NotAuthorized()
    {
        var (_, clientId) = await PoolAsync(users: "replay");
        var (device, _, _) = await Flow.ConfirmNewDeviceAsync(clientId, "replay");
        var first = await Flow.PasswordAuthAsync(clientId, "replay", device.DeviceKey);
        device.NewA();
        var challenge = await Flow.DeviceSrpAuthAsync(clientId, "replay", device, first["Session"]!.GetValue<string>());
        AuthSetup.Ok(await Flow.DevicePasswordVerifierAsync(clientId, device, challenge));

        var replay = await Flow.DevicePasswordVerifierAsync(clientId, device, challenge);

        Assert.Equal("NotAuthorizedException", replay.ErrorType);
    }

    [Fact]
    public async Task DeviceSrpAuth_SessionReused_NotAuthorized()
    {
        var (_, clientId) = await PoolAsync(users: "session-reuse");
        var (device, _, _) = await Flow.ConfirmNewDeviceAsync(clientId, "session-reuse");
        var session = (await Flow.PasswordAuthAsync(clientId, "session-reuse", device.DeviceKey))["Session"]!.GetValue<string>();
        AuthSetup.Ok(await Flow.DeviceSrpAuthAsync(clientId, "session-reuse", device, session));

        var again = await Flow.DeviceSrpAuthAsync(clientId, "session-reuse", device, session);

        Assert.Equal("NotAuthorizedException", again.ErrorType);
    }

    [Fact]
    public async Task DeviceSrpAuth_SessionExpired_NotAuthorized()
    {
        var (_, clientId) = await PoolAsync(users: "expired");
        var (device, _, _) = await Flow.ConfirmNewDeviceAsync(clientId, "expired");
        var session = (await Flow.PasswordAuthAsync(clientId, "expired", device.DeviceKey))["Session"]!.GetValue<string>();
        factory.Clock.Advance(TimeSpan.FromMinutes(3));

        var response = await Flow.DeviceSrpAuthAsync(clientId, "expired", device, session);

        Assert.Equal("NotAuthorizedException", response.ErrorType);
        Assert.Contains("expired", response.Message, StringComparison.Ordinal);
    }

    [Trait("SecurityRowPart", "69")]
    [Theory]
    [InlineData("0")]
    [InlineData("zz-not-hex")]
    public async Task DeviceSrpAuth_BrokenSrpA_InvalidParameter(string srpA)
    {
        var (_, clientId) = await PoolAsync(users: "broken-a");
        var (device, _, _) = await Flow.ConfirmNewDeviceAsync(clientId, "broken-a");
        var session = (await Flow.PasswordAuthAsync(clientId, "broken-a", device.DeviceKey))["Session"]!.GetValue<string>();

        var response = await _client.CallAsync("RespondToAuthChallenge", new
        {
            ChallengeName = "DEVICE_SRP_AUTH",
            ClientId = clientId,
            Session = session,
            ChallengeResponses = new Dictionary<string, string>
            {
                ["USERNAME"] = "broken-a",
                ["DEVICE_KEY"] = device.DeviceKey,
                ["SRP_A"] = srpA,
            },
        }, sign: false);

        Assert.Equal("InvalidParameterException", response.ErrorType);
    }

    [Trait("SecurityRow", "74")]
    [Fact]
    public async Task DeviceSrpAuth_DeviceKeyOfAnotherUser_ResourceNotFound()
    {
        var (_, clientId) = await PoolAsync(null, "alice", "bob");
        var (aliceDevice, _, _) = await Flow.ConfirmNewDeviceAsync(clientId, "alice");
        var (bobDevice, _, _) = await Flow.ConfirmNewDeviceAsync(clientId, "bob");
        var bobSession = (await Flow.PasswordAuthAsync(clientId, "bob", bobDevice.DeviceKey))["Session"]!.GetValue<string>();

        var response = await Flow.DeviceSrpAuthAsync(clientId, "bob", bobDevice, bobSession, aliceDevice.DeviceKey);

        Assert.Equal("ResourceNotFoundException", response.ErrorType);
        Assert.Equal("Device does not exist.", response.Message);
    }

    [Trait("SecurityRow", "74")]
    [Fact]
    public async Task InitiateAuth_DeviceKeyOfAnotherUser_NoDeviceSrpAndANewDevice()
    {
        var (_, clientId) = await PoolAsync(null, "carol", "dave");
        var (carolDevice, _, _) = await Flow.ConfirmNewDeviceAsync(clientId, "carol");

        var response = await Flow.PasswordAuthAsync(clientId, "dave", carolDevice.DeviceKey);

        Assert.Null(response["ChallengeName"]);
        var metadata = response["AuthenticationResult"]!["NewDeviceMetadata"]!;
        Assert.NotEqual(carolDevice.DeviceKey, metadata["DeviceKey"]!.GetValue<string>());
    }

    [Trait("SecurityRow", "74")]
    [Fact]
    public async Task PasswordVerifier_ForgottenDevice_ResourceNotFoundBeforeTheBlockIsUsed()
    {
        var (pool, clientId) = await PoolAsync(users: "forgot");
        var (device, _, accessToken) = await Flow.ConfirmNewDeviceAsync(clientId, "forgot");
        AuthSetup.Ok(await _client.CallAsync("ForgetDevice", new { AccessToken = accessToken, device.DeviceKey }, sign: false));
        var srp = new SrpTestClient(pool);
        var start = await _client.CallAsync("InitiateAuth", new
        {
            AuthFlow = "USER_SRP_AUTH",
            ClientId = clientId,
            AuthParameters = new Dictionary<string, string>
            {
                ["USERNAME"] = "forgot",
                ["SRP_A"] = srp.SrpA,
                ["DEVICE_KEY"] = device.DeviceKey,
            },
        }, sign: false);
        var parameters = start["ChallengeParameters"]!;
        var block = parameters["SECRET_BLOCK"]!.GetValue<string>();
        var (signature, timestamp) = srp.Answer("forgot", AuthSetup.Password, parameters["SALT"]!.GetValue<string>(),
            parameters["SRP_B"]!.GetValue<string>(), block, factory.Clock.GetUtcNow());
        var responses = new Dictionary<string, string>
        {
            ["USERNAME"] = "forgot",
            ["PASSWORD_CLAIM_SECRET_BLOCK"] = block,
            ["PASSWORD_CLAIM_SIGNATURE"] = signature,
            ["TIMESTAMP"] = timestamp,
            ["DEVICE_KEY"] = device.DeviceKey,
        };

        var withDevice = await _client.CallAsync("RespondToAuthChallenge",
            new { ChallengeName = "PASSWORD_VERIFIER", ClientId = clientId, ChallengeResponses = responses }, sign: false);
        responses.Remove("DEVICE_KEY");
        // amazon-cognito-identity-js sends the same answer again without the device.
        var retried = await _client.CallAsync("RespondToAuthChallenge",
            new { ChallengeName = "PASSWORD_VERIFIER", ClientId = clientId, ChallengeResponses = responses }, sign: false);

        Assert.Equal("ResourceNotFoundException", withDevice.ErrorType);
        Assert.Equal("Device does not exist.", withDevice.Message);
        Assert.Equal(HttpStatusCode.OK, retried.Status);
        Assert.NotNull(retried["AuthenticationResult"]!["NewDeviceMetadata"]);
    }

    [Trait("SecurityRow", "74")]
    [Fact]
    public async Task DeviceSrpAuth_AfterAdminForgetDevice_ResourceNotFound()
    {
        var (pool, clientId) = await PoolAsync(users: "admin-forgot");
        var (device, _, _) = await Flow.ConfirmNewDeviceAsync(clientId, "admin-forgot");
        var session = (await Flow.PasswordAuthAsync(clientId, "admin-forgot", device.DeviceKey))["Session"]!.GetValue<string>();
        AuthSetup.Ok(await _client.CallAsync("AdminForgetDevice",
            new { UserPoolId = pool, Username = "admin-forgot", device.DeviceKey }));

        var response = await Flow.DeviceSrpAuthAsync(clientId, "admin-forgot", device, session);
        var again = await Flow.PasswordAuthAsync(clientId, "admin-forgot", device.DeviceKey);

        Assert.Equal("ResourceNotFoundException", response.ErrorType);
        Assert.Null(again["ChallengeName"]);
        Assert.NotNull(again["AuthenticationResult"]!["NewDeviceMetadata"]);
    }

    [Fact]
    public async Task NotRememberedDevice_SignIn_NoDeviceSrp()
    {
        var (_, clientId) = await PoolAsync(DeviceFlow.Tracking(onPrompt: true), "opt-in");
        var (device, confirmed, accessToken) = await Flow.ConfirmNewDeviceAsync(clientId, "opt-in");
        Assert.True(confirmed["UserConfirmationNecessary"]!.GetValue<bool>());

        var notRemembered = await Flow.PasswordAuthAsync(clientId, "opt-in", device.DeviceKey);
        AuthSetup.Ok(await _client.CallAsync("UpdateDeviceStatus",
            new { AccessToken = accessToken, device.DeviceKey, DeviceRememberedStatus = "remembered" }, sign: false));
        var remembered = await Flow.PasswordAuthAsync(clientId, "opt-in", device.DeviceKey);

        Assert.Null(notRemembered["ChallengeName"]);
        Assert.Null(notRemembered["AuthenticationResult"]!["NewDeviceMetadata"]);
        Assert.Equal(device.DeviceKey, DeviceFlow.DeviceKeyClaim(notRemembered));
        Assert.Equal("DEVICE_SRP_AUTH", remembered["ChallengeName"]!.GetValue<string>());
    }

    [Fact]
    public async Task ChallengeNotRequiredOnNewDevice_RememberedDevice_NoDeviceSrp()
    {
        var (_, clientId) = await PoolAsync(DeviceFlow.Tracking(challengeOnNewDevice: false), "no-challenge");
        var (device, _, _) = await Flow.ConfirmNewDeviceAsync(clientId, "no-challenge");

        var response = await Flow.PasswordAuthAsync(clientId, "no-challenge", device.DeviceKey);

        Assert.Null(response["ChallengeName"]);
        Assert.Equal(device.DeviceKey, DeviceFlow.DeviceKeyClaim(response));
    }

    [Fact]
    public async Task UnconfirmedDevice_SignInAgain_SameMetadataOnceMore()
    {
        var (_, clientId) = await PoolAsync(users: "unconfirmed");
        var first = await Flow.PasswordAuthAsync(clientId, "unconfirmed");
        var key = first["AuthenticationResult"]!["NewDeviceMetadata"]!["DeviceKey"]!.GetValue<string>();

        var second = await Flow.PasswordAuthAsync(clientId, "unconfirmed", key);

        Assert.Equal(key, second["AuthenticationResult"]!["NewDeviceMetadata"]!["DeviceKey"]!.GetValue<string>());
    }

    [Fact]
    public async Task RefreshTokenAuth_NullDeviceKey_AsTheJsLibrarySendsIt_NoServerError()
    {
        var (_, clientId) = await PoolAsync(users: "null-key");
        var signIn = await Flow.PasswordAuthAsync(clientId, "null-key");
        var refresh = signIn["AuthenticationResult"]!["RefreshToken"]!.GetValue<string>();

        var response = await _client.CallAsync("InitiateAuth", new
        {
            AuthFlow = "REFRESH_TOKEN_AUTH",
            ClientId = clientId,
            AuthParameters = new JsonObject { ["REFRESH_TOKEN"] = refresh, ["DEVICE_KEY"] = null },
        }, sign: false);

        // The device was never confirmed, so its key is not required.
        Assert.Equal(HttpStatusCode.OK, response.Status);
    }
}
