using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Fido2NetLib;
using Fido2NetLib.Objects;
using Gatehouse.Server.Auth;
using Gatehouse.Server.Storage;

namespace Gatehouse.Server.Passkeys;

/// <summary>
/// The options Gatehouse hands to the browser and rebuilds for Fido2's checks, and the challenges in them.
/// A registration challenge is itself the sealed ticket (an <see cref="AuthSession"/> named
/// <see cref="RegistrationName"/>, sealed with purpose <see cref="RegistrationPurpose"/>; its bytes are the sealed
/// blob, format v1 of <see cref="AuthBlobSealer"/>), so any node can complete a registration another started and
/// <see cref="AuthSessionLedger"/> keeps it single-use. A sign-in challenge is
/// SHA-256(<c>gatehouse/webauthn-sign-in/v1</c> ‖ session id): bound to the WEB_AUTHN Session and as unpredictable as
/// its 128-bit random id, which only the sealed Session carries.
/// </summary>
internal sealed class WebAuthnCeremony(AuthBlobSealer sealer)
{
    public const string RegistrationPurpose = "webauthn-registration";
    public const string RegistrationName = "WEB_AUTHN_REGISTRATION";

    /// <summary>The browser's time limit, as Cognito's options carry.</summary>
    private const uint TimeoutMs = 180_000;

    private static readonly byte[] SignInLabel = Encoding.UTF8.GetBytes("gatehouse/webauthn-sign-in/v1");

    private static readonly IReadOnlyList<PubKeyCredParam> Algorithms = [PubKeyCredParam.ES256, PubKeyCredParam.RS256];

    public byte[] RegistrationChallenge(AuthSession ticket) =>
        Convert.FromBase64String(sealer.Seal(RegistrationPurpose,
            JsonSerializer.SerializeToUtf8Bytes(ticket, AuthJsonContext.Default.AuthSession)));

    public AuthSession? OpenRegistrationChallenge(byte[] challenge) =>
        sealer.Open(RegistrationPurpose, Convert.ToBase64String(challenge)) is { } json
            ? JsonSerializer.Deserialize(json, AuthJsonContext.Default.AuthSession)
            : null;

    public static byte[] SignInChallenge(AuthSession session) =>
        SHA256.HashData([.. SignInLabel, .. Encoding.UTF8.GetBytes(session.Id)]);

    /// <summary>The user handle of a passkey: the user's <c>sub</c>, as UTF-8.</summary>
    public static byte[] UserHandle(User user) => Encoding.UTF8.GetBytes(user.Sub);

    /// <summary>The library's settings for one relying party and the one origin already checked.</summary>
    public static Fido2Configuration Config(string rpId, string rpName, string? origin) => new()
    {
        RPID = rpId,
        RPName = rpName,
        Origins = origin is null ? new HashSet<string>() : new HashSet<string>(StringComparer.Ordinal) { origin },
        Timeout = TimeoutMs,
    };

    public static CredentialCreateOptions CreationOptions(
        Fido2Configuration config, byte[] challenge, User user, UserVerificationRequirement verification,
        IReadOnlyList<WebAuthnCredential> existing) =>
        CredentialCreateOptions.Create(config, challenge,
            new Fido2User { Id = UserHandle(user), Name = user.Username, DisplayName = user.Username },
            new AuthenticatorSelection
            {
                ResidentKey = ResidentKeyRequirement.Required,
                UserVerification = verification,
            },
            AttestationConveyancePreference.None,
            [.. existing.Select(Descriptor)],
            null,
            Algorithms);

    public static AssertionOptions RequestOptions(
        Fido2Configuration config, byte[] challenge, UserVerificationRequirement verification,
        IReadOnlyList<WebAuthnCredential> allowed) =>
        AssertionOptions.Create(config, challenge, [.. allowed.Select(Descriptor)], verification, null);

    public static PublicKeyCredentialDescriptor Descriptor(WebAuthnCredential credential) =>
        new(PublicKeyCredentialType.PublicKey, System.Buffers.Text.Base64Url.DecodeFromChars(credential.CredentialId),
            WebAuthnTransports.Parse(credential.Transports));
}
