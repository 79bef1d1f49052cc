using System.Numerics;
using Gatehouse.Server.Auth;
using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes;

namespace Gatehouse.Server.Devices;

/// <summary>
/// The device's SRP verifier from ConfirmDevice's <c>DeviceSecretVerifierConfig</c> (protocol-notes §11, device
/// SRP): <c>Salt</c> = base64(padHex bytes of the salt), <c>PasswordVerifier</c> = base64(padHex bytes of
/// <c>v = g^x</c>, <c>x = H(salt ‖ H(DeviceGroupKey ‖ DeviceKey ‖ ":" ‖ randomPassword))</c>). Stored as in
/// <c>Storage/Device</c>: the salt as lower-case hex of its bytes, <c>v</c> as lower-case hex encrypted under
/// <see cref="ProtectPurpose"/>.
/// </summary>
internal static class DeviceVerifier
{
    public const string ProtectPurpose = "device-srp-verifier";

    /// <summary>The salt hex and verifier, or the InvalidParameterException for a malformed config.</summary>
    public static (string SaltHex, BigInteger Verifier, AwsError? Error) Read(DeviceSecretVerifierConfigType? config)
    {
        if (config is null)
        {
            return ("", default, AwsError.InvalidParameter(DeviceMessages.VerifierConfigRequired));
        }

        if (Decode(config.Salt, 256) is not { } salt)
        {
            return ("", default, AwsError.InvalidParameter(DeviceMessages.InvalidSalt));
        }

        if (Decode(config.PasswordVerifier, 512) is not { } verifierBytes
            || SrpMath.FromBytes(verifierBytes) is var v && (v.IsZero || v >= SrpMath.N || v.IsOne))
        {
            return ("", default, AwsError.InvalidParameter(DeviceMessages.InvalidVerifier));
        }

        return (Convert.ToHexStringLower(salt), v, null);
    }

    private static byte[]? Decode(string? base64, int maxBytes)
    {
        if (base64 is not { Length: > 0 } text || text.Length > ((maxBytes + 2) / 3 * 4) + 4)
        {
            return null;
        }

        var buffer = new byte[(text.Length * 3 / 4) + 3];
        return Convert.TryFromBase64String(text, buffer, out var length) && length is > 0 && length <= maxBytes
            ? buffer[..length]
            : null;
    }
}
