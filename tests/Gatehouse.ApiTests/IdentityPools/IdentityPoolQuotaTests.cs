using System.Net;
using Gatehouse.Server.IdentityPools;
using Gatehouse.TestKit;

namespace Gatehouse.ApiTests.IdentityPools;

/// <summary>The account's identity-pool quota, on a store of its own (the test fills it).</summary>
public sealed class IdentityPoolQuotaTests(GatehouseFactory factory) : IClassFixture<GatehouseFactory>
{
    private readonly AwsApiClient _client = factory.CreateAwsClient().ForIdentityPools();

    [Fact]
    public async Task CreateIdentityPool_AccountAtQuota_LimitExceededAndNothingStored()
    {
        await IdentityPoolBuilder.AddPoolsAsync(factory, CreateIdentityPool.MaxPoolsPerAccount - 1);
        var last = await _client.CallAsync("CreateIdentityPool", new { IdentityPoolName = "the last one", AllowUnauthenticatedIdentities = false });
        var before = await IdentityPoolBuilder.FingerprintAsync(factory);

        var response = await _client.CallAsync("CreateIdentityPool", new { IdentityPoolName = "one too many", AllowUnauthenticatedIdentities = false });

        Assert.Equal(HttpStatusCode.OK, last.Status);
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("LimitExceededException", response.ErrorType);
        Assert.Equal(before, await IdentityPoolBuilder.FingerprintAsync(factory));
    }
}
