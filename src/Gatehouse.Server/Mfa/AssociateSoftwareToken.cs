using System.Security.Cryptography;
using Gatehouse.Server.Auth;
using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes;

namespace Gatehouse.Server.Mfa;

/// <summary>
/// AssociateSoftwareToken: a new TOTP secret for the caller (access token) or for the user of an MFA_SETUP
/// Session, kept encrypted as pending until VerifySoftwareToken confirms a code from it (an authenticator already
/// verified keeps working until then). The pool must allow TOTP. With a Session, the answer carries a new
/// Session (stage <c>associated</c>, same expiry) for VerifySoftwareToken; the old one is used up.
/// </summary>
internal sealed class AssociateSoftwareToken(
    SoftwareTokenCaller callers, UserMfaStore store, MfaSessions sessions, AuthSessionLedger ledger)
    : IAwsHandler<AssociateSoftwareTokenRequest>
{
    public async Task<AwsResult> HandleAsync(AssociateSoftwareTokenRequest request, CancellationToken ct)
    {
        var (user, pool, session, error) = await callers.ResolveAsync(request.AccessToken, request.Session, ct);
        if (error is not null)
        {
            return error;
        }

        // ResolveAsync returns a user and pool whenever it returns no error.
        if (!MfaPoolFactors.Read(pool!).Allows(MfaFactors.Totp))
        {
            return AwsError.SoftwareTokenMfaNotFound(MfaMessages.TotpNotEnabledForPool);
        }

        if (session is not null && !await ledger.TryConsumeAsync(session.Id, session.ExpiresAt, ct))
        {
            return AwsError.NotAuthorized(AuthMessages.InvalidSession);
        }

        var secret = TotpCodes.NewSecret();
        var row = await store.GetOrAddAsync(user!.Id, ct);
        row.TotpPendingSecretProtected = store.Protect(secret);
        if (await store.SaveAsync(ct) is { } conflict)
        {
            return conflict;
        }

        return AwsResult.Ok(new AssociateSoftwareTokenResponse
        {
            SecretCode = TotpCodes.ToBase32(secret),
            Session = session is null
                ? null
                : sessions.Seal(session with
                {
                    Id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
                    Stage = MfaSession.StageAssociated,
                }),
        });
    }
}
