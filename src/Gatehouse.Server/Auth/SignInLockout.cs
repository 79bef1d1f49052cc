using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.Storage;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Server.Auth;

/// <summary>
/// Cognito's lockout (DESIGN.md; developer guide "Authentication ... lockout behavior"): after 5 failed password
/// checks the user is locked for 1 s, doubling with every further failure up to 15 minutes; success resets it.
/// Counted in the store (<see cref="User.FailedSignIns"/>, <see cref="User.LockedUntil"/>), shared by every node
/// and sign-in path. An attempt is counted as failed before the password is checked, by a conditional update on
/// the count it read, so parallel attempts on any number of nodes make at most 5 password checks before the lock;
/// a correct password then resets the count.
/// </summary>
internal sealed class SignInLockout(AppDb db, TimeProvider clock)
{
    public const int FreeAttempts = 5;
    public static readonly TimeSpan MaxLock = TimeSpan.FromMinutes(15);
    private const int MaxRaces = 64;

    /// <summary>Lock after the n-th consecutive failure: none before the 5th, then 1 s doubling to 15 min.</summary>
    public static TimeSpan? LockAfter(int failures) =>
        failures < FreeAttempts ? null
        : failures - FreeAttempts >= 10 ? MaxLock
        : TimeSpan.FromSeconds(Math.Min(1 << (failures - FreeAttempts), MaxLock.TotalSeconds));

    /// <summary>Counts one attempt for <paramref name="userId"/>, or says the user is locked.</summary>
    public async Task<AwsError?> ReserveAttemptAsync(long userId, CancellationToken ct)
    {
        for (var race = 0; race < MaxRaces; race++)
        {
            var now = clock.GetUtcNow();
            var state = await db.Users.AsNoTracking().Where(u => u.Id == userId)
                .Select(u => new { u.FailedSignIns, u.LockedUntil }).FirstOrDefaultAsync(ct);
            if (state is null)
            {
                return AwsError.NotAuthorized(AuthMessages.IncorrectCredentials);
            }

            if (state.LockedUntil > now)
            {
                return AwsError.NotAuthorized(AuthMessages.PasswordAttemptsExceeded);
            }

            var seen = state.FailedSignIns;
            var next = seen + 1;
            var lockedUntil = LockAfter(next) is { } duration ? now + duration : (DateTimeOffset?)null;
            var won = await db.Users.Where(u => u.Id == userId && u.FailedSignIns == seen)
                .ExecuteUpdateAsync(s => s.SetProperty(u => u.FailedSignIns, next)
                    .SetProperty(u => u.LockedUntil, lockedUntil), ct);
            if (won == 1)
            {
                return null;
            }
        }

        return AwsError.TooManyRequests(AuthMessages.TooManyRequests);
    }

    /// <summary>A correct password: the count starts again.</summary>
    public Task ResetAsync(long userId, CancellationToken ct) =>
        db.Users.Where(u => u.Id == userId)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.FailedSignIns, 0)
                .SetProperty(u => u.LockedUntil, (DateTimeOffset?)null), ct);
}
