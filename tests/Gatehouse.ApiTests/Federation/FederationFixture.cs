using Gatehouse.TestKit;

namespace Gatehouse.ApiTests.Federation;

/// <summary>
/// A Gatehouse server whose Google endpoints point at a local stand-in (the instance setting
/// <c>Gatehouse:Federation:Endpoints</c>), with a 1-second discovery timeout, and the stand-in itself.
/// </summary>
public sealed class FederationFixture : IAsyncLifetime
{
    public DiscoveryStandIn StandIn { get; private set; } = null!;

    public GatehouseFactory Factory { get; } = new();

    public async ValueTask InitializeAsync()
    {
        StandIn = await DiscoveryStandIn.StartAsync();
        Factory.WithSetting("Gatehouse:Federation:DiscoveryTimeoutSeconds", "1")
            .WithSetting("Gatehouse:Federation:Endpoints:Google:authorize_url", StandIn.BaseUrl + "/google/authorize")
            .WithSetting("Gatehouse:Federation:Endpoints:Google:token_url", StandIn.BaseUrl + "/google/token")
            .WithSetting("Gatehouse:Federation:Endpoints:Google:oidc_issuer", StandIn.BaseUrl + "/google")
            .WithSetting("Gatehouse:Federation:Endpoints:Google:jwks_uri", StandIn.BaseUrl + "/google/jwks");
    }

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        await StandIn.DisposeAsync();
    }
}
