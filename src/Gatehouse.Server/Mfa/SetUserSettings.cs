using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes;
using Gatehouse.Server.Tokens;

namespace Gatehouse.Server.Mfa;

/// <summary>SetUserSettings: the legacy MFAOptions (SMS to phone_number on or off), by the caller's access token.</summary>
internal sealed class SetUserSettings(
    AccessTokenAuthenticator authenticator, UserMfaStore store, ILogger<SetUserSettings> logger)
    : IAwsHandler<SetUserSettingsRequest>
{
    public async Task<AwsResult> HandleAsync(SetUserSettingsRequest request, CancellationToken ct)
    {
        var (caller, error) = await authenticator.AuthenticateAsync(request.AccessToken, ct);
        if (caller is null)
        {
            // AuthenticateAsync returns an error whenever it returns no caller.
            return error!;
        }

        var factors = await store.FactorsAsync(caller.User, ct);
        var row = await store.GetOrAddAsync(caller.User.Id, ct);
        if (MfaPreferences.ApplyOptions(factors, row, request.MFAOptions) is { } invalid)
        {
            return invalid;
        }

        if (await store.SaveAsync(ct) is { } conflict)
        {
            return conflict;
        }

        Log.PreferenceChanged(logger, caller.Pool.Id, caller.User.Sub);
        return AwsResult.Ok(new SetUserSettingsResponse());
    }
}
