using Gatehouse.Server.Storage;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Server.Auth;

/// <summary>Marks single-use blobs used (<see cref="AuthSessionUse"/>); the primary key refuses a second use.</summary>
internal sealed class AuthSessionLedger(AppDb db)
{
    public async Task<bool> TryConsumeAsync(string id, DateTimeOffset expiresAt, CancellationToken ct)
    {
        var use = new AuthSessionUse { Id = id, ExpiresAt = expiresAt };
        db.AuthSessionUses.Add(use);
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException ex) when (db.IsUniqueViolation(ex))
        {
            return false;
        }
        finally
        {
            db.Entry(use).State = EntityState.Detached;
        }
    }
}
