using System.Security.Cryptography;
using System.Text;
using Gatehouse.Server.PoolTransfer;
using Gatehouse.Server.Storage;
using Gatehouse.Server.Users;

namespace Gatehouse.Server.Auth;

/// <summary>
/// Checks a plain password (USER_PASSWORD_AUTH, ADMIN_USER_PASSWORD_AUTH) by recomputing the user's SRP verifier
/// from it (DESIGN.md "Authentication engine") and comparing in constant time; a user who has only an imported hash
/// (<see cref="ImportedPasswordHash"/>) is checked against that hash, and the caller then upgrades it
/// (<see cref="ImportedPasswordUpgrade"/>).
/// </summary>
internal sealed class PasswordCheck(SecretProtector protector, UnknownUserDecoy decoy)
{
    public bool Matches(User user, string password)
    {
        if (user.PasswordSalt is not { } salt || user.PasswordVerifierProtected is not { } stored)
        {
            // No verifier: do the same work as a real check, so the timing never falls below a known user's; then a
            // hash brought by `gatehouse import`, if the user has one (its own work comes on top, docs/pool-transfer.md).
            Decoy(user.PoolId, user.Username, password);
            return user.ImportedPasswordHashProtected is { } imported
                && ImportedPasswordHash.Parse(protector.Unprotect(ImportedPasswordHash.ProtectPurpose, imported), out _)
                    is { } hash
                && hash.Matches(password);
        }

        var computed = Compute(user.PoolId, user.Username, password, salt);
        var expected = protector.Unprotect(PasswordVerifier.ProtectPurpose, stored);
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(computed), Encoding.ASCII.GetBytes(expected));
    }

    /// <summary>The work of a check for a user that does not exist, so its timing matches a wrong password.</summary>
    public void Decoy(string poolId, string username, string password) =>
        _ = Compute(poolId, username, password, decoy.SaltHex(poolId, username));

    private static string Compute(string poolId, string username, string password, string saltHex) =>
        SrpMath.ToHex(SrpMath.Verifier(SrpMath.ComputeX(
            PasswordVerifier.PoolName(poolId), username, password, SrpMath.ParseHex(saltHex))));
}
