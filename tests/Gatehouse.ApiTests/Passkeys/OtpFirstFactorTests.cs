using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Gatehouse.TestKit;

namespace Gatehouse.ApiTests.Passkeys;

/// <summary>USER_AUTH with EMAIL_OTP and SMS_OTP as first factors: the code challenge of Mfa/ under USER_AUTH's names.</summary>
public sealed partial class OtpFirstFactorTests(GatehouseFactory factory) : IClassFixture<GatehouseFactory>
{
    private readonly AwsApiClient _client = factory.CreateAwsClient();

    [GeneratedRegex(@"(?<!\d)\d{6}(?!\d)")]
    private static partial Regex SixDigits();

    private async Task<PasskeyPool> PoolAsync(JsonObject? clientSettings = null, string mfa = "OFF")
    {
        var pool = new JsonObject
        {
            ["Policies"] = new JsonObject
            {
                ["SignInPolicy"] = new JsonObject
                {
                    ["AllowedFirstAuthFactors"] = new JsonArray("PASSWORD", "EMAIL_OTP", "SMS_OTP"),
                },
            },
        };
        clientSettings ??= [];
        clientSettings["ExplicitAuthFlows"] = new JsonArray(
            [.. AuthSetup.AllFlows.Append("ALLOW_USER_AUTH").Select(f => (JsonNode)f)]);
        var (poolId, clientId, _) = await _client.PoolAndClientAsync(clientSettings, pool);
        if (mfa != "OFF")
        {
            AuthSetup.Ok(await _client.CallAsync("SetUserPoolMfaConfig", new
            {
                UserPoolId = poolId,
                MfaConfiguration = mfa,
                SoftwareTokenMfaConfiguration = new { Enabled = true },
            }));
        }

        return new PasskeyPool(_client, poolId, clientId);
    }

    private Task UserAsync(PasskeyPool pool, string username, bool verified = true) =>
        _client.CreateUserAsync(pool.PoolId, username, AuthSetup.Password,
            ("email", $"{username}@example.com"), ("email_verified", verified ? "true" : "false"),
            ("phone_number", "+15550001234"), ("phone_number_verified", verified ? "true" : "false"));

    private async Task<string> LastCodeAsync(string destination)
    {
        var messages = await TestStore.OutboxAsync(factory, destination);
        Assert.NotEmpty(messages);
        return SixDigits().Matches(messages[^1].Body)[^1].Value;
    }

    private static string Session(AwsResponse response) => response["Session"]!.GetValue<string>();

    [Fact]
    public async Task UserAuth_PreferredEmailOtp_CodeSentThenTokens()
    {
        var pool = await PoolAsync();
        await UserAsync(pool, "otp-email");

        var challenge = await pool.UserAuthAsync("otp-email", "EMAIL_OTP");
        var code = await LastCodeAsync("otp-email@example.com");
        var signedIn = await pool.RespondAsync("EMAIL_OTP", Session(challenge),
            new() { ["USERNAME"] = "otp-email", ["EMAIL_OTP_CODE"] = code });

        Assert.Equal("EMAIL_OTP", challenge["ChallengeName"]?.GetValue<string>());
        Assert.Equal("EMAIL", challenge["ChallengeParameters"]?["CODE_DELIVERY_DELIVERY_MEDIUM"]?.GetValue<string>());
        Assert.Equal("o***@e***", challenge["ChallengeParameters"]?["CODE_DELIVERY_DESTINATION"]?.GetValue<string>());
        Assert.NotNull(signedIn["AuthenticationResult"]?["AccessToken"]);
    }

    [Fact]
    public async Task UserAuth_SelectSmsOtp_CodeSentThenTokens()
    {
        var pool = await PoolAsync();
        await UserAsync(pool, "otp-sms");

        var select = await pool.UserAuthAsync("otp-sms");
        var challenge = await pool.RespondAsync("SELECT_CHALLENGE", Session(select),
            new() { ["USERNAME"] = "otp-sms", ["ANSWER"] = "SMS_OTP" });
        var code = await LastCodeAsync("+15550001234");
        var signedIn = await pool.RespondAsync("SMS_OTP", Session(challenge),
            new() { ["USERNAME"] = "otp-sms", ["SMS_OTP_CODE"] = code });

        Assert.Contains("SMS_OTP", select["AvailableChallenges"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.Equal("SMS_OTP", challenge["ChallengeName"]?.GetValue<string>());
        Assert.NotNull(signedIn["AuthenticationResult"]?["AccessToken"]);
    }

    [Fact]
    public async Task UserAuth_EmailOtpWrongCode_CodeMismatchThenRightCodeWorks()
    {
        var pool = await PoolAsync();
        await UserAsync(pool, "otp-wrong");
        var challenge = await pool.UserAuthAsync("otp-wrong", "EMAIL_OTP");
        var code = await LastCodeAsync("otp-wrong@example.com");
        var wrong = code == "000000" ? "111111" : "000000";

        var refused = await pool.RespondAsync("EMAIL_OTP", Session(challenge),
            new() { ["USERNAME"] = "otp-wrong", ["EMAIL_OTP_CODE"] = wrong });
        var signedIn = await pool.RespondAsync("EMAIL_OTP", Session(challenge),
            new() { ["USERNAME"] = "otp-wrong", ["EMAIL_OTP_CODE"] = code });
        var replayed = await pool.RespondAsync("EMAIL_OTP", Session(challenge),
            new() { ["USERNAME"] = "otp-wrong", ["EMAIL_OTP_CODE"] = code });

        Assert.Equal("CodeMismatchException", refused.ErrorType);
        Assert.NotNull(signedIn["AuthenticationResult"]?["AccessToken"]);
        Assert.Equal("NotAuthorizedException", replayed.ErrorType);
    }

    [Fact]
    public async Task UserAuth_EmailOtpAnsweredWithRecoveryCode_InvalidParameter()
    {
        var pool = await PoolAsync();
        await UserAsync(pool, "otp-recovery");
        var challenge = await pool.UserAuthAsync("otp-recovery", "EMAIL_OTP");

        var response = await pool.RespondAsync("EMAIL_OTP", Session(challenge),
            new() { ["USERNAME"] = "otp-recovery", ["RECOVERY_CODE"] = "abcd-efgh-ijkl" });

        Assert.Equal("InvalidParameterException", response.ErrorType);
    }

    [Fact]
    public async Task UserAuth_EmailOtpInPoolRequiringMfa_NoMfaAfterTheCode()
    {
        var pool = await PoolAsync(mfa: "ON");
        await UserAsync(pool, "otp-mfa");
        var password = await pool.UserAuthAsync("otp-mfa", "PASSWORD", ("PASSWORD", AuthSetup.Password));

        var challenge = await pool.UserAuthAsync("otp-mfa", "EMAIL_OTP");
        var code = await LastCodeAsync("otp-mfa@example.com");
        var signedIn = await pool.RespondAsync("EMAIL_OTP", Session(challenge),
            new() { ["USERNAME"] = "otp-mfa", ["EMAIL_OTP_CODE"] = code });

        Assert.Equal("MFA_SETUP", password["ChallengeName"]?.GetValue<string>());
        Assert.NotNull(signedIn["AuthenticationResult"]?["AccessToken"]);
    }

    [Fact]
    public async Task UserAuth_UnverifiedEmail_EmailOtpNotAvailable()
    {
        var pool = await PoolAsync();
        await UserAsync(pool, "otp-unverified", verified: false);

        var select = await pool.UserAuthAsync("otp-unverified");
        var preferred = await pool.UserAuthAsync("otp-unverified", "EMAIL_OTP");

        Assert.DoesNotContain("EMAIL_OTP", select["AvailableChallenges"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.Equal("InvalidParameterException", preferred.ErrorType);
        Assert.Empty(await TestStore.OutboxAsync(factory, "otp-unverified@example.com"));
    }

    [Fact]
    public async Task UserAuth_HidingExistence_UnknownUserGetsTheSameChallengeAndNothingIsSent()
    {
        var pool = await PoolAsync(new JsonObject { ["PreventUserExistenceErrors"] = "ENABLED" });
        await UserAsync(pool, "otp-real");

        var real = await pool.UserAuthAsync("otp-real", "EMAIL_OTP");
        var ghost = await pool.UserAuthAsync("ghost@example.org", "EMAIL_OTP");
        var answered = await pool.RespondAsync("EMAIL_OTP", Session(ghost),
            new() { ["USERNAME"] = "ghost@example.org", ["EMAIL_OTP_CODE"] = "123456" });

        Assert.Equal(real["ChallengeName"]?.GetValue<string>(), ghost["ChallengeName"]?.GetValue<string>());
        Assert.Equal("g***@e***", ghost["ChallengeParameters"]?["CODE_DELIVERY_DESTINATION"]?.GetValue<string>());
        Assert.Empty(await TestStore.OutboxAsync(factory, "ghost@example.org"));
        Assert.Null(answered["AuthenticationResult"]);
        Assert.NotNull(answered.ErrorType);
    }
}
