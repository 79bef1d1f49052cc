using System.Buffers.Text;
using Fido2NetLib;
using Fido2NetLib.Exceptions;
using Fido2NetLib.Objects;
using Gatehouse.Server.Auth;
using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes;
using Gatehouse.Server.Storage;
using Gatehouse.Server.Tokens;
using Gatehouse.Server.Users;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Server.Passkeys;

/// <summary>
/// CompleteWebAuthnRegistration: verifies the browser's RegistrationResponseJSON (attestation <c>none</c> or a
/// self/basic attestation Fido2 can check) against the challenge StartWebAuthnRegistration issued, and stores the
/// passkey. Order: token; a well-formed credential (InvalidParameterException); the challenge is ours, this pool's
/// and this user's, unexpired (WebAuthnChallengeNotFoundException); issued to the same app client
/// (WebAuthnClientMismatchException); passkeys still enabled and configured; the origin is allowed for the
/// relying party (WebAuthnOriginNotAllowedException); Fido2's checks (RP id hash: WebAuthnRelyingPartyMismatchException;
/// key type or attestation: WebAuthnCredentialNotSupportedException; anything else, InvalidParameterException);
/// 20 passkeys at most; the challenge used once.
/// </summary>
internal sealed class CompleteWebAuthnRegistration(
    AppDb db, AccessTokenAuthenticator authenticator, PoolPasskeys passkeys, WebAuthnCeremony ceremony,
    AuthSessionLedger ledger, TimeProvider clock, ILogger<CompleteWebAuthnRegistration> logger)
    : IAwsHandler<CompleteWebAuthnRegistrationRequest>
{
    public async Task<AwsResult> HandleAsync(CompleteWebAuthnRegistrationRequest request, CancellationToken ct)
    {
        var (caller, error) = await authenticator.AuthenticateAsync(request.AccessToken, ct);
        if (caller is null)
        {
            // AuthenticateAsync returns an error whenever it returns no caller.
            return error!;
        }

        var pool = PoolSettings.Read(caller.Pool);
        if (WebAuthnJson.ReadAttestation(request.Credential) is not { } response
            || WebAuthnClientData.Parse(response.Response?.ClientDataJson) is not { } clientData)
        {
            return AwsError.InvalidParameter(PasskeyMessages.CredentialMalformed);
        }

        var now = clock.GetUtcNow();
        if (ceremony.OpenRegistrationChallenge(clientData.Challenge) is not { } ticket
            || !string.Equals(ticket.ChallengeName, WebAuthnCeremony.RegistrationName, StringComparison.Ordinal)
            || !string.Equals(ticket.PoolId, pool.Pool.Id, StringComparison.Ordinal)
            || !string.Equals(ticket.Username, caller.User.Username, StringComparison.Ordinal)
            || DateTimeOffset.FromUnixTimeMilliseconds(ticket.ExpiresAtMs) <= now)
        {
            return Refused(caller, AwsError.WebAuthnChallengeNotFound(PasskeyMessages.ChallengeNotFound));
        }

        if (!string.Equals(ticket.ClientId, caller.ClientId, StringComparison.Ordinal))
        {
            return Refused(caller, AwsError.WebAuthnClientMismatch(PasskeyMessages.ClientMismatch));
        }

        if (!PoolPasskeys.Enabled(pool))
        {
            return AwsError.WebAuthnNotEnabled(PasskeyMessages.NotEnabled);
        }

        if (passkeys.RelyingPartyId(pool) is not { } rpId)
        {
            return AwsError.WebAuthnConfigurationMissing(PasskeyMessages.ConfigurationMissing);
        }

        if (!PoolPasskeys.OriginAllowed(rpId, clientData.Origin))
        {
            return Refused(caller, AwsError.WebAuthnOriginNotAllowed(PasskeyMessages.OriginNotAllowed));
        }

        var existing = await db.WebAuthnCredentials.Where(c => c.UserId == caller.User.Id).OrderBy(c => c.Id).ToListAsync(ct);
        var config = WebAuthnCeremony.Config(rpId, pool.Pool.Name, clientData.Origin);
        var options = WebAuthnCeremony.CreationOptions(config, clientData.Challenge, caller.User,
            PoolPasskeys.UserVerification(pool), existing);
        RegisteredPublicKeyCredential registered;
        try
        {
            registered = await new Fido2(config).MakeNewCredentialAsync(new MakeNewCredentialParams
            {
                AttestationResponse = response,
                OriginalOptions = options,
                IsCredentialIdUniqueToUserCallback = (p, token) => IsNewAsync(pool.Pool.Id, p.CredentialId, token),
            }, ct);
        }
        catch (Fido2VerificationException ex)
        {
            return Refused(caller, Translate(ex.Code));
        }

        if (existing.Count >= StartWebAuthnRegistration.MaxCredentialsPerUser)
        {
            return AwsError.LimitExceeded(PasskeyMessages.TooManyCredentials);
        }

        if (!await ledger.TryConsumeAsync(ticket.Id, DateTimeOffset.FromUnixTimeMilliseconds(ticket.ExpiresAtMs), ct))
        {
            return Refused(caller, AwsError.WebAuthnChallengeNotFound(PasskeyMessages.ChallengeNotFound));
        }

        db.WebAuthnCredentials.Add(new WebAuthnCredential
        {
            PoolId = pool.Pool.Id,
            UserId = caller.User.Id,
            CredentialId = Base64Url.EncodeToString(registered.Id),
            PublicKey = registered.PublicKey,
            SignCount = registered.SignCount,
            Transports = WebAuthnTransports.Format(registered.Transports),
            Aaguid = registered.AaGuid,
            FriendlyName = PasskeyMessages.DefaultFriendlyName,
            RelyingPartyId = rpId,
            AuthenticatorAttachment = WebAuthnJson.Attachment(request.Credential),
            CreatedAt = now,
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (db.IsUniqueViolation(ex))
        {
            return AwsError.InvalidParameter(PasskeyMessages.CredentialAlreadyRegistered);
        }

        Log.CredentialRegistered(logger, caller.User.Id, pool.Pool.Id);
        return AwsResult.Ok(new CompleteWebAuthnRegistrationResponse());
    }

    private async Task<bool> IsNewAsync(string poolId, byte[] credentialId, CancellationToken ct)
    {
        var id = Base64Url.EncodeToString(credentialId);
        return !await db.WebAuthnCredentials.AnyAsync(c => c.PoolId == poolId && c.CredentialId == id, ct);
    }

    private static AwsError Translate(Fido2ErrorCode code) => code switch
    {
        Fido2ErrorCode.InvalidRpidHash => AwsError.WebAuthnRelyingPartyMismatch(PasskeyMessages.RelyingPartyMismatch),
        Fido2ErrorCode.InvalidAuthenticatorResponseOrigin or Fido2ErrorCode.CrossOriginRequestNotAllowed
            or Fido2ErrorCode.InvalidAuthenticatorResponseTopOrigin =>
            AwsError.WebAuthnOriginNotAllowed(PasskeyMessages.OriginNotAllowed),
        Fido2ErrorCode.InvalidAuthenticatorResponseChallenge =>
            AwsError.WebAuthnChallengeNotFound(PasskeyMessages.ChallengeNotFound),
        Fido2ErrorCode.NonUniqueCredentialId => AwsError.InvalidParameter(PasskeyMessages.CredentialAlreadyRegistered),
        Fido2ErrorCode.UnimplementedAlgorithm or Fido2ErrorCode.UnknownAttestationType
            or Fido2ErrorCode.CredentialAlgorithmRequirementNotMet or Fido2ErrorCode.InvalidCredentialPublicKey =>
            AwsError.WebAuthnCredentialNotSupported(PasskeyMessages.CredentialNotSupported),
        _ => AwsError.InvalidParameter(PasskeyMessages.CredentialInvalid),
    };

    private AwsError Refused(AuthenticatedUser caller, AwsError error)
    {
        Log.RegistrationRefused(logger, caller.User.Id, caller.Pool.Id, error.Type);
        return error;
    }
}
