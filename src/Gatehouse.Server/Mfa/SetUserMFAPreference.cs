using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes;
using Gatehouse.Server.Tokens;

namespace Gatehouse.Server.Mfa;

/// <summary>SetUserMFAPreference: the caller's own factors (<see cref="MfaPreferences"/>), by its access token.</summary>
internal sealed class SetUserMFAPreference(
    AccessTokenAuthenticator authenticator, UserMfaStore store, ILogger<SetUserMFAPreference> logger)
    : IAwsHandler<SetUserMFAPreferenceRequest>
{
    public async Task<AwsResult> HandleAsync(SetUserMFAPreferenceRequest request, CancellationToken ct)
    {
        var (caller, error) = await authenticator.AuthenticateAsync(request.AccessToken, ct);
        if (caller is null)
        {
            // AuthenticateAsync returns an error whenever it returns no caller.
            return error!;
        }

        var factors = await store.FactorsAsync(caller.User, ct);
        var row = await store.GetOrAddAsync(caller.User.Id, ct);
        if (MfaPreferences.Apply(MfaPoolFactors.Read(caller.Pool), factors, row,
                request.SMSMfaSettings, request.SoftwareTokenMfaSettings, request.EmailMfaSettings) is { } invalid)
        {
            return invalid;
        }

        if (await store.SaveAsync(ct) is { } conflict)
        {
            return conflict;
        }

        Log.PreferenceChanged(logger, caller.Pool.Id, caller.User.Sub);
        return AwsResult.Ok(new SetUserMFAPreferenceResponse());
    }
}
