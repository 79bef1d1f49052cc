using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes;
using Gatehouse.Server.Storage;

namespace Gatehouse.Server.Users;

/// <summary>
/// AdminSetUserPassword: a permanent password confirms the user (CONFIRMED); a temporary one sets
/// FORCE_CHANGE_PASSWORD. The password must satisfy the pool's policy.
/// </summary>
internal sealed class AdminSetUserPassword(
    AppDb db, TimeProvider clock, UserPasswords passwords, ILogger<AdminSetUserPassword> logger)
    : IAwsHandler<AdminSetUserPasswordRequest>
{
    public async Task<AwsResult> HandleAsync(AdminSetUserPasswordRequest request, CancellationToken ct)
    {
        if (await PoolSettings.LoadAsync(db, request.UserPoolId, ct) is not { } settings)
        {
            return AwsError.ResourceNotFound(UserMessages.PoolNotFound(request.UserPoolId));
        }

        if (await UserLookup.FindAsync(db, settings, request.Username, ct) is not { } user)
        {
            return AwsError.UserNotFound(UserMessages.UserDoesNotExist);
        }

        if (PasswordRules.Violation(settings.PasswordPolicy, request.Password) is { } violation)
        {
            return AwsError.InvalidPassword(violation);
        }

        var now = clock.GetUtcNow();
        passwords.Set(user, request.Password, now);
        user.Status = request.Permanent == true ? UserStatuses.Confirmed : UserStatuses.ForceChangePassword;
        user.LastModifiedAt = now;
        await db.SaveChangesAsync(ct);
        Log.PasswordSet(logger, settings.Pool.Id, user.Sub);
        return AwsResult.Empty;
    }
}
