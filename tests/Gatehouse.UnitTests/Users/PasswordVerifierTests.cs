using Gatehouse.Server.Users;

namespace Gatehouse.UnitTests.Users;

public sealed class PasswordVerifierTests
{
    // Test vector of protocol-notes §11 (outputs of amazon-cognito-identity-js 6.3.21).
    private const string PoolName = "TestPool1";
    private const string UserId = "7a1c5e0e-3f0b-4d5c-9a41-0d2b1f6a8c33";
    private const string Password = "Passw0rd!";
    private const string Salt = "9f2b6c11d04e7a88c3b5e2f1a0d9c877";

    [Fact]
    public void ComputeVerifierHex_KnownVector_MatchesClient()
    {
        var v = PasswordVerifier.ComputeVerifierHex(PoolName, UserId, Password, Salt);

        Assert.Equal(768, v.Length);
        Assert.StartsWith("6b9c4d14f2a3a6565b56c10f", v, StringComparison.Ordinal);
        Assert.EndsWith("68ca2fa812ee6f57", v, StringComparison.Ordinal);
    }

    [Fact]
    public void ComputeVerifierHex_OtherPassword_Differs()
    {
        var v = PasswordVerifier.ComputeVerifierHex(PoolName, UserId, "Passw0rd?", Salt);

        Assert.False(v.StartsWith("6b9c4d14f2a3a6565b56c10f", StringComparison.Ordinal));
    }

    [Fact]
    public void PoolName_PoolId_IsPartAfterUnderscore()
    {
        Assert.Equal("TestPool1", PasswordVerifier.PoolName("us-east-1_TestPool1"));
    }

    [Fact]
    public void NewSaltHex_Always_SixteenRandomBytes()
    {
        var a = PasswordVerifier.NewSaltHex();
        var b = PasswordVerifier.NewSaltHex();

        Assert.Equal(32, a.Length);
        Assert.NotEqual(a, b);
    }
}
