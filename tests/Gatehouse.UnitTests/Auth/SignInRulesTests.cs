using Gatehouse.Server.Auth;
using Gatehouse.Server.Storage;

namespace Gatehouse.UnitTests.Auth;

public sealed class SignInRulesTests
{
    [Trait("SecurityRowPart", "2")]
    [Theory]
    [InlineData(4, null)]
    [InlineData(5, 1)]
    [InlineData(6, 2)]
    [InlineData(9, 16)]
    [InlineData(14, 512)]
    [InlineData(15, 900)]
    [InlineData(40, 900)]
    public void LockAfter_DoublesFromOneSecondToFifteenMinutes(int failures, int? seconds)
    {
        Assert.Equal(seconds is null ? null : TimeSpan.FromSeconds(seconds.Value), SignInLockout.LockAfter(failures));
    }

    [Theory]
    [InlineData("Fri Nov 6 09:05:07 UTC 2026", true)]
    [InlineData("Fri Nov 06 09:05:07 UTC 2026", true)]
    [InlineData("Mon Nov 16 09:05:07 UTC 2026", true)]
    [InlineData("Fri Nov 16 09:05:07 UTC 2026", false)]
    [InlineData("2026-11-06T09:05:07Z", false)]
    [InlineData("Fri Nov 6 09:05:07 GMT 2026", false)]
    public void SrpTimestamp_Parse_CognitoFormat(string text, bool valid)
    {
        Assert.Equal(valid, SrpTimestamp.Parse(text) is not null);
    }

    [Fact]
    public void SrpTimestamp_Window_FiveMinutesEitherSide()
    {
        var issued = new DateTimeOffset(2026, 11, 6, 9, 0, 0, TimeSpan.Zero);

        Assert.True(SrpTimestamp.WithinWindow(issued.AddMinutes(5), issued));
        Assert.True(SrpTimestamp.WithinWindow(issued.AddMinutes(-5), issued));
        Assert.False(SrpTimestamp.WithinWindow(issued.AddMinutes(5).AddSeconds(1), issued));
        Assert.Equal("Fri Nov 6 09:00:00 UTC 2026", SrpTimestamp.Format(issued));
    }

    [Theory]
    [InlineData("USER_SRP_AUTH", new[] { "ALLOW_USER_SRP_AUTH" }, true)]
    [InlineData("USER_SRP_AUTH", new[] { "ALLOW_USER_PASSWORD_AUTH" }, false)]
    [InlineData("USER_SRP_AUTH", new[] { "USER_PASSWORD_AUTH" }, true)]
    [InlineData("USER_SRP_AUTH", new[] { "CUSTOM_AUTH_FLOW_ONLY" }, false)]
    [InlineData("REFRESH_TOKEN", new[] { "ALLOW_REFRESH_TOKEN_AUTH" }, true)]
    [InlineData("REFRESH_TOKEN_AUTH", new[] { "ADMIN_NO_SRP_AUTH" }, true)]
    [InlineData("USER_PASSWORD_AUTH", new[] { "USER_PASSWORD_AUTH" }, true)]
    [InlineData("USER_PASSWORD_AUTH", new[] { "ALLOW_USER_SRP_AUTH" }, false)]
    [InlineData("ADMIN_NO_SRP_AUTH", new[] { "ALLOW_ADMIN_USER_PASSWORD_AUTH" }, true)]
    [InlineData("ADMIN_USER_PASSWORD_AUTH", new[] { "ADMIN_NO_SRP_AUTH" }, true)]
    [InlineData("ADMIN_USER_PASSWORD_AUTH", new[] { "ALLOW_USER_PASSWORD_AUTH" }, false)]
    public void AuthFlows_Allowed_ByExplicitFlowsIncludingLegacy(string flow, string[] explicitFlows, bool allowed)
    {
        Assert.Equal(allowed, AuthFlows.Allowed(explicitFlows, flow));
    }

    [Trait("SecurityRowPart", "11")]
    [Fact]
    public void UnknownUserDecoy_DeterministicPerPoolAndName()
    {
        var key = MasterKey.Load(new StorageOptions { MasterKey = Convert.ToBase64String(new byte[32]) });
        var decoy = new UnknownUserDecoy(key);
        var other = new UnknownUserDecoy(MasterKey.Load(new StorageOptions { MasterKey = Convert.ToBase64String(Enumerable.Repeat((byte)1, 32).ToArray()) }));

        Assert.Equal(decoy.SaltHex("p", "bob"), decoy.SaltHex("p", "bob"));
        Assert.Equal(32, decoy.SaltHex("p", "bob").Length);
        Assert.NotEqual(decoy.SaltHex("p", "bob"), decoy.SaltHex("p", "ann"));
        Assert.NotEqual(decoy.SaltHex("p", "bob"), decoy.SaltHex("q", "bob"));
        Assert.NotEqual(decoy.SaltHex("p", "bob"), other.SaltHex("p", "bob"));
        Assert.Equal(decoy.Verifier("p", "bob"), decoy.Verifier("p", "bob"));
        Assert.Equal(4, Guid.Parse(decoy.UserIdForSrp("p", "bob")).Version);
    }
}
