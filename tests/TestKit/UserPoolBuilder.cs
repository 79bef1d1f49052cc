using System.Net;
using System.Text.Json.Nodes;

namespace Gatehouse.TestKit;

/// <summary>Creates pools and app clients over the API for tests, failing loudly when the server refuses.</summary>
public static class UserPoolBuilder
{
    public static string UniqueName(string prefix = "pool") => $"{prefix}-{Guid.NewGuid():N}"[..24];

    /// <summary>CreateUserPool with <paramref name="settings"/> (PoolName filled in when absent); returns the pool.</summary>
    public static async Task<JsonObject> CreatePoolAsync(this AwsApiClient client, JsonObject? settings = null)
    {
        settings ??= [];
        settings["PoolName"] ??= UniqueName();
        var response = await client.SendAsync("CreateUserPool", settings.ToJsonString());
        if (response.Status != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"CreateUserPool failed: {response.Text}");
        }

        return response["UserPool"]?.AsObject() ?? throw new InvalidOperationException(response.Text);
    }

    public static async Task<string> CreatePoolIdAsync(this AwsApiClient client, JsonObject? settings = null) =>
        (await client.CreatePoolAsync(settings))["Id"]?.GetValue<string>() ?? throw new InvalidOperationException("No Id.");

    /// <summary>CreateUserPoolClient in <paramref name="poolId"/>; returns the client.</summary>
    public static async Task<JsonObject> CreateClientAsync(this AwsApiClient client, string poolId, JsonObject? settings = null)
    {
        settings ??= [];
        settings["UserPoolId"] = poolId;
        settings["ClientName"] ??= UniqueName("client");
        var response = await client.SendAsync("CreateUserPoolClient", settings.ToJsonString());
        if (response.Status != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"CreateUserPoolClient failed: {response.Text}");
        }

        return response["UserPoolClient"]?.AsObject() ?? throw new InvalidOperationException(response.Text);
    }
}
