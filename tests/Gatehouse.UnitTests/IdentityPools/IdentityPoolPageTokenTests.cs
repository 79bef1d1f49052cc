using Gatehouse.Server.IdentityPools;
using Gatehouse.Server.Storage;

namespace Gatehouse.UnitTests.IdentityPools;

public sealed class IdentityPoolPageTokenTests
{
    private static readonly IdentityPoolPageToken Tokens =
        new(MasterKey.Load(new StorageOptions { MasterKey = Convert.ToBase64String(new byte[32]) }));

    [Fact]
    public void Encode_ThenDecode_SameKeys()
    {
        var token = Tokens.Encode("ListIdentityPools", "1700000000000", "us-east-1:0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0");

        Assert.Equal(["1700000000000", "us-east-1:0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0"],
            Tokens.Decode(token, "ListIdentityPools", 2));
    }

    [Fact]
    public void Encode_KnownKey_VersionedLayoutWithMac() =>
        // "v1." base64url("k") "." base64url(HMAC-SHA256(HKDF(zero key), len-prefixed "v1","S","k")[..16]),
        // computed independently (Python hmac/hashlib).
        Assert.Equal("v1.aw.UB8eRe4D0wW3jiPxR6ur_g", Tokens.Encode("S", "k"));

    [Fact]
    public void Encode_KeysWithSeparators_RoundTrip()
    {
        var token = Tokens.Encode("S", "a.b\nc", "", "ü");

        Assert.Equal(["a.b\nc", "", "ü"], Tokens.Decode(token, "S", 3));
    }

    [Theory]
    [InlineData("v1.aw.UB8eRe4D0wW3jiPxR6ur_g", "Other", 1)]
    [InlineData("v1.aw.UB8eRe4D0wW3jiPxR6ur_g", "S", 2)]
    [InlineData("v2.aw.UB8eRe4D0wW3jiPxR6ur_g", "S", 1)]
    [InlineData("v1.aA.UB8eRe4D0wW3jiPxR6ur_g", "S", 1)]
    [InlineData("v1.aw.UB8eRe4D0wW3jiPxR6ur_h", "S", 1)]
    [InlineData("v1.aw.UB8eRe4D0wW3jiPxR6ur", "S", 1)]
    [InlineData("v1.a!.UB8eRe4D0wW3jiPxR6ur_g", "S", 1)]
    [InlineData("", "S", 1)]
    [InlineData("garbage", "S", 1)]
    public void Decode_WrongScopeCountVersionKeyOrMac_Null(string token, string scope, int keys) =>
        Assert.Null(Tokens.Decode(token, scope, keys));

    [Fact]
    public void Decode_OtherMasterKey_Null()
    {
        var other = new IdentityPoolPageToken(MasterKey.Load(new StorageOptions
        {
            MasterKey = Convert.ToBase64String(Enumerable.Repeat((byte)7, 32).ToArray()),
        }));

        Assert.Null(other.Decode(Tokens.Encode("S", "k"), "S", 1));
    }
}
