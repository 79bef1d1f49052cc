using System.Buffers.Text;
using System.Text;
using Gatehouse.Server.Iam;
using Gatehouse.Server.Storage;

namespace Gatehouse.UnitTests.Iam;

public sealed class IamMarkersTests
{
    private static IamMarkers Markers(byte fill) =>
        new(MasterKey.Load(new StorageOptions { MasterKey = Convert.ToBase64String(Enumerable.Repeat(fill, 32).ToArray()) }));

    [Fact]
    public void Decode_OwnMarker_ReturnsKey()
    {
        var markers = Markers(1);

        var marker = markers.Encode("roles", "/app/", "role-é");

        Assert.Equal("role-é", markers.Decode(marker, "roles", "/app/"));
        Assert.True(marker.Length <= 320);
    }

    [Theory]
    [InlineData("policies", "/app/")]
    [InlineData("roles", "/")]
    public void Decode_OtherListing_Null(string list, string scope)
    {
        var markers = Markers(1);

        Assert.Null(markers.Decode(markers.Encode("roles", "/app/", "k"), list, scope));
    }

    [Fact]
    public void Decode_KeyEdited_Null()
    {
        var markers = Markers(1);
        var parts = markers.Encode("roles", "/", "b").Split('.');
        var edited = $"{parts[0]}.{Base64Url.EncodeToString(Encoding.UTF8.GetBytes("a"))}.{parts[2]}";

        Assert.Null(markers.Decode(edited, "roles", "/"));
    }

    [Fact]
    public void Decode_OtherMasterKey_Null()
    {
        Assert.Null(Markers(2).Decode(Markers(1).Encode("roles", "/", "k"), "roles", "/"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("garbage")]
    [InlineData("1.!!.!!")]
    [InlineData("2.YQ.AAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("1..AAAAAAAAAAAAAAAAAAAAAA")]
    public void Decode_Malformed_Null(string marker)
    {
        Assert.Null(Markers(1).Decode(marker, "roles", "/"));
    }
}
