using Gatehouse.Server.Devices;

namespace Gatehouse.UnitTests.Devices;

public sealed class DeviceListTokenTests
{
    [Fact]
    public void Read_WrittenToken_RoundTrips() => Assert.Equal(42L, DeviceListToken.Read(DeviceListToken.Write(42)));

    [Theory]
    [InlineData(null, 0L)]
    [InlineData("", 0L)]
    public void Read_NoToken_StartsAtTheBeginning(string? token, long expected) =>
        Assert.Equal(expected, DeviceListToken.Read(token));

    [Theory]
    [InlineData("d1.")]
    [InlineData("d1.0")]
    [InlineData("d1.-5")]
    [InlineData("d2.5")]
    [InlineData("d1.5x")]
    [InlineData("d1.99999999999999999999")]
    public void Read_ForeignToken_Null(string token) => Assert.Null(DeviceListToken.Read(token));

    [Theory]
    [InlineData(null, 60)]
    [InlineData(0, 60)]
    [InlineData(1, 1)]
    [InlineData(60, 60)]
    public void Limit_DefaultsAndCapsAtSixty(int? requested, int expected) =>
        Assert.Equal(expected, DeviceListToken.Limit(requested));
}
