using System.Security.Cryptography;
using OtpNet;

namespace Gatehouse.Server.Mfa;

/// <summary>
/// TOTP as authenticator apps and Cognito use it (RFC 6238 with HMAC-SHA1, 6 digits, 30-second steps from the
/// Unix epoch), computed by Otp.NET. A code is accepted for the current step and one step either side
/// (RFC 6238 §5.2 allows a window for clock drift; Cognito documents none wider). The secret is 20 random bytes
/// (the RFC 4226 recommended length), shown base32 without padding, as Cognito's SecretCode is.
/// </summary>
internal static class TotpCodes
{
    public const int StepSeconds = 30;
    public const int Digits = 6;
    private static readonly VerificationWindow Window = new(previous: 1, future: 1);

    public static byte[] NewSecret() => RandomNumberGenerator.GetBytes(20);

    public static string ToBase32(byte[] secret) => Base32Encoding.ToString(secret).TrimEnd('=');

    public static byte[] FromBase32(string text) => Base32Encoding.ToBytes(text);

    /// <summary>Whether <paramref name="code"/> has the shape of a code: exactly six ASCII digits.</summary>
    public static bool IsWellFormed(string? code) =>
        code is { Length: Digits } && code.All(char.IsAsciiDigit);

    /// <summary>The step <paramref name="code"/> is valid for at <paramref name="now"/> (within the window), or null.</summary>
    public static long? MatchStep(byte[] secret, string code, DateTimeOffset now)
    {
        if (!IsWellFormed(code))
        {
            return null;
        }

        var totp = new Totp(secret, StepSeconds, OtpHashMode.Sha1, Digits);
        return totp.VerifyTotp(now.UtcDateTime, code, out var step, Window) ? step : null;
    }

    /// <summary>The code for <paramref name="at"/> (tests and the benchmark use it to act as an authenticator).</summary>
    public static string Compute(byte[] secret, DateTimeOffset at) =>
        new Totp(secret, StepSeconds, OtpHashMode.Sha1, Digits).ComputeTotp(at.UtcDateTime);
}
