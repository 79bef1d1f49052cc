using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.Devices;
using Gatehouse.Server.Storage;
using Gatehouse.Server.Tokens;
using Gatehouse.Server.Users;

namespace Gatehouse.Server.Auth;

/// <summary>
/// REFRESH_TOKEN_AUTH / REFRESH_TOKEN: new ID and access tokens with the original auth_time and origin_jti, and no
/// new refresh token unless the client rotates them. A client with a secret must send SECRET_HASH over a name of the
/// token's user: the username, the sub, or a USERNAME parameter that resolves to that user (protocol-notes §8).
/// A token issued to a device needs its DEVICE_KEY (<see cref="RefreshDeviceCheck"/>).
/// </summary>
internal sealed class RefreshSignIn(AppDb db, RefreshTokenRedemption redemption, RefreshDeviceCheck devices)
{
    public async Task<AuthOutcome> SignInAsync(AuthAttempt attempt, CancellationToken ct)
    {
        // RequireFlowParameters has run, so REFRESH_TOKEN is present.
        var (token, user, error) = await redemption.ResolveAsync(attempt.Client, attempt.Parameter("REFRESH_TOKEN")!, ct);
        if (error is not null)
        {
            return error;
        }

        // ResolveAsync returns a token and a user whenever it returns no error.
        if (await RejectSecretHashAsync(attempt, user!, ct) is { } secretError)
        {
            return secretError;
        }

        if (await devices.RejectAsync(token!, attempt.Parameter("DEVICE_KEY"), ct) is { } deviceError)
        {
            return deviceError;
        }

        var result = await redemption.RedeemAsync(attempt.Client, token!, user!,
            AwsError.NotAuthorized(TokensMessages.InvalidRefreshToken), clientMetadata: null, ct);
        // RedeemAsync answers tokens or an error.
        return RefreshTokenRedemption.ResultOf(result) is { } tokens ? AuthOutcome.Tokens(tokens) : result.Error!;
    }

    private async Task<AwsError?> RejectSecretHashAsync(AuthAttempt attempt, User user, CancellationToken ct)
    {
        if (attempt.ClientSecret is not { } secret)
        {
            return null;
        }

        if (attempt.Parameter("SECRET_HASH") is not { } presented)
        {
            return AwsError.NotAuthorized(AuthMessages.SecretHashMissing(attempt.ClientId));
        }

        var names = new List<string> { user.Username, user.Sub };
        if (attempt.Parameter("USERNAME") is { } given
            && (await UserLookup.FindAsync(db, attempt.Pool, given, ct))?.Id == user.Id)
        {
            names.Add(given);
        }

        return names.Any(n => SecretHash.Matches(secret, n, attempt.ClientId, presented))
            ? null
            : AwsError.NotAuthorized(AuthMessages.SecretHashMismatch(attempt.ClientId));
    }
}
