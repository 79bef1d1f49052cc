using System.Security.Cryptography;
using Gatehouse.Server.Auth;

namespace Gatehouse.Server.Users;

/// <summary>
/// Cognito's SRP password verifier (protocol-notes §11): <c>x = H(saltBytes ‖ H(utf8(poolName ‖ userIdForSrp ‖ ":"
/// ‖ password)))</c>, <c>v = g^x mod N</c>, computed by <see cref="SrpMath"/>.
/// Stored format v1: <c>PasswordSalt</c> = the salt as lower-case hex (16 random bytes), and the verifier as
/// lower-case hex of <c>v</c> (no padding), encrypted with <see cref="Storage.SecretProtector"/> under
/// <see cref="ProtectPurpose"/>.
/// </summary>
internal static class PasswordVerifier
{
    public const string ProtectPurpose = "srp-verifier";

    /// <summary>16 random bytes as lower-case hex.</summary>
    public static string NewSaltHex() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>The SRP pool name: the part of the pool id after <c>_</c>.</summary>
    public static string PoolName(string userPoolId) => userPoolId[(userPoolId.IndexOf('_', StringComparison.Ordinal) + 1)..];

    /// <summary><c>v = g^x mod N</c> as lower-case hex without leading zeros.</summary>
    public static string ComputeVerifierHex(string poolName, string userIdForSrp, string password, string saltHex) =>
        SrpMath.ToHex(SrpMath.Verifier(SrpMath.ComputeX(poolName, userIdForSrp, password, SrpMath.ParseHex(saltHex))));
}
