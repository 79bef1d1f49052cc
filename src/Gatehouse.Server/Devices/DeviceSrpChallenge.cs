using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using Gatehouse.Server.Auth;
using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.Storage;
using Gatehouse.Server.Users;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Server.Devices;

/// <summary>
/// Device SRP (protocol-notes §11, "Device SRP"): the USER_SRP_AUTH math with the DeviceGroupKey as pool name, the
/// DeviceKey as user id and the device's verifier from ConfirmDevice. <see cref="StartAsync"/> answers DEVICE_SRP_AUTH
/// (USERNAME, DEVICE_KEY, SRP_A, and the Session of the challenge) with DEVICE_PASSWORD_VERIFIER (SALT, SRP_B,
/// SECRET_BLOCK, USERNAME, DEVICE_KEY); <see cref="VerifyAsync"/> checks PASSWORD_CLAIM_SIGNATURE over
/// DeviceGroupKey ‖ DeviceKey ‖ SECRET_BLOCK ‖ TIMESTAMP and ends the sign-in with the tokens: a remembered device
/// stands in for MFA. The session and the secret block are each used once (AuthSessionLedger).
/// </summary>
internal sealed class DeviceSrpChallenge(
    AppDb db,
    SecretProtector protector,
    DeviceStore store,
    DeviceBlobs blobs,
    AuthSessionLedger ledger,
    SignInCompletion completion,
    TimeProvider clock,
    ILogger<DeviceSrpChallenge> logger)
{
    public async Task<AuthOutcome> StartAsync(AuthAttempt attempt, CancellationToken ct)
    {
        // RequireChallengeResponses has run, so USERNAME, DEVICE_KEY and SRP_A are present.
        var poolId = attempt.Pool.Pool.Id;
        if (blobs.OpenSession(attempt.Session) is not { } session
            || !string.Equals(session.ChallengeName, DeviceChallengeNames.DeviceSrpAuth, StringComparison.Ordinal)
            || !string.Equals(session.PoolId, poolId, StringComparison.Ordinal)
            || !string.Equals(session.ClientId, attempt.ClientId, StringComparison.Ordinal))
        {
            return AwsError.NotAuthorized(AuthMessages.InvalidSession);
        }

        var expiresAt = DateTimeOffset.FromUnixTimeMilliseconds(session.ExpiresAtMs);
        if (clock.GetUtcNow() >= expiresAt)
        {
            return AwsError.NotAuthorized(AuthMessages.SessionExpired);
        }

        if (!SrpMath.TryParseHex(attempt.Parameter("SRP_A"), out var a) || (a % SrpMath.N).IsZero)
        {
            return AwsError.InvalidParameter(AuthMessages.InvalidSrpA);
        }

        if (await SessionUserAsync(attempt, session.Username, ct) is not { } user)
        {
            return AwsError.NotAuthorized(AuthMessages.InvalidSession);
        }

        if (!string.Equals(attempt.Parameter("DEVICE_KEY"), session.DeviceKey, StringComparison.Ordinal)
            || await RememberedDeviceAsync(poolId, user, session.DeviceKey, ct) is not { } device)
        {
            return AwsError.ResourceNotFound(DeviceMessages.DeviceDoesNotExist);
        }

        if (!await ledger.TryConsumeAsync(session.Id, expiresAt, ct))
        {
            return AwsError.NotAuthorized(AuthMessages.InvalidSession);
        }

        var verifier = VerifierOf(device);
        BigInteger b, bigB;
        do
        {
            b = SrpMath.FromBytes(RandomNumberGenerator.GetBytes(32));
            bigB = SrpMath.ComputeB(verifier, b);
        }
        while (bigB.IsZero);

        var now = clock.GetUtcNow();
        var block = new DeviceSecretBlock(NewId(), poolId, attempt.ClientId, user.Username, device.DeviceKey,
            SrpMath.ToHex(b), SrpMath.ToHex(bigB), SrpMath.ToHex(a), now.ToUnixTimeMilliseconds());
        var next = session with { Id = NewId(), ChallengeName = DeviceChallengeNames.DevicePasswordVerifier };
        return new AuthOutcome(
            ChallengeName: DeviceChallengeNames.DevicePasswordVerifier,
            Session: blobs.Seal(next),
            ChallengeParameters: new Dictionary<string, string>(StringComparer.Ordinal)
            {
                // SaltHex is set on every confirmed device (ConfirmDevice stores it with the verifier).
                ["SALT"] = device.SaltHex!,
                ["SRP_B"] = SrpMath.ToHex(bigB),
                ["SECRET_BLOCK"] = blobs.Seal(block),
                ["USERNAME"] = user.Username,
                ["DEVICE_KEY"] = device.DeviceKey,
            });
    }

    public async Task<AuthOutcome> VerifyAsync(AuthAttempt attempt, CancellationToken ct)
    {
        // RequireChallengeResponses has run, so these are present.
        var secretBlock = attempt.Parameter("PASSWORD_CLAIM_SECRET_BLOCK")!;
        var timestampText = attempt.Parameter("TIMESTAMP")!;
        var poolId = attempt.Pool.Pool.Id;
        if (blobs.OpenSecretBlock(secretBlock) is not { } block
            || !string.Equals(block.PoolId, poolId, StringComparison.Ordinal)
            || !string.Equals(block.ClientId, attempt.ClientId, StringComparison.Ordinal)
            || (attempt.Session is { } sessionText && !SessionMatches(blobs.OpenSession(sessionText), block)))
        {
            return AwsError.NotAuthorized(AuthMessages.IncorrectCredentials);
        }

        if (SrpTimestamp.Parse(timestampText) is not { } timestamp)
        {
            return AwsError.InvalidParameter(AuthMessages.TimestampFormat);
        }

        var issuedAt = DateTimeOffset.FromUnixTimeMilliseconds(block.IssuedAtMs);
        var expiresAt = issuedAt + SignInCompletion.SessionValidity(attempt);
        if (clock.GetUtcNow() >= expiresAt)
        {
            return AwsError.NotAuthorized(AuthMessages.SessionExpired);
        }

        if (await SessionUserAsync(attempt, block.Username, ct) is not { } user)
        {
            return AwsError.NotAuthorized(AuthMessages.IncorrectCredentials);
        }

        if (!user.Enabled)
        {
            return AwsError.NotAuthorized(AuthMessages.UserDisabled);
        }

        if (!string.Equals(attempt.Parameter("DEVICE_KEY"), block.DeviceKey, StringComparison.Ordinal)
            || await RememberedDeviceAsync(poolId, user, block.DeviceKey, ct) is not { } device)
        {
            return AwsError.ResourceNotFound(DeviceMessages.DeviceDoesNotExist);
        }

        var a = SrpMath.ParseHex(block.LargeA);
        var bigB = SrpMath.ParseHex(block.LargeB);
        var u = SrpMath.ComputeU(a, bigB);
        if (!SrpTimestamp.WithinWindow(timestamp, issuedAt) || u.IsZero)
        {
            return AwsError.NotAuthorized(AuthMessages.IncorrectCredentials);
        }

        if (!await ledger.TryConsumeAsync(block.Id, expiresAt, ct))
        {
            return AwsError.NotAuthorized(AuthMessages.InvalidSession);
        }

        var key = SrpMath.DerivedKey(u, SrpMath.ServerS(a, VerifierOf(device), u, SrpMath.ParseHex(block.SmallB)));
        var expected = SrpMath.ClaimSignature(key, device.DeviceGroupKey, device.DeviceKey,
            Convert.FromBase64String(secretBlock), timestampText);
        if (!CryptographicOperations.FixedTimeEquals(
                Encoding.ASCII.GetBytes(expected), Encoding.UTF8.GetBytes(attempt.Parameter("PASSWORD_CLAIM_SIGNATURE")!)))
        {
            Log.DeviceAuthRefused(logger, poolId, user.Sub, "signature");
            return AwsError.NotAuthorized(AuthMessages.IncorrectCredentials);
        }

        return await completion.FinishAsync(attempt, user, ct);
    }

    /// <summary>The session's user, when the USERNAME answered names it (clients send the username or an alias).</summary>
    private async Task<User?> SessionUserAsync(AuthAttempt attempt, string username, CancellationToken ct)
    {
        var user = await db.Users.FirstOrDefaultAsync(x => x.PoolId == attempt.Pool.Pool.Id && x.Username == username, ct);
        var answered = attempt.Parameter("USERNAME")!;
        return user is not null && (string.Equals(answered, username, StringComparison.Ordinal)
            || (await UserLookup.FindAsync(db, attempt.Pool, answered, ct))?.Id == user.Id)
            ? user
            : null;
    }

    private async Task<Device?> RememberedDeviceAsync(string poolId, User user, string deviceKey, CancellationToken ct) =>
        await store.FindConfirmedAsync(poolId, user.Id, deviceKey, ct) is { } device
        && string.Equals(device.RememberedStatus, DeviceSettings.Remembered, StringComparison.Ordinal)
        && device.VerifierProtected is not null && device.SaltHex is not null
            ? device
            : null;

    // Only called with devices RememberedDeviceAsync returned, which have a verifier.
    private BigInteger VerifierOf(Device device) =>
        SrpMath.ParseHex(protector.Unprotect(DeviceVerifier.ProtectPurpose, device.VerifierProtected!));

    private static bool SessionMatches(DeviceSrpSession? session, DeviceSecretBlock block) =>
        session is not null
        && string.Equals(session.ChallengeName, DeviceChallengeNames.DevicePasswordVerifier, StringComparison.Ordinal)
        && string.Equals(session.Username, block.Username, StringComparison.Ordinal)
        && string.Equals(session.DeviceKey, block.DeviceKey, StringComparison.Ordinal);

    private static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
