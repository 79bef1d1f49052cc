using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes;
using Gatehouse.Server.Storage;
using Gatehouse.Server.Users;

namespace Gatehouse.Server.Mfa;

/// <summary>AdminSetUserSettings: a user's legacy MFAOptions (SMS to phone_number on or off).</summary>
internal sealed class AdminSetUserSettings(AppDb db, UserMfaStore store, ILogger<AdminSetUserSettings> logger)
    : IAwsHandler<AdminSetUserSettingsRequest>
{
    public async Task<AwsResult> HandleAsync(AdminSetUserSettingsRequest request, CancellationToken ct)
    {
        if (await PoolSettings.LoadAsync(db, request.UserPoolId, ct) is not { } pool)
        {
            return AwsError.ResourceNotFound(UserMessages.PoolNotFound(request.UserPoolId));
        }

        if (await UserLookup.FindAsync(db, pool, request.Username, ct) is not { } user)
        {
            return AwsError.UserNotFound(UserMessages.UserDoesNotExist);
        }

        var factors = await store.FactorsAsync(user, ct);
        var row = await store.GetOrAddAsync(user.Id, ct);
        if (MfaPreferences.ApplyOptions(factors, row, request.MFAOptions) is { } invalid)
        {
            return invalid;
        }

        if (await store.SaveAsync(ct) is { } conflict)
        {
            return conflict;
        }

        Log.PreferenceChanged(logger, pool.Pool.Id, user.Sub);
        return AwsResult.Ok(new AdminSetUserSettingsResponse());
    }
}
