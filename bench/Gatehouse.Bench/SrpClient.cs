using System.Globalization;
using System.Numerics;
using System.Security.Cryptography;
using Gatehouse.Server.Auth;

namespace Gatehouse.Bench;

/// <summary>
/// The client half of USER_SRP_AUTH, as amazon-cognito-identity-js does it: a random a, A = g^a for InitiateAuth,
/// then S = (B − k·g^x)^(a + u·x) and the PASSWORD_CLAIM_SIGNATURE for the PASSWORD_VERIFIER challenge. It uses the
/// server's <see cref="SrpMath"/> for the arithmetic (GMP), so the load generator's share of the work is as cheap as
/// the server's; all of it runs in the load generator's process, on its own core.
/// </summary>
internal sealed class SrpClient
{
    private readonly BigInteger _a = SrpMath.FromBytes(RandomNumberGenerator.GetBytes(32));
    private readonly BigInteger _bigA;

    public SrpClient() => _bigA = SrpMath.PowModN(SrpMath.G, _a);

    public string SrpA => SrpMath.ToHex(_bigA);

    public (string Signature, string Timestamp) Answer(
        string poolId, string userIdForSrp, string password, string saltHex, string srpBHex, string secretBlock)
    {
        var poolName = poolId[(poolId.IndexOf('_', StringComparison.Ordinal) + 1)..];
        var bigB = SrpMath.ParseHex(srpBHex);
        var u = SrpMath.ComputeU(_bigA, bigB);
        var x = SrpMath.ComputeX(poolName, userIdForSrp, password, SrpMath.ParseHex(saltHex));
        var baseValue = ((bigB - (SrpMath.K * SrpMath.PowModN(SrpMath.G, x))) % SrpMath.N + SrpMath.N) % SrpMath.N;
        var s = SrpMath.PowModN(baseValue, _a + (u * x));
        var key = SrpMath.DerivedKey(u, s);
        var timestamp = DateTime.UtcNow.ToString("ddd MMM d HH:mm:ss 'UTC' yyyy", CultureInfo.InvariantCulture);
        return (SrpMath.ClaimSignature(key, poolName, userIdForSrp, Convert.FromBase64String(secretBlock), timestamp),
            timestamp);
    }
}
