using System.Security.Cryptography;
using System.Text.Json;
using Gatehouse.Server.Auth;
using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.Storage;
using Gatehouse.Server.Users;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Server.Mfa;

/// <summary>
/// Issues and opens <see cref="MfaSession"/>s. Opening checks, in this order: sealed by us for this purpose,
/// this pool and client, the expected challenge (NotAuthorizedException "Invalid session for the user."), not
/// expired ("Invalid session for the user, session is expired."), not used yet, and its user still there.
/// </summary>
internal sealed class MfaSessions(AuthBlobSealer sealer, AppDb db, TimeProvider clock)
{
    public string Seal(MfaSession session) =>
        sealer.Seal(MfaSession.Purpose, JsonSerializer.SerializeToUtf8Bytes(session, MfaJsonContext.Default.MfaSession));

    public MfaSession New(AuthAttempt attempt, User user, string challenge, string? codeHash = null,
        IReadOnlyList<string>? factors = null, string? stage = null) =>
        New(attempt.Pool.Pool.Id, attempt.ClientId, SignInCompletion.SessionValidity(attempt), user, challenge, codeHash,
            factors, stage);

    public MfaSession New(string poolId, string clientId, TimeSpan validity, User user, string challenge,
        string? codeHash = null, IReadOnlyList<string>? factors = null, string? stage = null) =>
        new(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), poolId, clientId, user.Username, user.Sub,
            challenge, (clock.GetUtcNow() + validity).ToUnixTimeMilliseconds(), codeHash, factors, stage);

    /// <summary>
    /// The session and its user, or the error. <paramref name="clientId"/> null: any client of the pool
    /// (AssociateSoftwareToken and VerifySoftwareToken name no client; the session does).
    /// </summary>
    public async Task<(MfaSession? Session, User? User, AwsError? Error)> OpenAsync(
        string? text, string? poolId, string? clientId, string challenge, CancellationToken ct)
    {
        var session = text is null ? null : Open(text);
        if (session is null
            || (poolId is not null && !string.Equals(session.PoolId, poolId, StringComparison.Ordinal))
            || (clientId is not null && !string.Equals(session.ClientId, clientId, StringComparison.Ordinal))
            || !string.Equals(session.ChallengeName, challenge, StringComparison.Ordinal))
        {
            return (null, null, AwsError.NotAuthorized(AuthMessages.InvalidSession));
        }

        if (session.ExpiresAt <= clock.GetUtcNow())
        {
            return (null, null, AwsError.NotAuthorized(AuthMessages.SessionExpired));
        }

        if (await db.AuthSessionUses.AnyAsync(u => u.Id == session.Id, ct)
            || await db.Users.FirstOrDefaultAsync(u => u.PoolId == session.PoolId && u.Sub == session.Sub, ct) is not { } user)
        {
            return (null, null, AwsError.NotAuthorized(AuthMessages.InvalidSession));
        }

        return (session, user, null);
    }

    /// <summary>Whether the answer's USERNAME names the session's user (by username or alias).</summary>
    public async Task<bool> NamesUserAsync(AuthAttempt attempt, User user, CancellationToken ct) =>
        attempt.Parameter("USERNAME") is { } answered
        && (string.Equals(answered, user.Username, StringComparison.Ordinal)
            || (await UserLookup.FindAsync(db, attempt.Pool, answered, ct))?.Id == user.Id);

    private MfaSession? Open(string text)
    {
        if (sealer.Open(MfaSession.Purpose, text) is not { } json)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(json, MfaJsonContext.Default.MfaSession);
        }
        catch (JsonException)
        {
            // Sealed by us, so only a format change could bring this; treat it as an unknown session.
            return null;
        }
    }
}
