using System.Security.Cryptography;
using System.Text;
using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes;
using Gatehouse.Server.Devices;
using Gatehouse.Server.Storage;
using Gatehouse.Server.UserPools;

namespace Gatehouse.Server.Tokens;

/// <summary>
/// GetTokensFromRefreshToken: new ID and access tokens from a refresh token, and a new refresh token when the
/// client rotates them (the old one then works only for RetryGracePeriodSeconds; later use is
/// RefreshTokenReuseException). Clients with a secret send it as <c>ClientSecret</c>.
/// </summary>
internal sealed class GetTokensFromRefreshToken(
    AppDb db, SecretProtector protector, RefreshTokenRedemption redemption, RefreshDeviceCheck devices)
    : IAwsHandler<GetTokensFromRefreshTokenRequest>
{
    public async Task<AwsResult> HandleAsync(GetTokensFromRefreshTokenRequest request, CancellationToken ct)
    {
        if (await db.FindClientAsync(request.ClientId, ct) is not { } client)
        {
            return AwsError.ResourceNotFound(TokensMessages.ClientNotFound(request.ClientId));
        }

        if (!ClientSecretMatches(AppClientSecret.Reveal(protector, client), request.ClientSecret))
        {
            return AwsError.NotAuthorized(TokensMessages.InvalidClientSecret);
        }

        var (token, user, error) = await redemption.ResolveAsync(client, request.RefreshToken, ct);
        if (error is not null)
        {
            return error;
        }

        // ResolveAsync returns a token and a user whenever it returns no error.
        if (await devices.RejectAsync(token!, request.DeviceKey, ct) is { } deviceError)
        {
            return deviceError;
        }

        var result = await redemption.RedeemAsync(client, token!, user!,
            AwsError.RefreshTokenReuse(TokensMessages.RefreshTokenReused), request.ClientMetadata, ct);
        return RefreshTokenRedemption.ResultOf(result) is { } tokens
            ? AwsResult.Ok(new GetTokensFromRefreshTokenResponse { AuthenticationResult = tokens })
            : result;
    }

    /// <summary>A client without a secret needs none; one with a secret needs it, compared in constant time.</summary>
    public static bool ClientSecretMatches(string? secret, string? presented) =>
        secret is null
        || (presented is not null
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(presented)));
}
