using System.Text.Json;
using Gatehouse.Server.AwsProtocol;

namespace Gatehouse.Server.Auth;

/// <summary>Seals and opens the typed blobs (<see cref="SrpSecretBlock"/>, <see cref="AuthSession"/>).</summary>
internal sealed class AuthBlobs(AuthBlobSealer sealer)
{
    public string Seal(SrpSecretBlock block) =>
        sealer.Seal(SrpSecretBlock.Purpose, JsonSerializer.SerializeToUtf8Bytes(block, AuthJsonContext.Default.SrpSecretBlock));

    public string Seal(AuthSession session) =>
        sealer.Seal(AuthSession.Purpose, JsonSerializer.SerializeToUtf8Bytes(session, AuthJsonContext.Default.AuthSession));

    public SrpSecretBlock? OpenSecretBlock(string text) =>
        sealer.Open(SrpSecretBlock.Purpose, text) is { } json
            ? JsonSerializer.Deserialize(json, AuthJsonContext.Default.SrpSecretBlock)
            : null;

    /// <summary>
    /// The Session a challenge answer carries: sealed here, for this pool, client and challenge, and unexpired at
    /// <paramref name="now"/>; otherwise the error Cognito gives (invalid or expired session).
    /// </summary>
    public (AuthSession? Session, AwsError? Error) OpenAnswered(AuthAttempt attempt, string challengeName, DateTimeOffset now)
    {
        if (attempt.Session is not { } text || OpenSession(text) is not { } session
            || !string.Equals(session.PoolId, attempt.Pool.Pool.Id, StringComparison.Ordinal)
            || !string.Equals(session.ClientId, attempt.ClientId, StringComparison.Ordinal)
            || !string.Equals(session.ChallengeName, challengeName, StringComparison.Ordinal))
        {
            return (null, AwsError.NotAuthorized(AuthMessages.InvalidSession));
        }

        return DateTimeOffset.FromUnixTimeMilliseconds(session.ExpiresAtMs) <= now
            ? (null, AwsError.NotAuthorized(AuthMessages.SessionExpired))
            : (session, null);
    }

    public AuthSession? OpenSession(string text) =>
        sealer.Open(AuthSession.Purpose, text) is { } json
            ? JsonSerializer.Deserialize(json, AuthJsonContext.Default.AuthSession)
            : null;
}
