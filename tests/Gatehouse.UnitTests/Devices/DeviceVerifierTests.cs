using Gatehouse.Server.AwsProtocol.Shapes;
using Gatehouse.Server.Devices;

namespace Gatehouse.UnitTests.Devices;

public sealed class DeviceVerifierTests
{
    [Fact]
    public void Read_ClientForm_SaltHexAndVerifier()
    {
        // The padHex byte form the clients send: a leading 0x00 when the top bit is set.
        var config = new DeviceSecretVerifierConfigType
        {
            Salt = Convert.ToBase64String([0x00, 0x9f, 0x2b]),
            PasswordVerifier = Convert.ToBase64String([0x00, 0x80, 0x01]),
        };

        var (saltHex, verifier, error) = DeviceVerifier.Read(config);

        Assert.Null(error);
        Assert.Equal("009f2b", saltHex);
        Assert.Equal(0x8001, (int)verifier);
    }

    [Theory]
    [InlineData(null, "AQI=")]
    [InlineData("", "AQI=")]
    [InlineData("%%%", "AQI=")]
    [InlineData("AQI=", null)]
    [InlineData("AQI=", "AA==")]
    [InlineData("AQI=", "AQ==")]
    public void Read_Malformed_InvalidParameter(string? salt, string? verifier)
    {
        var (_, _, error) = DeviceVerifier.Read(new DeviceSecretVerifierConfigType { Salt = salt, PasswordVerifier = verifier });

        Assert.Equal("InvalidParameterException", error?.Type);
    }

    [Fact]
    public void Read_VerifierNotBelowN_InvalidParameter()
    {
        var tooBig = Enumerable.Repeat((byte)0xff, 384).ToArray();

        var (_, _, error) = DeviceVerifier.Read(
            new DeviceSecretVerifierConfigType { Salt = "AQI=", PasswordVerifier = Convert.ToBase64String(tooBig) });

        Assert.Equal("InvalidParameterException", error?.Type);
    }

    [Fact]
    public void Read_NoConfig_InvalidParameter() =>
        Assert.Equal("InvalidParameterException", DeviceVerifier.Read(null).Error?.Type);
}
