using System.Text.Json.Nodes;
using Gatehouse.TestKit;

namespace Gatehouse.ApiTests.CustomAuth;

/// <summary>One server whose Lambda endpoint is the <see cref="CustomAuthFunctions"/> stand-in, for a test class.</summary>
public sealed class CustomAuthFixture : IAsyncLifetime
{
    public CustomAuthFunctions Functions { get; private set; } = null!;

    public GatehouseFactory Factory { get; private set; } = null!;

    public AwsApiClient Api { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Functions = await CustomAuthFunctions.StartAsync(TestContext.Current.CancellationToken);
        Factory = new GatehouseFactory().WithSetting("Gatehouse:Triggers:LambdaEndpoint", Functions.StandIn.BaseUrl);
        Api = Factory.CreateAwsClient();
    }

    /// <summary>A pool with the three triggers and a client allowing CUSTOM_AUTH, SRP and refresh.</summary>
    public async Task<(string PoolId, string ClientId)> PoolAsync(bool hideUserExistence = false)
    {
        var pool = new JsonObject { ["LambdaConfig"] = CustomAuthFunctions.LambdaConfig() };
        var client = new JsonObject
        {
            ["ExplicitAuthFlows"] = new JsonArray("ALLOW_CUSTOM_AUTH", "ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"),
        };
        if (hideUserExistence)
        {
            client["PreventUserExistenceErrors"] = "ENABLED";
        }

        var (poolId, clientId, _) = await Api.PoolAndClientAsync(client, pool);
        return (poolId, clientId);
    }

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Functions.DisposeAsync();
    }
}
