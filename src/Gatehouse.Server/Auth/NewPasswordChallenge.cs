using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.Storage;
using Gatehouse.Server.Users;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Server.Auth;

/// <summary>
/// The answer to NEW_PASSWORD_REQUIRED: NEW_PASSWORD and any <c>userAttributes.&lt;name&gt;</c> (the required
/// attributes the user lacks must be among them). The Session must be ours, unexpired, for this client and user,
/// and unused; the password must satisfy the pool's policy. The user becomes CONFIRMED with the new password.
/// </summary>
internal sealed class NewPasswordChallenge(
    AppDb db,
    AuthBlobs blobs,
    AuthSessionLedger ledger,
    UserPasswords passwords,
    SignInCompletion completion,
    TimeProvider clock)
{
    private const string AttributePrefix = "userAttributes.";

    public async Task<AuthOutcome> RespondAsync(AuthAttempt attempt, CancellationToken ct)
    {
        var poolId = attempt.Pool.Pool.Id;
        var now = clock.GetUtcNow();
        var (opened, invalid) = blobs.OpenAnswered(attempt, ChallengeNames.NewPasswordRequired, now);
        if (invalid is not null)
        {
            return invalid;
        }

        // OpenAnswered returns a session whenever it returns no error.
        var session = opened!;

        // RequireChallengeResponses has run, so USERNAME and NEW_PASSWORD are present.
        var user = await db.Users.FirstOrDefaultAsync(u => u.PoolId == poolId && u.Username == session.Username, ct);
        var answered = attempt.Parameter("USERNAME")!;
        if (user is null || !string.Equals(user.Status, UserStatuses.ForceChangePassword, StringComparison.Ordinal)
            || (!string.Equals(answered, user.Username, StringComparison.Ordinal)
                && (await UserLookup.FindAsync(db, attempt.Pool, answered, ct))?.Id != user.Id))
        {
            return AwsError.NotAuthorized(AuthMessages.InvalidSession);
        }

        var attributes = UserRecordWriter.ReadAttributes(user);
        if (ApplyAttributes(attempt, attributes) is { } attributeError)
        {
            return attributeError;
        }

        var newPassword = attempt.Parameter("NEW_PASSWORD")!;
        if (PasswordRules.Violation(attempt.Pool.PasswordPolicy, newPassword) is { } violation)
        {
            return AwsError.InvalidPassword(violation);
        }

        if (!user.Enabled)
        {
            return AwsError.NotAuthorized(AuthMessages.UserDisabled);
        }

        if (!await ledger.TryConsumeAsync(session.Id, DateTimeOffset.FromUnixTimeMilliseconds(session.ExpiresAtMs), ct))
        {
            return AwsError.NotAuthorized(AuthMessages.InvalidSession);
        }

        passwords.Set(user, newPassword, now);
        user.Status = UserStatuses.Confirmed;
        UserRecordWriter.Write(user, attempt.Pool, attributes, now);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (db.IsUniqueViolation(ex))
        {
            return AwsError.AliasExists(UserMessages.AliasTaken);
        }

        return await completion.CompleteAsync(attempt, user, ct);
    }

    /// <summary>Copies the answered attributes onto <paramref name="attributes"/>; then every required one must be set.</summary>
    private static AwsError? ApplyAttributes(AuthAttempt attempt, Dictionary<string, string> attributes)
    {
        foreach (var (key, value) in attempt.Parameters)
        {
            if (!key.StartsWith(AttributePrefix, StringComparison.Ordinal))
            {
                continue;
            }

            var name = key[AttributePrefix.Length..];
            if (string.Equals(name, UserAttributeNames.Sub, StringComparison.Ordinal))
            {
                return AwsError.InvalidParameter(UserMessages.CannotModify(name));
            }

            if (UserAttributeRules.CheckValue(attempt.Pool, name, value) is { } invalid)
            {
                return invalid;
            }

            attributes[name] = UserAttributeRules.Normalize(attempt.Pool, name, value);
        }

        return SignInCompletion.MissingRequiredAttributes(attempt.Pool, attributes).FirstOrDefault() is { } missing
            ? AwsError.InvalidParameter(AuthMessages.RequiredAttributeMissing(missing))
            : null;
    }
}
