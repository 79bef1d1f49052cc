using System.Net;
using System.Text.Json.Nodes;
using Gatehouse.TestKit;

namespace Gatehouse.ApiTests.IdentityPools;

public sealed class UnlinkTests(GatehouseFactory factory) : IClassFixture<GatehouseFactory>
{
    private readonly AwsApiClient _userPools = factory.CreateAwsClient();
    private readonly AwsApiClient _identity = factory.CreateAwsClient().ForIdentityPools();

    [Fact]
    public async Task UnlinkIdentity_LastLogin_IdentityInaccessibleAndLoginNewNextTime()
    {
        var (user, poolId, identityId) = await SignedInAsync();

        var response = await UnlinkAsync(identityId, user.Logins, user.ProviderName);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        var stored = Assert.Single(await IdentityPoolSetup.IdentitiesAsync(factory, poolId));
        Assert.Empty(stored.Logins);
        var asGuest = await _identity.CredentialsAsync(identityId);
        Assert.Equal("NotAuthorizedException", asGuest.ErrorType);
        var next = await _identity.IdentityIdAsync(poolId, user.Logins);
        Assert.NotEqual(identityId, next);
    }

    [Fact]
    public async Task UnlinkIdentity_TokensOfAnotherIdentity_ReturnsNotAuthorizedAndKeepsTheLogin()
    {
        var (user, poolId, identityId) = await SignedInAsync();
        var other = await _userPools.AnotherUserAsync(user, "mallory");
        await _identity.IdentityIdAsync(poolId, other.Logins);
        var before = await IdentityPoolSetup.FingerprintAsync(factory, poolId);

        var response = await UnlinkAsync(identityId, other.Logins, user.ProviderName);

        Assert.Equal("NotAuthorizedException", response.ErrorType);
        Assert.Equal(before, await IdentityPoolSetup.FingerprintAsync(factory, poolId));
    }

    [Fact]
    public async Task UnlinkIdentity_ProviderNotLinked_ReturnsInvalidParameter()
    {
        var (user, poolId, identityId) = await SignedInAsync();

        var response = await UnlinkAsync(identityId, user.Logins, "accounts.google.com");

        Assert.Equal("InvalidParameterException", response.ErrorType);
        Assert.Single((await IdentityPoolSetup.IdentitiesAsync(factory, poolId))[0].Logins);
    }

    private Task<AwsResponse> UnlinkAsync(string identityId, Dictionary<string, string> logins, params string[] remove) =>
        _identity.CallAsync("UnlinkIdentity", new { IdentityId = identityId, Logins = logins, LoginsToRemove = remove }, sign: false);

    private async Task<(PoolUserLogin User, string PoolId, string IdentityId)> SignedInAsync()
    {
        var user = await _userPools.SignedInUserAsync("u" + Guid.NewGuid().ToString("N")[..8]);
        var poolId = await _identity.CreateIdentityPoolAsync(new JsonObject
        {
            ["CognitoIdentityProviders"] = IdentityPoolSetup.CognitoProvider(user),
        });
        return (user, poolId, await _identity.IdentityIdAsync(poolId, user.Logins));
    }
}
