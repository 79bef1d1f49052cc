using QRCoder;

namespace Gatehouse.Server.HostedUi;

/// <summary>
/// The TOTP setup page's QR code: the Key Uri Format that authenticator apps read
/// (<c>otpauth://totp/&lt;issuer&gt;:&lt;account&gt;?secret=&lt;base32&gt;&amp;issuer=&lt;issuer&gt;</c>, issuer = the pool's
/// name, account = the username), drawn by QRCoder as a PNG and embedded as a <c>data:</c> image, which the hosted
/// UI's CSP allows (<c>img-src 'self' data:</c>), so the page needs neither a script nor a second request.
/// </summary>
internal static class TotpQrCode
{
    private const int PixelsPerModule = 6;

    public static string OtpAuthUri(string issuer, string account, string secretBase32) =>
        $"otpauth://totp/{Uri.EscapeDataString(issuer)}:{Uri.EscapeDataString(account)}" +
        $"?secret={secretBase32}&issuer={Uri.EscapeDataString(issuer)}";

    /// <summary>A <c>data:image/png;base64,...</c> URI of the QR code of <paramref name="text"/>.</summary>
    public static string PngDataUri(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(PixelsPerModule);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }
}
