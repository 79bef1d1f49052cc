using System.Text.Json.Nodes;
using Gatehouse.TestKit;

namespace Gatehouse.ApiTests.SelfService;

/// <summary>
/// A CONFIRMED user with an email, signed in with InitiateAuth USER_PASSWORD_AUTH, for the access-token
/// operations; the pool auto-verifies email unless <c>pool</c> says otherwise.
/// </summary>
internal sealed record SignedInUser(
    AwsApiClient Api, string PoolId, string ClientId, string Username, string Email, string AccessToken, string RefreshToken)
{
    public static async Task<SignedInUser> CreateAsync(
        AwsApiClient api, JsonObject? pool = null, JsonObject? client = null,
        params (string Name, string Value)[] extraAttributes)
    {
        var (poolId, clientId, _) = await api.PoolAndClientAsync(
            client, pool ?? new JsonObject { ["AutoVerifiedAttributes"] = new JsonArray("email") });
        var username = "u" + Guid.NewGuid().ToString("N")[..12];
        var email = SelfServiceSetup.NewEmail();
        await api.CreateUserAsync(poolId, username, AuthSetup.Password, [("email", email), .. extraAttributes]);
        var (access, refresh) = await SignInAsync(api, clientId, username, AuthSetup.Password);
        return new SignedInUser(api, poolId, clientId, username, email, access, refresh);
    }

    public static async Task<(string Access, string Refresh)> SignInAsync(
        AwsApiClient api, string clientId, string username, string password)
    {
        var response = await api.PasswordAuthAsync(clientId, username, password);
        Assert.Null(response.ErrorType);
        var result = response["AuthenticationResult"]!;
        return (result[nameof(AccessToken)]!.GetValue<string>(), result[nameof(RefreshToken)]!.GetValue<string>());
    }

    /// <summary>An unsigned call with this user's access token added to <paramref name="body"/>.</summary>
    public Task<AwsResponse> CallAsync(string operation, JsonObject? body = null, string? accessToken = null)
    {
        body ??= [];
        body[nameof(AccessToken)] = accessToken ?? AccessToken;
        return Api.SendAsync(operation, body.ToJsonString(), sign: false);
    }

    /// <summary>The user's attributes as AdminGetUser reports them.</summary>
    public async Task<Dictionary<string, string>> AttributesAsync()
    {
        var response = await Api.CallAsync("AdminGetUser", new { UserPoolId = PoolId, Username });
        Assert.Null(response.ErrorType);
        return response["UserAttributes"]!.AsArray().ToDictionary(
            a => a!["Name"]!.GetValue<string>(), a => a!["Value"]!.GetValue<string>(), StringComparer.Ordinal);
    }

    public static JsonArray Attributes(params (string Name, string Value)[] attributes) =>
        [.. attributes.Select(a => (JsonNode)new JsonObject { ["Name"] = a.Name, ["Value"] = a.Value })];
}
