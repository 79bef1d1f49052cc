using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Gatehouse.Server.Users;

/// <summary>
/// The 6-digit codes Cognito sends, and how they are kept at rest.
/// Stored format v1: <c>v1$&lt;salt&gt;$&lt;hash&gt;</c> where salt is 16 random bytes and hash is
/// SHA-256(salt ‖ UTF-8(code)), both base64. A salted hash of a 6-digit code does not resist an offline search by
/// someone who has read the database; what protects a code is its short life and the attempt limit enforced in
/// the store (<see cref="VerificationCodes"/>). The hash keeps codes out of backups and logs in readable form.
/// </summary>
internal static class VerificationCodeHash
{
    private const string Version = "v1";

    /// <summary>Six decimal digits, uniformly from <see cref="RandomNumberGenerator"/>.</summary>
    public static string NewCode() =>
        RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture);

    public static string Hash(string code)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        return $"{Version}${Convert.ToBase64String(salt)}${Convert.ToBase64String(Digest(salt, code))}";
    }

    /// <summary>Whether <paramref name="code"/> is the one hashed in <paramref name="stored"/>, in constant time.</summary>
    public static bool Matches(string stored, string code)
    {
        var parts = stored.Split('$');
        if (parts.Length != 3 || !string.Equals(parts[0], Version, StringComparison.Ordinal))
        {
            throw new FormatException("Unknown verification code hash format.");
        }

        var expected = Convert.FromBase64String(parts[2]);
        return CryptographicOperations.FixedTimeEquals(expected, Digest(Convert.FromBase64String(parts[1]), code));
    }

    private static byte[] Digest(byte[] salt, string code) =>
        SHA256.HashData([.. salt, .. Encoding.UTF8.GetBytes(code)]);
}
