using Gatehouse.Server.HostedUi;

namespace Gatehouse.UnitTests.HostedUi;

public sealed class TotpQrCodeTests
{
    [Fact]
    public void OtpAuthUri_KeyUriFormat_EscapesIssuerAndAccount()
    {
        var uri = TotpQrCode.OtpAuthUri("My Pool", "ann@example.com", "JBSWY3DPEHPK3PXP");

        Assert.Equal("otpauth://totp/My%20Pool:ann%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=My%20Pool", uri);
    }

    [Fact]
    public void PngDataUri_IsAPngImage()
    {
        var uri = TotpQrCode.PngDataUri("otpauth://totp/P:u?secret=JBSWY3DPEHPK3PXP&issuer=P");

        Assert.StartsWith("data:image/png;base64,", uri, StringComparison.Ordinal);
        var png = Convert.FromBase64String(uri["data:image/png;base64,".Length..]);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png[..4]);
    }
}
