namespace Gatehouse.Server.Branding;

/// <summary>
/// The logo of SetUICustomization: a PNG or JPEG file (told by its signature bytes) of at most 100 KB
/// (developer guide, "Specifying a custom logo": "The logo file can't be larger than 100 KB").
/// </summary>
internal static class UiCustomizationImage
{
    public const int MaxBytes = 100 * 1024;

    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] JpegSignature = [0xFF, 0xD8, 0xFF];

    /// <summary>The image's media type, or null when it is not an image the hosted UI can show.</summary>
    public static string? MediaType(byte[] image) =>
        image.Length > MaxBytes ? null
        : image.AsSpan().StartsWith(PngSignature) ? "image/png"
        : image.AsSpan().StartsWith(JpegSignature) ? "image/jpeg"
        : null;

    public static string Extension(string mediaType) =>
        string.Equals(mediaType, "image/png", StringComparison.Ordinal) ? "png" : "jpg";
}
