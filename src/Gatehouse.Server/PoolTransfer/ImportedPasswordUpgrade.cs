using Gatehouse.Server.Storage;
using Gatehouse.Server.Users;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Server.PoolTransfer;

/// <summary>
/// After a password sign-in matched a user's imported hash (<see cref="Auth.PasswordCheck"/>), stores the pool's own
/// SRP verifier for that password and drops the hash, so that every later sign-in (SRP included) uses the verifier.
/// A conditional update on the hash that was checked, so two nodes signing the same user in at once write it once;
/// the tracked user is given the new values as unchanged, so the sign-in's own save does not write them again.
/// </summary>
internal sealed class ImportedPasswordUpgrade(AppDb db, UserPasswords passwords, TimeProvider clock)
{
    public async Task ApplyAsync(User user, string password, CancellationToken ct)
    {
        if (user.PasswordVerifierProtected is not null || user.ImportedPasswordHashProtected is not { } checkedHash)
        {
            return;
        }

        var fresh = new User
        {
            PoolId = user.PoolId,
            Username = user.Username,
            UsernameKey = user.UsernameKey,
            Sub = user.Sub,
            Status = user.Status,
        };
        passwords.Set(fresh, password, clock.GetUtcNow());
        await db.Users.Where(u => u.Id == user.Id && u.ImportedPasswordHashProtected == checkedHash)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.PasswordSalt, fresh.PasswordSalt)
                .SetProperty(u => u.PasswordVerifierProtected, fresh.PasswordVerifierProtected)
                .SetProperty(u => u.PasswordSetAt, fresh.PasswordSetAt)
                .SetProperty(u => u.ImportedPasswordHashProtected, (string?)null), ct);
        var entry = db.Entry(user);
        Accept(entry.Property(u => u.PasswordSalt), fresh.PasswordSalt);
        Accept(entry.Property(u => u.PasswordVerifierProtected), fresh.PasswordVerifierProtected);
        Accept(entry.Property(u => u.PasswordSetAt), fresh.PasswordSetAt);
        Accept(entry.Property(u => u.ImportedPasswordHashProtected), null);
    }

    private static void Accept<T>(Microsoft.EntityFrameworkCore.ChangeTracking.PropertyEntry<User, T> property, T value)
    {
        property.CurrentValue = value;
        property.OriginalValue = value;
        property.IsModified = false;
    }
}
