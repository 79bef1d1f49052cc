using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Gatehouse.Server.Auth;
using Gatehouse.TestKit;

namespace Gatehouse.ApiTests.SelfService;

/// <summary>A pool and app client made over the API, and the unsigned self-service calls against them.</summary>
internal sealed partial record SelfServiceSetup(AwsApiClient Api, string PoolId, string ClientId, string? ClientSecret)
{
    public const string Password = "Passw0rd!";

    public static async Task<SelfServiceSetup> CreateAsync(
        AwsApiClient api, JsonObject? pool = null, JsonObject? client = null)
    {
        var poolId = await api.CreatePoolIdAsync(pool ?? new JsonObject { ["AutoVerifiedAttributes"] = new JsonArray("email") });
        var created = await api.CreateClientAsync(poolId, client);
        return new SelfServiceSetup(api, poolId, created[nameof(ClientId)]!.GetValue<string>(),
            created[nameof(ClientSecret)]?.GetValue<string>());
    }

    public static string NewEmail() => $"u{Guid.NewGuid():N}@example.com";

    public static string NewPhone() => "+1" + Random.Shared.NextInt64(2_000_000_000, 9_999_999_999).ToString(
        System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The SECRET_HASH a correct client computes, or null for a client without a secret.</summary>
    public string? HashFor(string username) =>
        ClientSecret is null ? null : SecretHash.Compute(ClientSecret, username, ClientId);

    public Task<AwsResponse> SignUpAsync(string username, params (string Name, string Value)[] attributes) =>
        CallAsync("SignUp", new JsonObject
        {
            ["Username"] = username,
            ["Password"] = Password,
            ["UserAttributes"] = Attributes(attributes),
        }, username);

    public Task<AwsResponse> ConfirmSignUpAsync(string username, string code, bool? force = null)
    {
        var body = new JsonObject { ["Username"] = username, ["ConfirmationCode"] = code };
        if (force is { } f)
        {
            body["ForceAliasCreation"] = f;
        }

        return CallAsync("ConfirmSignUp", body, username);
    }

    /// <summary>A user signed up and confirmed with the emailed code, so the email is verified.</summary>
    public async Task ConfirmedUserAsync(GatehouseFactory factory, string username, string email)
    {
        Assert.Null((await SignUpAsync(username, ("email", email))).ErrorType);
        Assert.Null((await ConfirmSignUpAsync(username, await LastCodeAsync(factory, email))).ErrorType);
    }

    public Task<AwsResponse> ForgotPasswordAsync(string username) =>
        CallAsync("ForgotPassword", new JsonObject { ["Username"] = username }, username);

    public Task<AwsResponse> ConfirmForgotPasswordAsync(string username, string code, string password) =>
        CallAsync("ConfirmForgotPassword",
            new JsonObject { ["Username"] = username, ["ConfirmationCode"] = code, ["Password"] = password }, username);

    /// <summary>An unsigned call with ClientId and, for a secret client, the right SecretHash filled in.</summary>
    public Task<AwsResponse> CallAsync(string operation, JsonObject body, string username)
    {
        body[nameof(ClientId)] ??= ClientId;
        if (HashFor(username) is { } hash && !body.ContainsKey("SecretHash"))
        {
            body["SecretHash"] = hash;
        }

        return Api.SendAsync(operation, body.ToJsonString(), sign: false);
    }

    /// <summary>The code in the newest message sent to <paramref name="destination"/> (read from the dev outbox).</summary>
    public static async Task<string> LastCodeAsync(GatehouseFactory factory, string destination)
    {
        var messages = await TestStore.OutboxAsync(factory, destination);
        Assert.NotEmpty(messages);
        return CodePattern().Match(messages[^1].Body).Value;
    }

    /// <summary>A six-digit code other than <paramref name="code"/>.</summary>
    public static string Wrong(string code) => code == "000000" ? "000001" : "000000";

    private static JsonArray Attributes((string Name, string Value)[] attributes) =>
        [.. attributes.Select(a => (JsonNode)new JsonObject { ["Name"] = a.Name, ["Value"] = a.Value })];

    [GeneratedRegex("[0-9]{6}")]
    private static partial Regex CodePattern();
}
