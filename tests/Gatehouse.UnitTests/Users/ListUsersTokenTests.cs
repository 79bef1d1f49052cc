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
    [InlineData("v1.")]
    [InlineData("v1.!!!")]
    [InlineData("v1.LTU")] // "-5"
    [InlineData("v1.YWJj")] // "abc"
    public void Read_Foreign_Null(string token)
    {
        Assert.Null(ListUsersToken.Read(token));
    }
}
