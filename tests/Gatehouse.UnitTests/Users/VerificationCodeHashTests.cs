using Gatehouse.Server.Users;

namespace Gatehouse.UnitTests.Users;

public sealed class VerificationCodeHashTests
{
    [Fact]
    public void NewCode_IsSixDigits()
    {
        for (var i = 0; i < 200; i++)
        {
            Assert.Matches("^[0-9]{6}$", VerificationCodeHash.NewCode());
        }
    }

    [Fact]
    public void Hash_SameCodeTwice_DifferentSaltsBothMatch()
    {
        var first = VerificationCodeHash.Hash("123456");
        var second = VerificationCodeHash.Hash("123456");

        Assert.NotEqual(first, second);
        Assert.StartsWith("v1$", first, StringComparison.Ordinal);
        Assert.DoesNotContain("123456", first, StringComparison.Ordinal);
        Assert.True(VerificationCodeHash.Matches(first, "123456"));
        Assert.True(VerificationCodeHash.Matches(second, "123456"));
    }

    [Theory]
    [InlineData("123457")]
    [InlineData("12345")]
    [InlineData("")]
    public void Matches_OtherCode_False(string presented)
    {
        Assert.False(VerificationCodeHash.Matches(VerificationCodeHash.Hash("123456"), presented));
    }

    [Fact]
    public void Matches_UnknownFormatVersion_Throws()
    {
        Assert.Throws<FormatException>(() => VerificationCodeHash.Matches("v9$AAAA$AAAA", "123456"));
    }
}
