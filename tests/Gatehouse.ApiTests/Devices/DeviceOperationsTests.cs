using System.Net;
using Gatehouse.TestKit;

namespace Gatehouse.ApiTests.Devices;

public sealed class DeviceOperationsTests(GatehouseFactory factory) : IClassFixture<GatehouseFactory>
{
    private readonly AwsApiClient _client = factory.CreateAwsClient();

    private DeviceFlow Flow => new(factory, _client);

    private async Task<(string Pool, string ClientId)> PoolAsync(bool onPrompt = false, params string[] users)
    {
        var (pool, clientId, _) = await _client.PoolAndClientAsync(pool: DeviceFlow.Tracking(onPrompt: onPrompt));
        foreach (var user in users)
        {
            await _client.CreateUserAsync(pool, user);
        }

        return (pool, clientId);
    }

    private static Dictionary<string, string> Attributes(System.Text.Json.Nodes.JsonNode device) =>
        device["DeviceAttributes"]!.AsArray().ToDictionary(
            a => a!["Name"]!.GetValue<string>(), a => a!["Value"]!.GetValue<string>(), StringComparer.Ordinal);

    [Fact]
    public async Task ConfirmDevice_ThenListAndGet_ShowTheDevice()
    {
        var (_, clientId) = await PoolAsync(false, "lister");
        var (device, confirmed, accessToken) = await Flow.ConfirmNewDeviceAsync(clientId, "lister", "Firefox on Linux");

        var list = await _client.CallAsync("ListDevices", new { AccessToken = accessToken }, sign: false);
        var got = await _client.CallAsync("GetDevice", new { AccessToken = accessToken, device.DeviceKey }, sign: false);

        Assert.Equal(HttpStatusCode.OK, confirmed.Status);
        var listed = Assert.Single(list["Devices"]!.AsArray())!;
        Assert.Equal(device.DeviceKey, listed["DeviceKey"]!.GetValue<string>());
        Assert.Null(list["PaginationToken"]);
        var attributes = Attributes(got["Device"]!);
        Assert.Equal("valid", attributes["device_status"]);
        Assert.Equal("Firefox on Linux", attributes["device_name"]);
        Assert.Equal("remembered", attributes["dev:device_remembered_status"]);
        Assert.NotNull(got["Device"]!["DeviceCreateDate"]);
        Assert.NotNull(got["Device"]!["DeviceLastModifiedDate"]);
        Assert.NotNull(got["Device"]!["DeviceLastAuthenticatedDate"]);
    }

    [Fact]
    public async Task ConfirmDevice_OnPromptPool_NotRememberedUntilUpdated()
    {
        var (_, clientId) = await PoolAsync(true, "prompted");
        var (device, confirmed, accessToken) = await Flow.ConfirmNewDeviceAsync(clientId, "prompted");

        var before = await _client.CallAsync("GetDevice", new { AccessToken = accessToken, device.DeviceKey }, sign: false);
        var update = await _client.CallAsync("UpdateDeviceStatus",
            new { AccessToken = accessToken, device.DeviceKey, DeviceRememberedStatus = "remembered" }, sign: false);
        var after = await _client.CallAsync("GetDevice", new { AccessToken = accessToken, device.DeviceKey }, sign: false);

        Assert.True(confirmed["UserConfirmationNecessary"]!.GetValue<bool>());
        Assert.Equal("not_remembered", Attributes(before["Device"]!)["dev:device_remembered_status"]);
        Assert.Equal(HttpStatusCode.OK, update.Status);
        Assert.Equal("remembered", Attributes(after["Device"]!)["dev:device_remembered_status"]);
    }

    [Fact]
    public async Task ConfirmDevice_Twice_DeviceKeyExists()
    {
        var (_, clientId) = await PoolAsync(false, "twice");
        var (device, _, accessToken) = await Flow.ConfirmNewDeviceAsync(clientId, "twice");

        var again = await _client.CallAsync("ConfirmDevice", new
        {
            AccessToken = accessToken,
            device.DeviceKey,
            DeviceSecretVerifierConfig = device.VerifierConfig,
        }, sign: false);

        Assert.Equal("DeviceKeyExistsException", again.ErrorType);
    }

    [Fact]
    public async Task ConfirmDevice_DeviceOfAnotherUser_ResourceNotFound()
    {
        var (_, clientId) = await PoolAsync(false, "owner", "thief");
        var pending = await Flow.PasswordAuthAsync(clientId, "owner");
        var key = pending["AuthenticationResult"]!["NewDeviceMetadata"]!["DeviceKey"]!.GetValue<string>();
        var thief = await Flow.PasswordAuthAsync(clientId, "thief");
        var device = new DeviceSrpTestClient(key, "-group");

        var response = await _client.CallAsync("ConfirmDevice", new
        {
            AccessToken = thief["AuthenticationResult"]!["AccessToken"]!.GetValue<string>(),
            DeviceKey = key,
            DeviceSecretVerifierConfig = device.VerifierConfig,
        }, sign: false);

        Assert.Equal("ResourceNotFoundException", response.ErrorType);
    }

    [Theory]
    [InlineData(null, "AAAA")]
    [InlineData("AAAA", null)]
    [InlineData("not base64!", "AAAA")]
    [InlineData("AAAA", "AA==")]
    public async Task ConfirmDevice_BadVerifierConfig_InvalidParameter(string? salt, string? verifier)
    {
        var (_, clientId) = await PoolAsync(false, "bad-config");
        var signIn = await Flow.PasswordAuthAsync(clientId, "bad-config");
        var result = signIn["AuthenticationResult"]!;

        var response = await _client.CallAsync("ConfirmDevice", new
        {
            AccessToken = result["AccessToken"]!.GetValue<string>(),
            DeviceKey = result["NewDeviceMetadata"]!["DeviceKey"]!.GetValue<string>(),
            DeviceSecretVerifierConfig = new { Salt = salt, PasswordVerifier = verifier },
        }, sign: false);

        Assert.Equal("InvalidParameterException", response.ErrorType);
    }

    [Theory]
    [InlineData("us-east-1_../../etc")]
    [InlineData("no-underscore")]
    [InlineData("us-east-1_<script>")]
    public async Task GetDevice_DeviceKeyWithOddCharacters_InvalidParameter(string deviceKey)
    {
        var (pool, clientId) = await PoolAsync(false, "odd");
        var signIn = await Flow.PasswordAuthAsync(clientId, "odd");

        var self = await _client.CallAsync("GetDevice", new
        {
            AccessToken = signIn["AuthenticationResult"]!["AccessToken"]!.GetValue<string>(),
            DeviceKey = deviceKey,
        }, sign: false);
        var admin = await _client.CallAsync("AdminGetDevice", new { UserPoolId = pool, Username = "odd", DeviceKey = deviceKey });

        Assert.Equal("InvalidParameterException", self.ErrorType);
        Assert.Equal("InvalidParameterException", admin.ErrorType);
    }

    [Fact]
    public async Task GetDevice_PendingOrUnknownDevice_ResourceNotFound()
    {
        var (pool, clientId) = await PoolAsync(false, "pending");
        var signIn = await Flow.PasswordAuthAsync(clientId, "pending");
        var result = signIn["AuthenticationResult"]!;
        var accessToken = result["AccessToken"]!.GetValue<string>();

        var pending = await _client.CallAsync("GetDevice", new
        {
            AccessToken = accessToken,
            DeviceKey = result["NewDeviceMetadata"]!["DeviceKey"]!.GetValue<string>(),
        }, sign: false);
        var unknown = await _client.CallAsync("GetDevice",
            new { AccessToken = accessToken, DeviceKey = pool[..pool.IndexOf('_', StringComparison.Ordinal)] + "_" + Guid.NewGuid() },
            sign: false);
        var list = await _client.CallAsync("ListDevices", new { AccessToken = accessToken }, sign: false);

        Assert.Equal("ResourceNotFoundException", pending.ErrorType);
        Assert.Equal("Device does not exist.", pending.Message);
        Assert.Equal("ResourceNotFoundException", unknown.ErrorType);
        Assert.Empty(list["Devices"]!.AsArray());
    }

    [Fact]
    public async Task GetDevice_WithoutAccessToken_NotAuthorized()
    {
        var response = await _client.CallAsync("GetDevice", new { DeviceKey = "us-east-1_" + Guid.NewGuid() }, sign: false);

        Assert.Equal("NotAuthorizedException", response.ErrorType);
    }

    [Fact]
    public async Task ListDevices_LimitOne_PagesThroughEveryDevice()
    {
        var (_, clientId) = await PoolAsync(false, "pager");
        var (first, _, _) = await Flow.ConfirmNewDeviceAsync(clientId, "pager");
        var (second, _, accessToken) = await Flow.ConfirmNewDeviceAsync(clientId, "pager");

        var page1 = await _client.CallAsync("ListDevices", new { AccessToken = accessToken, Limit = 1 }, sign: false);
        var token = page1["PaginationToken"]!.GetValue<string>();
        var page2 = await _client.CallAsync("ListDevices",
            new { AccessToken = accessToken, Limit = 1, PaginationToken = token }, sign: false);
        var bad = await _client.CallAsync("ListDevices",
            new { AccessToken = accessToken, PaginationToken = "garbage" }, sign: false);

        Assert.Equal(first.DeviceKey, Assert.Single(page1["Devices"]!.AsArray())!["DeviceKey"]!.GetValue<string>());
        Assert.Equal(second.DeviceKey, Assert.Single(page2["Devices"]!.AsArray())!["DeviceKey"]!.GetValue<string>());
        Assert.Null(page2["PaginationToken"]);
        Assert.Equal("InvalidParameterException", bad.ErrorType);
    }

    [Fact]
    public async Task ForgetDevice_EndsTheDeviceAndItsRefreshTokens()
    {
        var (pool, clientId) = await PoolAsync(false, "forgetter");
        var signIn = await Flow.PasswordAuthAsync(clientId, "forgetter");
        var result = signIn["AuthenticationResult"]!;
        var key = result["NewDeviceMetadata"]!["DeviceKey"]!.GetValue<string>();
        var (device, _, accessToken) = await Flow.ConfirmNewDeviceAsync(clientId, "forgetter");
        var refresh = (await Flow.DeviceSignInAsync(clientId, "forgetter", device))["AuthenticationResult"]!["RefreshToken"]!
            .GetValue<string>();

        var forgot = await _client.CallAsync("ForgetDevice", new { AccessToken = accessToken, device.DeviceKey }, sign: false);
        // The session signed in with that device ends with it, its access token included.
        var sameSession = await _client.CallAsync("GetDevice", new { AccessToken = accessToken, device.DeviceKey }, sign: false);
        var get = await _client.CallAsync("AdminGetDevice", new { UserPoolId = pool, Username = "forgetter", device.DeviceKey });
        var again = await _client.CallAsync("AdminForgetDevice",
            new { UserPoolId = pool, Username = "forgetter", device.DeviceKey });
        var refreshed = await RefreshAsync(clientId, refresh, device.DeviceKey);

        Assert.NotEqual(key, device.DeviceKey);
        Assert.Equal(HttpStatusCode.OK, forgot.Status);
        Assert.Equal("NotAuthorizedException", sameSession.ErrorType);
        Assert.Equal("ResourceNotFoundException", get.ErrorType);
        Assert.Equal("ResourceNotFoundException", again.ErrorType);
        Assert.Equal("NotAuthorizedException", refreshed.ErrorType);
    }

    private Task<AwsResponse> RefreshAsync(string clientId, string refreshToken, string? deviceKey)
    {
        var parameters = new Dictionary<string, string> { ["REFRESH_TOKEN"] = refreshToken };
        if (deviceKey is not null)
        {
            parameters["DEVICE_KEY"] = deviceKey;
        }

        return _client.CallAsync("InitiateAuth",
            new { AuthFlow = "REFRESH_TOKEN_AUTH", ClientId = clientId, AuthParameters = parameters }, sign: false);
    }

    [Fact]
    public async Task RefreshTokenAuth_DeviceKey_RequiredAndCarriedIntoTheAccessToken()
    {
        var (_, clientId) = await PoolAsync(false, "refresher", "other");
        var (device, _, _) = await Flow.ConfirmNewDeviceAsync(clientId, "refresher");
        var (otherDevice, _, _) = await Flow.ConfirmNewDeviceAsync(clientId, "other");
        var signIn = await Flow.DeviceSignInAsync(clientId, "refresher", device);
        var refresh = signIn["AuthenticationResult"]!["RefreshToken"]!.GetValue<string>();

        var withKey = await RefreshAsync(clientId, refresh, device.DeviceKey);
        var withoutKey = await RefreshAsync(clientId, refresh, null);
        var othersKey = await RefreshAsync(clientId, refresh, otherDevice.DeviceKey);
        var viaOperation = await _client.CallAsync("GetTokensFromRefreshToken",
            new { ClientId = clientId, RefreshToken = refresh, DeviceKey = otherDevice.DeviceKey }, sign: false);

        Assert.Equal(HttpStatusCode.OK, withKey.Status);
        Assert.Equal(device.DeviceKey, DeviceFlow.DeviceKeyClaim(withKey));
        Assert.Equal("NotAuthorizedException", withoutKey.ErrorType);
        Assert.Equal("NotAuthorizedException", othersKey.ErrorType);
        Assert.Equal("NotAuthorizedException", viaOperation.ErrorType);
    }

    [Fact]
    public async Task AdminDeviceOperations_ListGetUpdateForget()
    {
        var (pool, clientId) = await PoolAsync(false, "admin-managed");
        var (device, _, _) = await Flow.ConfirmNewDeviceAsync(clientId, "admin-managed");

        var list = await _client.CallAsync("AdminListDevices", new { UserPoolId = pool, Username = "admin-managed" });
        var update = await _client.CallAsync("AdminUpdateDeviceStatus", new
        {
            UserPoolId = pool,
            Username = "admin-managed",
            device.DeviceKey,
            DeviceRememberedStatus = "not_remembered",
        });
        var got = await _client.CallAsync("AdminGetDevice", new { UserPoolId = pool, Username = "admin-managed", device.DeviceKey });
        var afterUpdate = await Flow.PasswordAuthAsync(clientId, "admin-managed", device.DeviceKey);
        var forgot = await _client.CallAsync("AdminForgetDevice", new { UserPoolId = pool, Username = "admin-managed", device.DeviceKey });
        var listAfter = await _client.CallAsync("AdminListDevices", new { UserPoolId = pool, Username = "admin-managed" });

        Assert.Equal(device.DeviceKey, Assert.Single(list["Devices"]!.AsArray())!["DeviceKey"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, update.Status);
        Assert.Equal("not_remembered", Attributes(got["Device"]!)["dev:device_remembered_status"]);
        Assert.Null(afterUpdate["ChallengeName"]);
        Assert.Equal(HttpStatusCode.OK, forgot.Status);
        Assert.Empty(listAfter["Devices"]!.AsArray());
    }

    [Fact]
    public async Task AdminDeviceOperations_UnknownPoolUserOrDevice_CognitoErrors()
    {
        var (pool, _) = await PoolAsync(false, "known");
        var key = "us-east-1_" + Guid.NewGuid();

        var noPool = await _client.CallAsync("AdminListDevices", new { UserPoolId = "us-east-1_Nope12345", Username = "known" });
        var noUser = await _client.CallAsync("AdminGetDevice", new { UserPoolId = pool, Username = "ghost", DeviceKey = key });
        var noDevice = await _client.CallAsync("AdminForgetDevice", new { UserPoolId = pool, Username = "known", DeviceKey = key });
        var noStatus = await _client.CallAsync("AdminUpdateDeviceStatus",
            new { UserPoolId = pool, Username = "known", DeviceKey = key, DeviceRememberedStatus = "forever" });

        Assert.Equal("ResourceNotFoundException", noPool.ErrorType);
        Assert.Equal("UserNotFoundException", noUser.ErrorType);
        Assert.Equal("ResourceNotFoundException", noDevice.ErrorType);
        Assert.Equal("InvalidParameterException", noStatus.ErrorType);
    }

    [Fact]
    public async Task AdminDeviceOperations_DeviceOfAnotherUser_ResourceNotFound()
    {
        var (pool, clientId) = await PoolAsync(false, "first", "second");
        var (device, _, _) = await Flow.ConfirmNewDeviceAsync(clientId, "first");

        var response = await _client.CallAsync("AdminGetDevice", new { UserPoolId = pool, Username = "second", device.DeviceKey });

        Assert.Equal("ResourceNotFoundException", response.ErrorType);
    }
}
