using Gatehouse.Server.UserPools;

namespace Gatehouse.UnitTests.UserPools;

public sealed class UserPoolPageTokenTests
{
    [Fact]
    public void Encode_ThenDecode_SameKeys()
    {
        var token = UserPoolPageToken.Encode("ListUserPools", "1700000000000", "us-east-1_abc");

        Assert.Equal(["1700000000000", "us-east-1_abc"], UserPoolPageToken.Decode(token, "ListUserPools", 2));
    }

    [Fact]
    public void Encode_KnownKeys_VersionedBase64UrlLayout() =>
        // base64url("v1\nS\nk") without padding.
        Assert.Equal("djEKUwpr", UserPoolPageToken.Encode("S", "k"));

    [Theory]
    [InlineData("djEKUwpr", "Other", 1)]
    [InlineData("djEKUwpr", "S", 2)]
    [InlineData("djIKUwpr", "S", 1)]
    [InlineData("!!!", "S", 1)]
    [InlineData("", "S", 1)]
    [InlineData("djEKUwo", "S", 1)]
    public void Decode_WrongScopeCountVersionOrText_Null(string token, string scope, int keys) =>
        Assert.Null(UserPoolPageToken.Decode(token, scope, keys));
}
