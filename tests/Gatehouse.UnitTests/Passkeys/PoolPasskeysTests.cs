using Gatehouse.Server.Passkeys;

namespace Gatehouse.UnitTests.Passkeys;

public sealed class PoolPasskeysTests
{
    [Theory]
    [InlineData("auth.example.com", "https://auth.example.com", true)]
    [InlineData("auth.example.com", "https://auth.example.com:8443", true)]
    [InlineData("example.com", "https://app.example.com", true)]
    [InlineData("auth.example.com", "http://auth.example.com", false)]
    [InlineData("auth.example.com", "https://evil-auth.example.com", false)]
    [InlineData("auth.example.com", "https://auth.example.com.evil.test", false)]
    [InlineData("auth.example.com", "https://example.com", false)]
    [InlineData("auth.example.com", "https://user@auth.example.com", false)]
    [InlineData("auth.example.com", "https://auth.example.com/path", false)]
    [InlineData("auth.example.com", "not a url", false)]
    [InlineData("localhost", "http://localhost:5173", true)]
    [InlineData("localhost", "https://localhost", true)]
    [InlineData("localhost", "http://127.0.0.1:5173", false)]
    [InlineData("localhost", "http://localhost.evil.test", false)]
    [InlineData("localhost", "file://localhost", false)]
    public void OriginAllowed_FollowsTheWebAuthnScopingRule(string rpId, string origin, bool allowed) =>
        Assert.Equal(allowed, PoolPasskeys.OriginAllowed(rpId, origin));
}
