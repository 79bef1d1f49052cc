using Gatehouse.Server.Storage;

namespace Gatehouse.Server.Users;

/// <summary>Stores a new password on a user as its SRP verifier (format in <see cref="PasswordVerifier"/>).</summary>
internal sealed class UserPasswords(SecretProtector protector)
{
    public void Set(User user, string password, DateTimeOffset now)
    {
        // The verifier is bound to USER_ID_FOR_SRP, which is the stored (immutable) username.
        var salt = PasswordVerifier.NewSaltHex();
        var verifier = PasswordVerifier.ComputeVerifierHex(
            PasswordVerifier.PoolName(user.PoolId), user.Username, password, salt);
        user.PasswordSalt = salt;
        user.PasswordVerifierProtected = protector.Protect(PasswordVerifier.ProtectPurpose, verifier);
        user.PasswordSetAt = now;
        user.ImportedPasswordHashProtected = null;
    }
}
