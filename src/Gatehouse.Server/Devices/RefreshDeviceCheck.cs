using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.Storage;
using Gatehouse.Server.Tokens;

namespace Gatehouse.Server.Devices;

/// <summary>
/// The DEVICE_KEY of a refresh (REFRESH_TOKEN_AUTH's parameter, GetTokensFromRefreshToken's DeviceKey). A refresh
/// token issued to a confirmed device needs that device's key (InitiateAuth reference: "DEVICE_KEY ... when you
/// refresh with device tracking"); another key, another user's device included, is refused as Cognito refuses a
/// wrong one, "Invalid Refresh Token". A forgotten device's sessions were revoked when it was forgotten. A token
/// issued without a device accepts its own user's device keys (clients send whatever key they keep).
/// </summary>
internal sealed class RefreshDeviceCheck(DeviceStore store)
{
    public async Task<AwsError?> RejectAsync(RefreshToken token, string? presented, CancellationToken ct)
    {
        var refused = AwsError.NotAuthorized(TokensMessages.InvalidRefreshToken);
        if (token.DeviceKey is { } issuedTo)
        {
            if (string.IsNullOrEmpty(presented))
            {
                return await store.FindAsync(token.PoolId, issuedTo, ct) is { ConfirmedAt: not null } ? refused : null;
            }

            return string.Equals(presented, issuedTo, StringComparison.Ordinal) ? null : refused;
        }

        return string.IsNullOrEmpty(presented)
            || await store.FindAsync(token.PoolId, presented, ct) is not { } device || device.UserId == token.UserId
            ? null
            : refused;
    }
}
