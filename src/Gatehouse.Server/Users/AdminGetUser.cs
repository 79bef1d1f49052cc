using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes;
using Gatehouse.Server.Mfa;
using Gatehouse.Server.Storage;

namespace Gatehouse.Server.Users;

/// <summary>AdminGetUser: a user found by username, alias or sub, with every attribute.</summary>
internal sealed class AdminGetUser(AppDb db, UserMfaStore mfa) : IAwsHandler<AdminGetUserRequest>
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

        // The MFA members are omitted when empty, as Cognito omits them for a user without MFA.
        var factors = await mfa.FactorsAsync(user, ct);
        return AwsResult.Ok(new AdminGetUserResponse
        {
            Username = user.Username,
            UserAttributes = UserShapes.Attributes(user),
            UserCreateDate = user.CreatedAt,
            UserLastModifiedDate = user.LastModifiedAt,
            Enabled = user.Enabled,
            UserStatus = user.Status,
            MFAOptions = UserMfaShapes.Options(factors),
            PreferredMfaSetting = factors.PreferredSetting(),
            UserMFASettingList = UserMfaShapes.SettingList(factors),
        });
    }
}
