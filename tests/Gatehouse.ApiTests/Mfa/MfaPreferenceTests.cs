using System.Net;
using Gatehouse.TestKit;

namespace Gatehouse.ApiTests.Mfa;

/// <summary>SetUserMFAPreference, SetUserSettings (and Admin forms), GetUser/AdminGetUser MFA members, GetUserAuthFactors.</summary>
public sealed class MfaPreferenceTests(GatehouseFactory factory) : IClassFixture<GatehouseFactory>
{
    private readonly AwsApiClient _client = factory.CreateAwsClient();

    [Fact]
    public async Task SetUserMFAPreference_TotpNotAssociated_SoftwareTokenMfaNotFound()
    {
        var (pool, clientId) = await _client.MfaPoolAsync("OPTIONAL");
        await _client.CreateUserAsync(pool, "pref-none");
        var token = await _client.SignedInAsync(clientId, "pref-none");

        var response = await _client.CallAsync("SetUserMFAPreference",
            new { AccessToken = token, SoftwareTokenMfaSettings = new { Enabled = true } }, sign: false);

        Assert.Equal("SoftwareTokenMFANotFoundException", response.ErrorType);
    }

    [Fact]
    public async Task SetUserMFAPreference_SmsWithoutPhone_InvalidParameter()
    {
        var (pool, clientId) = await _client.MfaPoolAsync("OPTIONAL", sms: true);
        await _client.CreateUserAsync(pool, "pref-nophone");
        var token = await _client.SignedInAsync(clientId, "pref-nophone");

        var response = await _client.CallAsync("SetUserMFAPreference",
            new { AccessToken = token, SMSMfaSettings = new { Enabled = true } }, sign: false);

        Assert.Equal("InvalidParameterException", response.ErrorType);
    }

    [Fact]
    public async Task SetUserMFAPreference_FactorPoolDoesNotAllow_InvalidParameterNothingChanged()
    {
        var (pool, clientId) = await _client.MfaPoolAsync("OPTIONAL");
        await _client.CreateUserAsync(pool, "pref-email", AuthSetup.Password, ("email", "pref@example.com"));
        var token = await _client.SignedInAsync(clientId, "pref-email");

        var response = await _client.CallAsync("SetUserMFAPreference",
            new { AccessToken = token, EmailMfaSettings = new { Enabled = true, PreferredMfa = true } }, sign: false);
        var user = await _client.CallAsync("GetUser", new { AccessToken = token }, sign: false);

        Assert.Equal("InvalidParameterException", response.ErrorType);
        Assert.Null(user["UserMFASettingList"]);
        Assert.Null(user["PreferredMfaSetting"]);
    }

    [Fact]
    public async Task SetUserMFAPreference_PreferredButDisabled_InvalidParameter()
    {
        var (pool, clientId) = await _client.MfaPoolAsync("OPTIONAL");
        await _client.CreateUserAsync(pool, "pref-conflict");
        var token = await _client.SignedInAsync(clientId, "pref-conflict");
        await _client.RegisterTotpAsync(factory, token);

        var response = await _client.CallAsync("SetUserMFAPreference", new
        {
            AccessToken = token,
            SoftwareTokenMfaSettings = new { Enabled = false, PreferredMfa = true },
        }, sign: false);

        Assert.Equal("InvalidParameterException", response.ErrorType);
    }

    [Fact]
    public async Task GetUser_AfterPreferences_ListsFactorsAndPreferred()
    {
        var (pool, clientId) = await _client.MfaPoolAsync("OPTIONAL", sms: true);
        await _client.CreateUserAsync(pool, "pref-get", AuthSetup.Password, ("phone_number", "+15555550144"));
        var token = await _client.SignedInAsync(clientId, "pref-get");
        await _client.RegisterTotpAsync(factory, token);

        AuthSetup.Ok(await _client.CallAsync("SetUserMFAPreference", new
        {
            AccessToken = token,
            SMSMfaSettings = new { Enabled = true },
            SoftwareTokenMfaSettings = new { Enabled = true, PreferredMfa = true },
        }, sign: false));
        var user = await _client.CallAsync("GetUser", new { AccessToken = token }, sign: false);
        var admin = await _client.CallAsync("AdminGetUser", new { UserPoolId = pool, Username = "pref-get" });
        var factors = await _client.CallAsync("GetUserAuthFactors", new { AccessToken = token }, sign: false);

        Assert.Equal("SOFTWARE_TOKEN_MFA", user["PreferredMfaSetting"]?.GetValue<string>());
        Assert.Equal("[\"SMS_MFA\",\"SOFTWARE_TOKEN_MFA\"]", user["UserMFASettingList"]?.ToJsonString());
        Assert.Equal("SMS", user["MFAOptions"]?[0]?["DeliveryMedium"]?.GetValue<string>());
        Assert.Equal("phone_number", admin["MFAOptions"]?[0]?["AttributeName"]?.GetValue<string>());
        Assert.Equal("[\"SMS_MFA\",\"SOFTWARE_TOKEN_MFA\"]", admin["UserMFASettingList"]?.ToJsonString());
        Assert.Equal("pref-get", factors["Username"]?.GetValue<string>());
        Assert.Equal("SOFTWARE_TOKEN_MFA", factors["PreferredMfaSetting"]?.GetValue<string>());
        Assert.Equal("[\"PASSWORD\"]", factors["ConfiguredUserAuthFactors"]?.ToJsonString());
    }

    [Fact]
    public async Task SetUserSettings_SmsOption_TurnsSmsOnThenOff()
    {
        var (pool, clientId) = await _client.MfaPoolAsync("OPTIONAL", sms: true);
        await _client.CreateUserAsync(pool, "settings-user", AuthSetup.Password, ("phone_number", "+15555550155"));
        var token = await _client.SignedInAsync(clientId, "settings-user");

        var on = await _client.CallAsync("SetUserSettings", new
        {
            AccessToken = token,
            MFAOptions = new[] { new { DeliveryMedium = "SMS", AttributeName = "phone_number" } },
        }, sign: false);
        var afterOn = await _client.CallAsync("GetUser", new { AccessToken = token }, sign: false);
        var email = await _client.CallAsync("AdminSetUserSettings", new
        {
            UserPoolId = pool,
            Username = "settings-user",
            MFAOptions = new[] { new { DeliveryMedium = "EMAIL", AttributeName = "email" } },
        });
        var off = await _client.CallAsync("AdminSetUserSettings",
            new { UserPoolId = pool, Username = "settings-user", MFAOptions = Array.Empty<object>() });
        var afterOff = await _client.CallAsync("AdminGetUser", new { UserPoolId = pool, Username = "settings-user" });

        Assert.Equal(HttpStatusCode.OK, on.Status);
        Assert.Equal("[\"SMS_MFA\"]", afterOn["UserMFASettingList"]?.ToJsonString());
        Assert.Equal("InvalidParameterException", email.ErrorType);
        Assert.Equal(HttpStatusCode.OK, off.Status);
        Assert.Null(afterOff["UserMFASettingList"]);
        Assert.Null(afterOff["MFAOptions"]);
    }

    [Fact]
    public async Task AdminSetUserMFAPreference_UnknownUserAndPool_Errors()
    {
        var (pool, _) = await _client.MfaPoolAsync("OPTIONAL");

        var noUser = await _client.CallAsync("AdminSetUserMFAPreference",
            new { UserPoolId = pool, Username = "nobody", SMSMfaSettings = new { Enabled = false } });
        var noPool = await _client.CallAsync("AdminSetUserMFAPreference",
            new { UserPoolId = "us-east-1_nope12345", Username = "nobody", SMSMfaSettings = new { Enabled = false } });

        Assert.Equal("UserNotFoundException", noUser.ErrorType);
        Assert.Equal("ResourceNotFoundException", noPool.ErrorType);
    }

    [Fact]
    public async Task AssociateSoftwareToken_PoolWithoutTotp_SoftwareTokenMfaNotFound()
    {
        var (pool, clientId) = await _client.MfaPoolAsync("OPTIONAL", sms: true, totp: false);
        await _client.CreateUserAsync(pool, "assoc-off");
        var token = await _client.SignedInAsync(clientId, "assoc-off");

        var response = await _client.CallAsync("AssociateSoftwareToken", new { AccessToken = token }, sign: false);
        var both = await _client.CallAsync("AssociateSoftwareToken", new { AccessToken = token, Session = "x" }, sign: false);
        var neither = await _client.CallAsync("AssociateSoftwareToken", new { }, sign: false);

        Assert.Equal("SoftwareTokenMFANotFoundException", response.ErrorType);
        Assert.Equal("InvalidParameterException", both.ErrorType);
        Assert.Equal("InvalidParameterException", neither.ErrorType);
    }

    [Trait("SecurityRowPart", "77")]
    [Fact]
    public async Task VerifySoftwareToken_WithoutAssociate_AndWithForeignToken_Refused()
    {
        var (pool, clientId) = await _client.MfaPoolAsync("OPTIONAL");
        await _client.CreateUserAsync(pool, "verify-a");
        var token = await _client.SignedInAsync(clientId, "verify-a");
        var (otherPool, otherClient) = await _client.MfaPoolAsync("OPTIONAL");
        await _client.CreateUserAsync(otherPool, "verify-a");
        var otherToken = await _client.SignedInAsync(otherClient, "verify-a");
        var associated = await _client.CallAsync("AssociateSoftwareToken", new { AccessToken = token }, sign: false);
        var secret = Gatehouse.Server.Mfa.TotpCodes.FromBase32(associated["SecretCode"]!.GetValue<string>());

        var foreign = await _client.CallAsync("VerifySoftwareToken",
            new { AccessToken = otherToken, UserCode = MfaTestKit.Code(factory, secret) }, sign: false);
        var forged = await _client.CallAsync("VerifySoftwareToken",
            new { AccessToken = token + "x", UserCode = MfaTestKit.Code(factory, secret) }, sign: false);
        var own = await _client.CallAsync("VerifySoftwareToken",
            new { AccessToken = token, UserCode = MfaTestKit.Code(factory, secret), FriendlyDeviceName = "phone" }, sign: false);

        Assert.Equal("SoftwareTokenMFANotFoundException", foreign.ErrorType);
        Assert.Equal("NotAuthorizedException", forged.ErrorType);
        Assert.Equal("SUCCESS", own["Status"]?.GetValue<string>());
    }
}
