using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes;
using Gatehouse.Server.Storage;

namespace Gatehouse.Server.Users;

/// <summary>AdminGetUser: a user found by username, alias or sub, with every attribute.</summary>
internal sealed class AdminGetUser(AppDb db) : IAwsHandler<AdminGetUserRequest>
{
    public async Task<AwsResult> HandleAsync(AdminGetUserRequest request, CancellationToken ct)
    {
        if (await PoolSettings.LoadAsync(db, request.UserPoolId, ct) is not { } settings)
        {
            return AwsError.ResourceNotFound(UserMessages.PoolNotFound(request.UserPoolId));
        }

        if (await UserLookup.FindAsync(db, settings, request.Username, ct) is not { } user)
        {
            return AwsError.UserNotFound(UserMessages.UserDoesNotExist);
        }

        // MFA settings (MFAOptions, UserMFASettingList, PreferredMfaSetting) are omitted, as Cognito omits
        // them for a user without MFA, and no MFA settings are stored yet.
        return AwsResult.Ok(new AdminGetUserResponse
        {
            Username = user.Username,
            UserAttributes = UserShapes.Attributes(user),
            UserCreateDate = user.CreatedAt,
            UserLastModifiedDate = user.LastModifiedAt,
            Enabled = user.Enabled,
            UserStatus = user.Status,
        });
    }
}
