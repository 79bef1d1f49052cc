using System.Security.Cryptography;
using System.Text.Json;
using Gatehouse.Server.Auth;
using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes;
using Gatehouse.Server.Storage;
using Gatehouse.Server.Tokens;
using Gatehouse.Server.Users;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Server.Passkeys;

/// <summary>
/// StartWebAuthnRegistration: the caller's (by access token) PublicKeyCredentialCreationOptions as the JSON document
/// Amplify's <c>associateWebAuthnCredential</c> hands to <c>navigator.credentials.create</c> (base64url challenge and
/// user id, W3C WebAuthn Level 3 §5.4 JSON form). Discoverable credential required (a passkey), attestation
/// <c>none</c>, ES256 and RS256, the user's passkeys excluded. Order: token, sign-in policy allows WEB_AUTHN
/// (WebAuthnNotEnabledException), relying-party id (WebAuthnConfigurationMissingException), 20 passkeys at most.
/// </summary>
internal sealed class StartWebAuthnRegistration(
    AppDb db, AccessTokenAuthenticator authenticator, PoolPasskeys passkeys, WebAuthnCeremony ceremony,
    TimeProvider clock) : IAwsHandler<StartWebAuthnRegistrationRequest>
{
    public const int MaxCredentialsPerUser = 20;

    /// <summary>How long a registration challenge can be completed; as the browser's timeout, plus slack.</summary>
    public static readonly TimeSpan ChallengeValidity = TimeSpan.FromMinutes(5);

    public async Task<AwsResult> HandleAsync(StartWebAuthnRegistrationRequest request, CancellationToken ct)
    {
        var (caller, error) = await authenticator.AuthenticateAsync(request.AccessToken, ct);
        if (caller is null)
        {
            // AuthenticateAsync returns an error whenever it returns no caller.
            return error!;
        }

        var pool = PoolSettings.Read(caller.Pool);
        if (!PoolPasskeys.Enabled(pool))
        {
            return AwsError.WebAuthnNotEnabled(PasskeyMessages.NotEnabled);
        }

        if (passkeys.RelyingPartyId(pool) is not { } rpId)
        {
            return AwsError.WebAuthnConfigurationMissing(PasskeyMessages.ConfigurationMissing);
        }

        var existing = await db.WebAuthnCredentials.Where(c => c.UserId == caller.User.Id).OrderBy(c => c.Id).ToListAsync(ct);
        if (existing.Count >= MaxCredentialsPerUser)
        {
            return AwsError.LimitExceeded(PasskeyMessages.TooManyCredentials);
        }

        var ticket = new AuthSession(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), pool.Pool.Id,
            caller.ClientId, caller.User.Username, WebAuthnCeremony.RegistrationName,
            (clock.GetUtcNow() + ChallengeValidity).ToUnixTimeMilliseconds());
        var options = WebAuthnCeremony.CreationOptions(WebAuthnCeremony.Config(rpId, pool.Pool.Name, null),
            ceremony.RegistrationChallenge(ticket), caller.User, PoolPasskeys.UserVerification(pool), existing);
        using var json = JsonDocument.Parse(options.ToJson());
        return AwsResult.Ok(new StartWebAuthnRegistrationResponse { CredentialCreationOptions = json.RootElement.Clone() });
    }
}
