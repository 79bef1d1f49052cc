using Gatehouse.Server.Tokens;

namespace Gatehouse.UnitTests.Tokens;

public sealed class RefreshTokenFormatTests
{
    [Fact]
    public void New_VersionPrefixAndUnique()
    {
        var a = RefreshTokenFormat.New();
        var b = RefreshTokenFormat.New();

        Assert.StartsWith("ghr1.", a, StringComparison.Ordinal);
        Assert.Equal(91, a.Length);
        Assert.Matches("^[A-Za-z0-9-_=.]+$", a);
        Assert.NotEqual(a, b);
        Assert.True(RefreshTokenFormat.LooksLikeRefreshToken(a));
    }

    [Fact]
    public void Hash_Sha256Hex()
    {
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", RefreshTokenFormat.Hash("abc"));
    }

    [Theory]
    [InlineData("eyJhbGciOiJSUzI1NiJ9.e30.sig")]
    [InlineData("ghr1.short")]
    [InlineData("")]
    public void LooksLikeRefreshToken_OtherStrings_False(string token)
    {
        Assert.False(RefreshTokenFormat.LooksLikeRefreshToken(token));
    }
}
