using Gatehouse.Server.Storage;
using Gatehouse.Server.Users;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Server.UserImport;

/// <summary>
/// Settles one batch of rows in one transaction: the new users (and their SMS MFA setting), the report rows of the
/// ones not imported, and the job's counts and row offset, written only while this node still holds the job's lease.
/// So a crash never leaves half a batch, and a resumed run starts exactly after the last committed row. A username
/// the pool already has, or an earlier row of the file had, is skipped (existing users are never changed); a sign-in
/// alias (verified email/phone, preferred_username) that another user holds fails the row.
/// </summary>
internal static class UserImportBatch
{
    internal enum Result
    {
        Committed,
        LeaseLost,

        /// <summary>A unique index refused a write (a user created in parallel); nothing was written.</summary>
        Conflict,
    }

    internal sealed record Totals(long Imported, long Skipped, long Failed, List<UserImportRowError> Reported);

    public static async Task<(Result Result, Totals? Totals)> CommitAsync(
        AppDb db, UserImportLease lease, IReadOnlyList<UserImportCandidate> candidates, long rowOffset,
        DateTimeOffset now, CancellationToken ct)
    {
        var (users, reported) = await SortAsync(db, lease.PoolId, candidates, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            db.Users.AddRange(users.Select(c => c.User!)); // SortAsync keeps only candidates with a user.
            await db.SaveChangesAsync(ct);
            db.UserMfas.AddRange(users.Where(c => c.MfaEnabled).Select(c => new UserMfa
            {
                UserId = c.User!.Id,
                SmsEnabled = true,
            }));
            foreach (var error in reported)
            {
                error.JobKey = lease.JobKey;
            }

            db.UserImportRowErrors.AddRange(reported);
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (db.IsUniqueViolation(e))
        {
            await transaction.RollbackAsync(ct);
            return (Result.Conflict, null);
        }

        var skipped = reported.LongCount(r => r.Outcome == UserImportRowOutcomes.Skipped);
        var failed = reported.Count - skipped;
        var renewed = await db.UserImportJobs
            .Where(j => j.Id == lease.JobKey && j.LeaseOwner == lease.Owner
                && (j.Status == UserImportStatuses.InProgress || j.Status == UserImportStatuses.Stopping))
            .ExecuteUpdateAsync(s => s
                .SetProperty(j => j.RowOffset, rowOffset)
                .SetProperty(j => j.ImportedUsers, j => j.ImportedUsers + users.Count)
                .SetProperty(j => j.SkippedUsers, j => j.SkippedUsers + skipped)
                .SetProperty(j => j.FailedUsers, j => j.FailedUsers + failed)
                .SetProperty(j => j.LeaseExpiresAt, now + lease.Duration), ct);
        if (renewed == 0)
        {
            await transaction.RollbackAsync(ct);
            return (Result.LeaseLost, null);
        }

        await transaction.CommitAsync(ct);
        return (Result.Committed, new Totals(users.Count, skipped, failed, reported));
    }

    /// <summary>Which candidates become users and which are reported, deciding duplicates against the store.</summary>
    private static async Task<(List<UserImportCandidate> Users, List<UserImportRowError> Reported)> SortAsync(
        AppDb db, string poolId, IReadOnlyList<UserImportCandidate> candidates, CancellationToken ct)
    {
        var valid = candidates.Where(c => c.User is not null).ToList();
        var takenNames = await TakenAsync(db, poolId, valid.Select(c => c.User!.UsernameKey), AliasColumn.Username, ct);
        var takenAliases = new HashSet<string>(StringComparer.Ordinal);
        foreach (var column in new[] { AliasColumn.Email, AliasColumn.Phone, AliasColumn.PreferredUsername })
        {
            var keys = valid.Select(c => Alias(c.Aliases!, column)).OfType<string>();
            takenAliases.UnionWith((await TakenAsync(db, poolId, keys, column, ct)).Select(k => Tag(column, k)));
        }

        var users = new List<UserImportCandidate>(valid.Count);
        var reported = new List<UserImportRowError>();
        var seenNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var candidate in candidates)
        {
            var reason = candidate.Failure;
            var outcome = UserImportRowOutcomes.Failed;
            if (candidate.User is { } user)
            {
                var aliasTags = AliasTags(candidate.Aliases!);
                if (takenNames.Contains(user.UsernameKey) || seenNames.Contains(user.UsernameKey))
                {
                    outcome = UserImportRowOutcomes.Skipped;
                    reason = takenNames.Contains(user.UsernameKey)
                        ? UserImportMessages.UserExists
                        : UserImportMessages.DuplicateInFile;
                }
                else if (aliasTags.Any(takenAliases.Contains))
                {
                    reason = UserImportMessages.AliasExists;
                }
                else
                {
                    seenNames.Add(user.UsernameKey);
                    takenAliases.UnionWith(aliasTags);
                    users.Add(candidate);
                    continue;
                }
            }

            reported.Add(new UserImportRowError
            {
                RowNumber = candidate.Row.RowNumber,
                Line = candidate.Row.Line,
                Outcome = outcome,
                Username = candidate.Username is { Length: <= 128 } name ? name : null,
                Message = reason ?? UserImportMessages.Unreadable("row"),
            });
        }

        return (users, reported);
    }

    private enum AliasColumn
    {
        Username,
        Email,
        Phone,
        PreferredUsername,
    }

    private static string? Alias(AliasKeys aliases, AliasColumn column) => column switch
    {
        AliasColumn.Email => aliases.Email,
        AliasColumn.Phone => aliases.Phone,
        _ => aliases.PreferredUsername,
    };

    private static string Tag(AliasColumn column, string key) => $"{(int)column}:{key}";

    private static List<string> AliasTags(AliasKeys aliases)
    {
        var tags = new List<string>(3);
        foreach (var column in new[] { AliasColumn.Email, AliasColumn.Phone, AliasColumn.PreferredUsername })
        {
            if (Alias(aliases, column) is { } key)
            {
                tags.Add(Tag(column, key));
            }
        }

        return tags;
    }

    private static async Task<HashSet<string>> TakenAsync(
        AppDb db, string poolId, IEnumerable<string> keys, AliasColumn column, CancellationToken ct)
    {
        var wanted = keys.Distinct(StringComparer.Ordinal).ToList();
        if (wanted.Count == 0)
        {
            return new HashSet<string>(StringComparer.Ordinal);
        }

        var users = db.Users.AsNoTracking().Where(u => u.PoolId == poolId);
        var found = column switch
        {
            AliasColumn.Username => await users.Where(u => wanted.Contains(u.UsernameKey))
                .Select(u => u.UsernameKey).ToListAsync(ct),
            AliasColumn.Email => await users.Where(u => wanted.Contains(u.EmailAliasKey!))
                .Select(u => u.EmailAliasKey!).ToListAsync(ct),
            AliasColumn.Phone => await users.Where(u => wanted.Contains(u.PhoneAliasKey!))
                .Select(u => u.PhoneAliasKey!).ToListAsync(ct),
            _ => await users.Where(u => wanted.Contains(u.PreferredUsernameKey!))
                .Select(u => u.PreferredUsernameKey!).ToListAsync(ct),
        };
        return found.ToHashSet(StringComparer.Ordinal);
    }
}
