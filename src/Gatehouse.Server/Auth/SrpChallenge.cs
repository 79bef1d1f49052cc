using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.Storage;
using Gatehouse.Server.Triggers;
using Gatehouse.Server.Users;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Server.Auth;

/// <summary>
/// USER_SRP_AUTH (protocol-notes §11): <see cref="StartAsync"/> answers SRP_A with PASSWORD_VERIFIER (SALT, SRP_B,
/// SECRET_BLOCK, USER_ID_FOR_SRP, USERNAME); <see cref="VerifyAsync"/> checks PASSWORD_CLAIM_SIGNATURE.
/// Rejected as the SRP-6a safety rules require: A mod N = 0, u = 0. An unknown user gets a challenge from
/// <see cref="UnknownUserDecoy"/> when the client hides user existence, and the same work at the second step.
/// The pre authentication trigger runs at SRP_A, before any password proof is counted.
/// </summary>
internal sealed class SrpChallenge(
    AppDb db,
    SecretProtector protector,
    UnknownUserDecoy decoy,
    AuthBlobs blobs,
    AuthSessionLedger ledger,
    SignInLockout lockout,
    SignInCompletion completion,
    SignInTriggers triggers,
    TimeProvider clock)
{
    public async Task<AuthOutcome> StartAsync(AuthAttempt attempt, CancellationToken ct)
    {
        // RequireFlowParameters has run, so USERNAME and SRP_A are present.
        var username = attempt.Parameter("USERNAME")!;
        if (!SrpMath.TryParseHex(attempt.Parameter("SRP_A"), out var a) || (a % SrpMath.N).IsZero)
        {
            return AwsError.InvalidParameter(AuthMessages.InvalidSrpA);
        }

        var poolId = attempt.Pool.Pool.Id;
        // A user with only an imported hash cannot be checked by SRP (the server has no verifier): answered as Cognito
        // answers SRP for a user still to be migrated, who is not in the pool (docs/pool-transfer.md).
        var user = await UserLookup.FindAsync(db, attempt.Pool, username, ct) is { } found && !AwaitsUpgrade(found)
            ? found : null;
        if (user is null && !attempt.HidesUserExistence)
        {
            return AwsError.UserNotFound(AuthMessages.UserDoesNotExist);
        }

        if (await triggers.PreAuthenticationAsync(attempt.Pool.Pool, attempt.ClientId, username, user,
                attempt.HidesUserExistence, attempt.ClientMetadata, ct) is { } preAuthError)
        {
            return preAuthError;
        }

        // Unknown user (hidden): a decoy salt and verifier, and a UUID-shaped id where real ids are UUIDs.
        var userId = user?.Username ?? (attempt.Pool.UsernameIsSub ? decoy.UserIdForSrp(poolId, username) : username);
        var (salt, verifier) = user is { PasswordSalt: { } s, PasswordVerifierProtected: { } v }
            ? (s, SrpMath.ParseHex(protector.Unprotect(PasswordVerifier.ProtectPurpose, v)))
            : (decoy.SaltHex(poolId, userId), decoy.Verifier(poolId, userId));

        BigInteger b, bigB;
        do
        {
            b = SrpMath.FromBytes(RandomNumberGenerator.GetBytes(32));
            bigB = SrpMath.ComputeB(verifier, b);
        }
        while (bigB.IsZero);

        var block = new SrpSecretBlock(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), poolId,
            attempt.ClientId, userId, SrpMath.ToHex(b), SrpMath.ToHex(bigB), SrpMath.ToHex(a),
            clock.GetUtcNow().ToUnixTimeMilliseconds());
        return new AuthOutcome(
            ChallengeName: ChallengeNames.PasswordVerifier,
            ChallengeParameters: new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["SALT"] = salt,
                ["SRP_B"] = SrpMath.ToHex(bigB),
                ["SECRET_BLOCK"] = blobs.Seal(block),
                ["USER_ID_FOR_SRP"] = userId,
                ["USERNAME"] = userId,
            });
    }

    public async Task<AuthOutcome> VerifyAsync(AuthAttempt attempt, CancellationToken ct)
    {
        var (user, error) = await CheckAsync(attempt, ct);
        if (error is not null)
        {
            return error;
        }

        // CheckAsync returns a user whenever it returns no error.
        return await completion.CompleteAsync(attempt, user!, ct);
    }

    /// <summary>
    /// The password proof of a PASSWORD_VERIFIER answer: the user it proves (lockout counter reset), or the error.
    /// USER_SRP_AUTH then completes the sign-in; CUSTOM_AUTH with SRP_A goes back to DefineAuthChallenge.
    /// </summary>
    public async Task<(User? User, AwsError? Error)> CheckAsync(AuthAttempt attempt, CancellationToken ct)
    {
        // RequireChallengeResponses has run, so these are present.
        var secretBlock = attempt.Parameter("PASSWORD_CLAIM_SECRET_BLOCK")!;
        var timestampText = attempt.Parameter("TIMESTAMP")!;
        var poolId = attempt.Pool.Pool.Id;
        if (blobs.OpenSecretBlock(secretBlock) is not { } block
            || !string.Equals(block.PoolId, poolId, StringComparison.Ordinal)
            || !string.Equals(block.ClientId, attempt.ClientId, StringComparison.Ordinal))
        {
            return (null, AwsError.NotAuthorized(AuthMessages.IncorrectCredentials));
        }

        if (SrpTimestamp.Parse(timestampText) is not { } timestamp)
        {
            return (null, AwsError.InvalidParameter(AuthMessages.TimestampFormat));
        }

        var issuedAt = DateTimeOffset.FromUnixTimeMilliseconds(block.IssuedAtMs);
        if (clock.GetUtcNow() - issuedAt > SignInCompletion.SessionValidity(attempt))
        {
            return (null, AwsError.NotAuthorized(AuthMessages.SessionExpired));
        }

        var a = SrpMath.ParseHex(block.LargeA);
        var bigB = SrpMath.ParseHex(block.LargeB);
        var u = SrpMath.ComputeU(a, bigB);
        var user = await db.Users.FirstOrDefaultAsync(x => x.PoolId == poolId && x.Username == block.Username, ct) is { } found
            && !AwaitsUpgrade(found) ? found : null;
        if (!SrpTimestamp.WithinWindow(timestamp, issuedAt) || u.IsZero || user is null
            || !await SameUserAsync(attempt, user, block.Username, ct))
        {
            // Unknown user (or a broken answer): the same work as a real check, then the same error.
            _ = Signature(attempt, block, secretBlock, timestampText, decoy.Verifier(poolId, block.Username), a, bigB, u);
            return (null, user is null && !attempt.HidesUserExistence
                ? AwsError.UserNotFound(AuthMessages.UserDoesNotExist)
                : AwsError.NotAuthorized(AuthMessages.IncorrectCredentials));
        }

        if (string.Equals(user.Status, UserStatuses.ResetRequired, StringComparison.Ordinal))
        {
            return (null, AwsError.PasswordResetRequired(AuthMessages.PasswordResetRequired));
        }

        if (await lockout.ReserveAttemptAsync(user.Id, ct) is { } locked)
        {
            return (null, locked);
        }

        if (!await ledger.TryConsumeAsync(block.Id, issuedAt + SignInCompletion.SessionValidity(attempt), ct))
        {
            return (null, AwsError.NotAuthorized(AuthMessages.InvalidSession));
        }

        var verifier = user.PasswordVerifierProtected is { } stored
            ? SrpMath.ParseHex(protector.Unprotect(PasswordVerifier.ProtectPurpose, stored))
            : decoy.Verifier(poolId, block.Username);
        var expected = Signature(attempt, block, secretBlock, timestampText, verifier, a, bigB, u);
        if (user.PasswordVerifierProtected is null || !CryptographicOperations.FixedTimeEquals(
                Encoding.ASCII.GetBytes(expected), Encoding.UTF8.GetBytes(attempt.Parameter("PASSWORD_CLAIM_SIGNATURE")!)))
        {
            return (null, AwsError.NotAuthorized(AuthMessages.IncorrectCredentials));
        }

        await lockout.ResetAsync(user.Id, ct);
        return (user, null);
    }

    private static bool AwaitsUpgrade(User user) =>
        user.PasswordVerifierProtected is null && user.ImportedPasswordHashProtected is not null;

    /// <summary>The USERNAME answered must be the user of the block (clients send USER_ID_FOR_SRP or an alias).</summary>
    private async Task<bool> SameUserAsync(AuthAttempt attempt, User user, string blockUsername, CancellationToken ct)
    {
        var answered = attempt.Parameter("USERNAME")!;
        return string.Equals(answered, blockUsername, StringComparison.Ordinal)
            || (await UserLookup.FindAsync(db, attempt.Pool, answered, ct))?.Id == user.Id;
    }

    private static string Signature(
        AuthAttempt attempt, SrpSecretBlock block, string secretBlock, string timestamp, BigInteger verifier,
        BigInteger a, BigInteger bigB, BigInteger u)
    {
        var s = SrpMath.ServerS(a, verifier, u, SrpMath.ParseHex(block.SmallB));
        var key = SrpMath.DerivedKey(u, s);
        var poolName = PasswordVerifier.PoolName(attempt.Pool.Pool.Id);
        return SrpMath.ClaimSignature(key, poolName, block.Username, Convert.FromBase64String(secretBlock), timestamp);
    }
}
