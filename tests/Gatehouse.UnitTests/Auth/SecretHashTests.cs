using Gatehouse.Server.Auth;

namespace Gatehouse.UnitTests.Auth;

public sealed class SecretHashTests
{
    // HMAC-SHA256(key "secret", "alice" + "client1"), base64: computed independently with openssl.
    private const string Expected = "1f+jIZ5jrvd9T9LKNEBwDVXuGhIxTem62DTEPkKb29k=";

    [Fact]
    public void Compute_KnownAnswer() => Assert.Equal(Expected, SecretHash.Compute("secret", "alice", "client1"));

    [Theory]
    [InlineData(Expected, true)]
    [InlineData("1f+jIZ5jrvd9T9LKNEBwDVXuGhIxTem62DTEPkKb29j=", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Matches_OnlyTheExactHash(string? presented, bool matches) =>
        Assert.Equal(matches, SecretHash.Matches("secret", "alice", "client1", presented));
}
