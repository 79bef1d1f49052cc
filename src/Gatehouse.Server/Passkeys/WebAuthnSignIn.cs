using System.Buffers.Text;
using System.Security.Cryptography;
using Fido2NetLib;
using Fido2NetLib.Exceptions;
using Gatehouse.Server.Auth;
using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.Storage;
using Gatehouse.Server.Users;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Server.Passkeys;

/// <summary>
/// The WEB_AUTHN first factor of USER_AUTH. <see cref="ChallengeAsync"/> answers with CREDENTIAL_REQUEST_OPTIONS
/// (PublicKeyCredentialRequestOptions JSON: the challenge of <see cref="WebAuthnCeremony.SignInChallenge"/>, the
/// relying party, the user's passkeys for it, the pool's user verification) and a Session.
/// <see cref="VerifyAsync"/> checks the answer's CREDENTIAL (AuthenticationResponseJSON), in this order: the
/// Session; the same user; a well-formed credential; a passkey of this user for this relying party; lockout; an
/// allowed origin; Fido2's checks (challenge, RP id hash, UP, UV when required, signature, a signature counter
/// that increases when either is non-zero, user handle); the Session used once. Every failure is
/// NotAuthorizedException (the model's RespondToAuthChallenge has no WebAuthn errors), and none reveals which check
/// failed. A counter that does not increase is logged as a possible clone. Then the counter is stored, and
/// <see cref="SignInCompletion"/> runs with <see cref="AuthAttempt.FirstFactorSatisfiesMfa"/> set, unless the pool
/// asks for passkey plus MFA (<see cref="PoolPasskeys.PasskeyPlusMfaTag"/>).
/// </summary>
internal sealed class WebAuthnSignIn(
    AppDb db,
    AuthBlobs blobs,
    AuthSessionLedger ledger,
    SignInLockout lockout,
    SignInCompletion completion,
    PoolPasskeys passkeys,
    TimeProvider clock,
    ILogger<WebAuthnSignIn> logger)
{
    public async Task<AuthOutcome> ChallengeAsync(AuthAttempt attempt, User? user, CancellationToken ct)
    {
        // Listed as available only with a relying-party id.
        if (passkeys.RelyingPartyId(attempt.Pool) is not { } rpId)
        {
            return AwsError.InvalidParameter(AuthMessages.FactorNotAvailable(FirstFactors.WebAuthn));
        }

        // An unknown user (the client hides user existence) gets a challenge no credential can answer.
        var username = user?.Username ?? attempt.Parameter("USERNAME")!;
        var allowed = user is null ? [] : await CredentialsAsync(user, rpId, ct);
        var session = new AuthSession(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), attempt.Pool.Pool.Id,
            attempt.ClientId, username, ChallengeNames.WebAuthn,
            (clock.GetUtcNow() + SignInCompletion.SessionValidity(attempt)).ToUnixTimeMilliseconds());
        var options = WebAuthnCeremony.RequestOptions(WebAuthnCeremony.Config(rpId, attempt.Pool.Pool.Name, null),
            WebAuthnCeremony.SignInChallenge(session), PoolPasskeys.UserVerification(attempt.Pool), allowed);
        return new AuthOutcome(
            ChallengeName: ChallengeNames.WebAuthn,
            Session: blobs.Seal(session),
            ChallengeParameters: new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["CREDENTIAL_REQUEST_OPTIONS"] = options.ToJson(),
            });
    }

    public async Task<AuthOutcome> VerifyAsync(AuthAttempt attempt, CancellationToken ct)
    {
        var (user, error) = await VerifyAssertionAsync(attempt, ct);
        if (error is not null)
        {
            return error;
        }

        // VerifyAssertionAsync returns a user whenever it returns no error.
        attempt.FirstFactorSatisfiesMfa = !PoolPasskeys.PasskeyPlusMfa(attempt.Pool);
        return await completion.CompleteAsync(attempt, user!, ct);
    }

    /// <summary>
    /// Every check of the answer (see the class summary) and the Session used once, without ending the sign-in:
    /// the API then runs <see cref="SignInCompletion"/>, the hosted UI's passkey page its own completion.
    /// </summary>
    public async Task<(User? User, AwsError? Error)> VerifyAssertionAsync(AuthAttempt attempt, CancellationToken ct)
    {
        var poolId = attempt.Pool.Pool.Id;
        var (session, invalid) = blobs.OpenAnswered(attempt, ChallengeNames.WebAuthn, clock.GetUtcNow());
        if (invalid is not null)
        {
            return (null, invalid);
        }

        // OpenAnswered returns a session whenever it returns no error.
        var expiresAt = DateTimeOffset.FromUnixTimeMilliseconds(session!.ExpiresAtMs);

        // RequireChallengeResponses has run, so USERNAME and CREDENTIAL are present.
        var answered = attempt.Parameter("USERNAME")!;
        var user = await db.Users.FirstOrDefaultAsync(u => u.PoolId == poolId && u.Username == session.Username, ct);
        if (user is null || (!string.Equals(answered, user.Username, StringComparison.Ordinal)
                && (await UserLookup.FindAsync(db, attempt.Pool, answered, ct))?.Id != user.Id))
        {
            // An unknown user's decoy challenge, or a Session of another user: the same answer as a bad assertion.
            return (null, AwsError.NotAuthorized(AuthMessages.IncorrectCredentials));
        }

        if (WebAuthnJson.ReadAssertion(attempt.Parameter("CREDENTIAL")!) is not { } response)
        {
            return (null, Refused(user, "malformed credential"));
        }

        var rpId = passkeys.RelyingPartyId(attempt.Pool);
        var credentialId = response.RawId is { Length: > 0 } rawId ? Base64Url.EncodeToString(rawId) : response.Id;
        var credential = rpId is null ? null : await db.WebAuthnCredentials.FirstOrDefaultAsync(
            c => c.PoolId == poolId && c.CredentialId == credentialId && c.RelyingPartyId == rpId, ct);
        if (rpId is null || credential is null || credential.UserId != user.Id)
        {
            return (null, Refused(user, "unknown credential or one of another user"));
        }

        if (await lockout.ReserveAttemptAsync(user.Id, ct) is { } locked)
        {
            return (null, locked);
        }

        if (WebAuthnClientData.Parse(response.Response?.ClientDataJson) is not { } clientData
            || !PoolPasskeys.OriginAllowed(rpId, clientData.Origin))
        {
            return (null, Refused(user, "origin not allowed"));
        }

        if (await AssertAsync(attempt, session, user, credential, response, rpId, clientData.Origin, ct) is { } failed)
        {
            return (null, failed);
        }

        if (!await ledger.TryConsumeAsync(session.Id, expiresAt, ct))
        {
            return (null, AwsError.NotAuthorized(AuthMessages.InvalidSession));
        }

        await lockout.ResetAsync(user.Id, ct);
        return (user, null);
    }

    /// <summary>Fido2's assertion checks, then the new counter stored only if no other sign-in moved it meanwhile.</summary>
    private async Task<AwsError?> AssertAsync(
        AuthAttempt attempt, AuthSession session, User user, WebAuthnCredential credential,
        AuthenticatorAssertionRawResponse response, string rpId, string origin, CancellationToken ct)
    {
        var config = WebAuthnCeremony.Config(rpId, attempt.Pool.Pool.Name, origin);
        var options = WebAuthnCeremony.RequestOptions(config, WebAuthnCeremony.SignInChallenge(session),
            PoolPasskeys.UserVerification(attempt.Pool), [credential]);
        var handle = WebAuthnCeremony.UserHandle(user);
        uint signCount;
        try
        {
            signCount = (await new Fido2(config).MakeAssertionAsync(new MakeAssertionParams
            {
                AssertionResponse = response,
                OriginalOptions = options,
                StoredPublicKey = credential.PublicKey,
                StoredSignatureCounter = (uint)credential.SignCount,
                IsUserHandleOwnerOfCredentialIdCallback = (p, _) =>
                    Task.FromResult(CryptographicOperations.FixedTimeEquals(p.UserHandle, handle)),
            }, ct)).SignCount;
        }
        catch (Fido2VerificationException ex)
        {
            if (ex.Code == Fido2ErrorCode.InvalidSignCount)
            {
                Log.PossibleClone(logger, credential.Id, user.Id, credential.PoolId);
            }

            return Refused(user, ex.Code.ToString());
        }

        var stored = credential.SignCount;
        var updated = await db.WebAuthnCredentials
            .Where(c => c.Id == credential.Id && c.SignCount == stored)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.SignCount, (long)signCount), ct);
        return updated == 1 ? null : Refused(user, "signature counter changed concurrently");
    }

    private async Task<List<WebAuthnCredential>> CredentialsAsync(User user, string rpId, CancellationToken ct) =>
        await db.WebAuthnCredentials.Where(c => c.UserId == user.Id && c.RelyingPartyId == rpId).OrderBy(c => c.Id)
            .ToListAsync(ct);

    private AwsError Refused(User user, string reason)
    {
        Log.AssertionRefused(logger, user.Id, user.PoolId, reason);
        return AwsError.NotAuthorized(AuthMessages.IncorrectCredentials);
    }
}
