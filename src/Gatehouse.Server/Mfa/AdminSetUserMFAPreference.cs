using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes;
using Gatehouse.Server.Storage;
using Gatehouse.Server.Users;

namespace Gatehouse.Server.Mfa;

/// <summary>AdminSetUserMFAPreference: a user's factors (<see cref="MfaPreferences"/>), found by username or alias.</summary>
internal sealed class AdminSetUserMFAPreference(AppDb db, UserMfaStore store, ILogger<AdminSetUserMFAPreference> logger)
    : IAwsHandler<AdminSetUserMFAPreferenceRequest>
{
    public async Task<AwsResult> HandleAsync(AdminSetUserMFAPreferenceRequest request, CancellationToken ct)
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
        if (MfaPreferences.Apply(MfaPoolFactors.Read(pool.Pool), factors, row,
                request.SMSMfaSettings, request.SoftwareTokenMfaSettings, request.EmailMfaSettings) is { } invalid)
        {
            return invalid;
        }

        if (await store.SaveAsync(ct) is { } conflict)
        {
            return conflict;
        }

        Log.PreferenceChanged(logger, pool.Pool.Id, user.Sub);
        return AwsResult.Ok(new AdminSetUserMFAPreferenceResponse());
    }
}
