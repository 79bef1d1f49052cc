using Gatehouse.Server.Users;

namespace Gatehouse.UnitTests.Users;

public sealed class ListUsersTokenTests
{
    [Theory]
    [InlineData(1L)]
    [InlineData(123456789L)]
    [InlineData(long.MaxValue)]
    public void Read_CreatedToken_GivesId(long id)
    {
        var token = ListUsersToken.Create(id);

        Assert.StartsWith("v1.", token, StringComparison.Ordinal);
        Assert.Equal(id, ListUsersToken.Read(token));
    }

    [Theory]
    [InlineData("")]
    [InlineData("v2.MTI")]
    [InlineData("v3.MTI")]
    [InlineData("v1.")]
    [InlineData("v1.!!!")]
    [InlineData("v1.LTU")] // "-5"
    [InlineData("v1.YWJj")] // "abc"
    public void Read_Foreign_Null(string token)
    {
        Assert.Null(ListUsersToken.Read(token));
    }

    [Theory]
    [InlineData(1L, "")]
    [InlineData(42L, "ann@example.com")]
    [InlineData(long.MaxValue, "line\nbreak and é")]
    public void ReadKeyed_CreatedToken_GivesIdAndValue(long id, string value)
    {
        var token = ListUsersToken.Create(id, value);

        Assert.StartsWith("v2.", token, StringComparison.Ordinal);
        Assert.Equal((id, value), ListUsersToken.ReadKeyed(token));
        Assert.Null(ListUsersToken.Read(token));
    }

    [Theory]
    [InlineData("v1.MTI")]
    [InlineData("v2.")]
    [InlineData("v2.YWJj")] // "abc": no separator
    [InlineData("v2.LTUKeA")] // "-5\nx"
    public void ReadKeyed_Foreign_Null(string token) => Assert.Null(ListUsersToken.ReadKeyed(token));
}
