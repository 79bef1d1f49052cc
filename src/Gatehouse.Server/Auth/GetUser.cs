using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes;
using Gatehouse.Server.Mfa;
using Gatehouse.Server.Storage;
using Gatehouse.Server.Tokens;
using Gatehouse.Server.UserPools;
using Gatehouse.Server.Users;

namespace Gatehouse.Server.Auth;

/// <summary>
/// GetUser: the caller's own username and attributes, authorized by its access token. Attributes are those the
/// token's app client may read (ReadAttributes; null means all), sub always, and the MFA members
/// (Mfa/UserMfaShapes: omitted when empty, as Cognito omits them for users without MFA).
/// </summary>
internal sealed class GetUser(AppDb db, AccessTokenAuthenticator authenticator, UserMfaStore mfa) : IAwsHandler<GetUserRequest>
{
    public async Task<AwsResult> HandleAsync(GetUserRequest request, CancellationToken ct)
    {
        var (caller, error) = await authenticator.AuthenticateAsync(request.AccessToken, ct);
        if (caller is null)
        {
            // AuthenticateAsync returns an error whenever it returns no caller.
            return error!;
        }

        var readable = await db.FindClientAsync(caller.ClientId, ct) is { } client
            ? UserPoolSettings.ReadClient(client).ReadAttributes
            : null;
        var only = readable is null ? null : new HashSet<string>(readable.Append(UserAttributeNames.Sub), StringComparer.Ordinal);
        var factors = await mfa.FactorsAsync(caller.User, ct);
        return AwsResult.Ok(new GetUserResponse
        {
            Username = caller.User.Username,
            UserAttributes = UserShapes.Attributes(caller.User, only),
            MFAOptions = UserMfaShapes.Options(factors),
            PreferredMfaSetting = factors.PreferredSetting(),
            UserMFASettingList = UserMfaShapes.SettingList(factors),
        });
    }
}
