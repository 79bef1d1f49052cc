using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.Storage;
using Gatehouse.Server.Tokens;
using Gatehouse.Server.UserPools;

namespace Gatehouse.Server.Mfa;

/// <summary>
/// Who AssociateSoftwareToken and VerifySoftwareToken act for: the owner of the access token, or the user of an
/// MFA_SETUP Session (during sign-in). Exactly one of the two must be given.
/// </summary>
internal sealed class SoftwareTokenCaller(AccessTokenAuthenticator authenticator, MfaSessions sessions, AppDb db)
{
    public async Task<(User? User, UserPool? Pool, MfaSession? Session, AwsError? Error)> ResolveAsync(
        string? accessToken, string? sessionText, CancellationToken ct)
    {
        if ((accessToken is null) == (sessionText is null))
        {
            return (null, null, null, AwsError.InvalidParameter(MfaMessages.AccessTokenOrSession));
        }

        if (accessToken is not null)
        {
            var (caller, error) = await authenticator.AuthenticateAsync(accessToken, ct);
            return caller is null ? (null, null, null, error) : (caller.User, caller.Pool, null, null);
        }

        var (session, user, sessionError) = await sessions.OpenAsync(sessionText, null, null, Auth.ChallengeNames.MfaSetup, ct);
        if (sessionError is not null)
        {
            return (null, null, null, sessionError);
        }

        // OpenAsync returns a session and its user whenever it returns no error; the user's pool exists.
        var pool = await db.FindPoolAsync(session!.PoolId, ct);
        return pool is null || !user!.Enabled
            ? (null, null, null, AwsError.NotAuthorized(Auth.AuthMessages.InvalidSession))
            : (user, pool, session, null);
    }
}
