using System.Net;
using Gatehouse.TestKit;

namespace Gatehouse.ApiTests.Auth;

public sealed class LockoutTests(GatehouseFactory factory) : IClassFixture<GatehouseFactory>
{
    private const string Wrong = "Wrong0000!x";
    private readonly AwsApiClient _client = factory.CreateAwsClient();

    [Trait("SecurityRow", "1")]
    [Fact]
    public async Task InitiateAuth_FiveFailures_ThenLocked()
    {
        var (pool, clientId, _) = await _client.PoolAndClientAsync();
        await _client.CreateUserAsync(pool, "locked");

        for (var i = 0; i < 5; i++)
        {
            var failed = await _client.PasswordAuthAsync(clientId, "locked", Wrong);
            Assert.Equal("Incorrect username or password.", failed.Message);
        }

        var locked = await _client.PasswordAuthAsync(clientId, "locked", AuthSetup.Password);

        Assert.Equal("NotAuthorizedException", locked.ErrorType);
        Assert.Equal("Password attempts exceeded", locked.Message);
    }

    [Trait("SecurityRow", "1")]
    [Trait("SecurityRowPart", "2")]
    [Fact]
    public async Task InitiateAuth_LockDoubles_OneSecondBeforeExpiryLockedAtExpiryOpen()
    {
        var (pool, clientId, _) = await _client.PoolAndClientAsync();
        await _client.CreateUserAsync(pool, "doubling");
        for (var i = 0; i < 5; i++)
        {
            await _client.PasswordAuthAsync(clientId, "doubling", Wrong);
        }

        // 5th failure: locked for 1 s. At its end a 6th failure locks for 2 s.
        factory.Clock.Advance(TimeSpan.FromSeconds(1));
        var sixth = await _client.PasswordAuthAsync(clientId, "doubling", Wrong);
        factory.Clock.Advance(TimeSpan.FromSeconds(1));
        var oneSecondBefore = await _client.PasswordAuthAsync(clientId, "doubling", AuthSetup.Password);
        factory.Clock.Advance(TimeSpan.FromSeconds(1));
        var atExpiry = await _client.PasswordAuthAsync(clientId, "doubling", AuthSetup.Password);

        Assert.Equal("Incorrect username or password.", sixth.Message);
        Assert.Equal("Password attempts exceeded", oneSecondBefore.Message);
        Assert.Equal(HttpStatusCode.OK, atExpiry.Status);
        var user = await TestStore.UserAsync(factory, pool, "doubling");
        Assert.Equal(0, user.FailedSignIns);
        Assert.Null(user.LockedUntil);
    }

    [Trait("SecurityRowPart", "4")]
    [Fact]
    public async Task InitiateAuth_SrpFailuresCountToo()
    {
        var (pool, clientId, _) = await _client.PoolAndClientAsync();
        await _client.CreateUserAsync(pool, "srp-lock");
        for (var i = 0; i < 5; i++)
        {
            await _client.SrpAuthAsync(factory, pool, clientId, "srp-lock", Wrong);
        }

        var locked = await _client.SrpAuthAsync(factory, pool, clientId, "srp-lock", AuthSetup.Password);

        Assert.Equal("Password attempts exceeded", locked.Message);
    }

    [Trait("SecurityRowPart", "3")]
    [Fact]
    public async Task InitiateAuth_FiftyParallelWrongPasswords_AtMostFivePasswordChecks()
    {
        var (pool, clientId, _) = await _client.PoolAndClientAsync();
        await _client.CreateUserAsync(pool, "parallel");

        var responses = await Task.WhenAll(Enumerable.Range(0, 50)
            .Select(_ => _client.PasswordAuthAsync(clientId, "parallel", Wrong)));

        var checkedPasswords = responses.Count(r => r.Message == "Incorrect username or password.");
        Assert.InRange(checkedPasswords, 1, 5);
        Assert.All(responses, r => Assert.Equal("NotAuthorizedException", r.ErrorType));
        Assert.Equal(50 - checkedPasswords, responses.Count(r => r.Message == "Password attempts exceeded"));
        var user = await TestStore.UserAsync(factory, pool, "parallel");
        Assert.Equal(5, user.FailedSignIns);
    }
}
