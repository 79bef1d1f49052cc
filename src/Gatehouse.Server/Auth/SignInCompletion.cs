using System.Security.Cryptography;
using System.Text.Json;
using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.Devices;
using Gatehouse.Server.Mfa;
using Gatehouse.Server.Storage;
using Gatehouse.Server.Tokens;
using Gatehouse.Server.Triggers;
using Gatehouse.Server.Users;

namespace Gatehouse.Server.Auth;

/// <summary>
/// What follows a correct password, in this order: a disabled user is refused ("User is disabled."), an
/// unconfirmed one gets UserNotConfirmedException, a user with a temporary password gets NEW_PASSWORD_REQUIRED
/// (or, when the temporary password is older than the pool's TemporaryPasswordValidityDays,
/// "Temporary password has expired and must be reset by an administrator."), a remembered device gets
/// DEVICE_SRP_AUTH (Devices/DeviceTracking), which stands in for MFA; then the MFA challenge when the pool and user
/// need one (Mfa/MfaChallenge), else tokens.
/// </summary>
internal sealed class SignInCompletion(
    SessionTokens tokens,
    AuthBlobs blobs,
    DeviceTracking devices,
    MfaChallenge mfa,
    SignInTriggers triggers,
    TimeProvider clock)
{
    public async Task<AuthOutcome> CompleteAsync(AuthAttempt attempt, User user, CancellationToken ct)
    {
        if (!user.Enabled)
        {
            return AwsError.NotAuthorized(AuthMessages.UserDisabled);
        }

        if (string.Equals(user.Status, UserStatuses.Unconfirmed, StringComparison.Ordinal))
        {
            return AwsError.UserNotConfirmed(AuthMessages.UserNotConfirmed);
        }

        if (string.Equals(user.Status, UserStatuses.ForceChangePassword, StringComparison.Ordinal))
        {
            var validity = TimeSpan.FromDays(attempt.Pool.PasswordPolicy.TemporaryPasswordValidityDays ?? 7);
            return user.PasswordSetAt is { } setAt && setAt + validity <= clock.GetUtcNow()
                ? AwsError.NotAuthorized(AuthMessages.TemporaryPasswordExpired)
                : NewPasswordRequired(attempt, user);
        }

        // A remembered device of this user proves itself with device SRP, which stands in for MFA.
        if (await devices.ChallengeAsync(attempt, user, ct) is { } deviceChallenge)
        {
            return deviceChallenge;
        }

        if (!attempt.FirstFactorSatisfiesMfa && await mfa.ChallengeAsync(attempt, user, ct) is { } challenge)
        {
            return challenge;
        }

        return await FinishAsync(attempt, user, ct);
    }

    /// <summary>
    /// The last step of every sign-in, once the first factor and any further challenge (MFA, device) have passed:
    /// the tokens, with the device of the sign-in (its <c>device_key</c> claim, and NewDeviceMetadata for a new one)
    /// when the pool tracks devices. The post authentication trigger runs first (newDeviceUsed: whether this
    /// sign-in brought a device the pool did not know; clientMetadata only from the respond operations); its error
    /// means no tokens.
    /// </summary>
    public async Task<AuthOutcome> FinishAsync(AuthAttempt attempt, User user, CancellationToken ct)
    {
        var device = await devices.TrackAsync(attempt, user, ct);
        var newDeviceUsed = device is null ? (bool?)null : device.NewDevice is not null;
        var clientMetadata = AuthFlows.IsFlow(attempt.Name) ? null : attempt.ClientMetadata;
        if (await triggers.PostAuthenticationAsync(attempt.Pool.Pool, attempt.ClientId, user, newDeviceUsed,
                clientMetadata, ct) is { } postAuthError)
        {
            return postAuthError;
        }

        var (result, error) = await tokens.SignInAsync(attempt.Client, user, PreTokenSource(attempt), device?.DeviceKey,
            clientMetadata: null, ct);
        if (result is null)
        {
            // SignInAsync returns tokens or the pre token generation trigger's error.
            return error!;
        }

        return AuthOutcome.Tokens(device?.NewDevice is { } metadata ? result with { NewDeviceMetadata = metadata } : result);
    }

    /// <summary>
    /// The NEW_PASSWORD_REQUIRED challenge: the user's attributes (without sub) and the required attributes it
    /// lacks, both as JSON in strings (protocol-notes §8), and a Session valid for AuthSessionValidity minutes.
    /// </summary>
    private AuthOutcome NewPasswordRequired(AuthAttempt attempt, User user)
    {
        var attributes = UserRecordWriter.ReadAttributes(user);
        attributes.Remove(UserAttributeNames.Sub);
        var required = MissingRequiredAttributes(attempt.Pool, attributes).Select(n => "userAttributes." + n).ToList();
        var session = new AuthSession(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), attempt.Pool.Pool.Id,
            attempt.ClientId, user.Username, ChallengeNames.NewPasswordRequired,
            (clock.GetUtcNow() + SessionValidity(attempt)).ToUnixTimeMilliseconds());
        return new AuthOutcome(
            ChallengeName: ChallengeNames.NewPasswordRequired,
            Session: blobs.Seal(session),
            ChallengeParameters: new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["USER_ID_FOR_SRP"] = user.Username,
                ["requiredAttributes"] = JsonSerializer.Serialize(required, AuthJsonContext.Default.ListString),
                ["userAttributes"] = JsonSerializer.Serialize(attributes, AuthJsonContext.Default.DictionaryStringString),
            });
    }

    /// <summary>
    /// The pre token generation trigger's source: the challenge that ended the sign-in (NEW_PASSWORD_REQUIRED,
    /// a remembered device's DEVICE_PASSWORD_VERIFIER), else TokenGeneration_Authentication.
    /// </summary>
    private static string PreTokenSource(AuthAttempt attempt) => attempt.Name switch
    {
        ChallengeNames.NewPasswordRequired => PreTokenSources.NewPasswordChallenge,
        DeviceChallengeNames.DevicePasswordVerifier => PreTokenSources.AuthenticateDevice,
        _ => PreTokenSources.Authentication,
    };

    public static TimeSpan SessionValidity(AuthAttempt attempt) =>
        TimeSpan.FromMinutes(attempt.ClientSettings.AuthSessionValidity ?? 3);

    /// <summary>Schema attributes marked Required that <paramref name="attributes"/> has no value for.</summary>
    public static IEnumerable<string> MissingRequiredAttributes(PoolSettings pool, IReadOnlyDictionary<string, string> attributes) =>
        pool.Schema
            .Where(a => a.Value.Required == true && !string.Equals(a.Key, UserAttributeNames.Sub, StringComparison.Ordinal))
            .Select(a => StandardAttributes.Names.Contains(a.Key)
                || a.Key.StartsWith(UserAttributeNames.CustomPrefix, StringComparison.Ordinal)
                    ? a.Key
                    : UserAttributeNames.CustomPrefix + a.Key)
            .Where(name => !attributes.ContainsKey(name))
            .Order(StringComparer.Ordinal);
}
