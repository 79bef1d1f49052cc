using Gatehouse.Server.Users;
using Gatehouse.TestKit;

namespace Gatehouse.ApiTests.Users;

public sealed class AdminPasswordTests(GatehouseFactory factory) : IClassFixture<GatehouseFactory>
{
    private readonly AwsApiClient _client = factory.CreateAwsClient();

    [Theory]
    [InlineData(true, "CONFIRMED")]
    [InlineData(false, "FORCE_CHANGE_PASSWORD")]
    public async Task AdminSetUserPassword_Permanent_SetsStatusAndVerifier(bool permanent, string status)
    {
        var pool = await TestPools.CreateAsync(factory);
        await TestUsers.CreateAsync(_client, pool, "ann");

        var response = await _client.CallAsync("AdminSetUserPassword", new
        {
            UserPoolId = pool,
            Username = "ann",
            Password = "NewPass99!",
            Permanent = permanent,
        });

        Assert.Equal("{}", response.Text);
        var stored = await TestStore.UserAsync(factory, pool, "ann");
        Assert.Equal(status, stored.Status);
        Assert.Equal(PasswordVerifier.ComputeVerifierHex(PasswordVerifier.PoolName(pool), "ann", "NewPass99!",
            stored.PasswordSalt!), TestStore.UnprotectVerifier(factory, stored));
    }

    [Fact]
    public async Task AdminSetUserPassword_BreaksPolicy_InvalidPasswordAndUnchanged()
    {
        var pool = await TestPools.CreateAsync(factory);
        await TestUsers.CreateAsync(_client, pool, "bo");
        var before = await TestStore.UserAsync(factory, pool, "bo");

        var response = await _client.CallAsync("AdminSetUserPassword", new
        {
            UserPoolId = pool,
            Username = "bo",
            Password = "weakpass",
            Permanent = true,
        });

        Assert.Equal("InvalidPasswordException", response.ErrorType);
        var after = await TestStore.UserAsync(factory, pool, "bo");
        Assert.Equal(before.PasswordVerifierProtected, after.PasswordVerifierProtected);
        Assert.Equal("FORCE_CHANGE_PASSWORD", after.Status);
    }

    [Fact]
    public async Task AdminSetUserPassword_UnknownUser_UserNotFound()
    {
        var pool = await TestPools.CreateAsync(factory);

        var response = await _client.CallAsync("AdminSetUserPassword", new
        {
            UserPoolId = pool,
            Username = "ghost",
            Password = "NewPass99!",
        });

        Assert.Equal("UserNotFoundException", response.ErrorType);
    }

    [Fact]
    public async Task AdminResetUserPassword_VerifiedEmail_ResetRequiredAndCodeSent()
    {
        var pool = await TestPools.CreateAsync(factory);
        var email = $"{Guid.NewGuid():N}@example.com";
        await TestUsers.CreateAsync(_client, pool, "cat", ("email", email), ("email_verified", "true"));
        await SetPermanentAsync(pool, "cat");

        var response = await _client.CallAsync("AdminResetUserPassword", new { UserPoolId = pool, Username = "cat" });

        Assert.Equal("{}", response.Text);
        Assert.Equal("RESET_REQUIRED", (await TestStore.UserAsync(factory, pool, "cat")).Status);
        var message = Assert.Single(await TestStore.OutboxAsync(factory, email));
        Assert.Matches("^Your verification code is [0-9]{6}\\.$", message.Body);
    }

    [Fact]
    public async Task AdminResetUserPassword_NoVerifiedContact_InvalidParameterAndUnchanged()
    {
        var pool = await TestPools.CreateAsync(factory);
        await TestUsers.CreateAsync(_client, pool, "dan", ("email", "dan@example.com"));
        await SetPermanentAsync(pool, "dan");

        var response = await _client.CallAsync("AdminResetUserPassword", new { UserPoolId = pool, Username = "dan" });

        Assert.Equal("InvalidParameterException", response.ErrorType);
        Assert.Equal("CONFIRMED", (await TestStore.UserAsync(factory, pool, "dan")).Status);
        Assert.Empty(await TestStore.OutboxOfPoolAsync(factory, pool));
    }

    [Fact]
    public async Task AdminResetUserPassword_ForceChangePassword_NotAuthorized()
    {
        var pool = await TestPools.CreateAsync(factory);
        await TestUsers.CreateAsync(_client, pool, "eve");

        var response = await _client.CallAsync("AdminResetUserPassword", new { UserPoolId = pool, Username = "eve" });

        Assert.Equal("NotAuthorizedException", response.ErrorType);
    }

    private Task<AwsResponse> SetPermanentAsync(string pool, string username) =>
        _client.CallAsync("AdminSetUserPassword", new
        {
            UserPoolId = pool,
            Username = username,
            Password = "Perm1234!",
            Permanent = true,
        });
}
