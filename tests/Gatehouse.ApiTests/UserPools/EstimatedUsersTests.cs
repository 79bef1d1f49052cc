using Gatehouse.Server.UserPools;
using Gatehouse.TestKit;
using Microsoft.Extensions.DependencyInjection;

namespace Gatehouse.ApiTests.UserPools;

/// <summary>EstimatedNumberOfUsers is a background count, never a count of a large pool on the request path.</summary>
public sealed class EstimatedUsersTests(GatehouseFactory factory) : IClassFixture<GatehouseFactory>
{
    private readonly AwsApiClient _client = factory.CreateAwsClient();

    private async Task<int?> EstimateAsync(string poolId) =>
        (await _client.CallAsync("DescribeUserPool", new { UserPoolId = poolId }))["UserPool"]?["EstimatedNumberOfUsers"]
            ?.GetValue<int>();

    private Task<AwsResponse> CreateUserAsync(string poolId, string name) => _client.CallAsync("AdminCreateUser",
        new { UserPoolId = poolId, Username = name, MessageAction = "SUPPRESS" });

    [Fact]
    public async Task DescribeUserPool_AfterRefresh_StoredEstimateUntilNextRefresh()
    {
        var refresher = factory.Services.GetRequiredService<UserCountRefresher>();
        var poolId = await _client.CreatePoolIdAsync();
        await CreateUserAsync(poolId, "a");
        await CreateUserAsync(poolId, "b");
        Assert.Equal(2, await EstimateAsync(poolId));

        await refresher.RefreshAsync(TestContext.Current.CancellationToken);
        await CreateUserAsync(poolId, "c");
        Assert.Equal(2, await EstimateAsync(poolId));

        factory.Clock.Advance(UserCountRefresher.MaxAge - TimeSpan.FromSeconds(1));
        await refresher.RefreshAsync(TestContext.Current.CancellationToken);
        Assert.Equal(2, await EstimateAsync(poolId));

        factory.Clock.Advance(TimeSpan.FromSeconds(2));
        await refresher.RefreshAsync(TestContext.Current.CancellationToken);
        Assert.Equal(3, await EstimateAsync(poolId));
    }
}
