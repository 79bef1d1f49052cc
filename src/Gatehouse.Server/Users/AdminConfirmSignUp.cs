using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes;
using Gatehouse.Server.Storage;
using Gatehouse.Server.Triggers;

namespace Gatehouse.Server.Users;

/// <summary>
/// AdminConfirmSignUp: UNCONFIRMED becomes CONFIRMED; any other status is refused. Then the post confirmation
/// trigger (PostConfirmation_ConfirmSignUp, no client): its error is the answer, and the user stays confirmed.
/// </summary>
internal sealed class AdminConfirmSignUp(AppDb db, TimeProvider clock, PostConfirmationTrigger postConfirmation)
    : IAwsHandler<AdminConfirmSignUpRequest>
{
    public async Task<AwsResult> HandleAsync(AdminConfirmSignUpRequest request, CancellationToken ct)
    {
        if (await PoolSettings.LoadAsync(db, request.UserPoolId, ct) is not { } settings)
        {
            return AwsError.ResourceNotFound(UserMessages.PoolNotFound(request.UserPoolId));
        }

        if (await UserLookup.FindAsync(db, settings, request.Username, ct) is not { } user)
        {
            return AwsError.UserNotFound(UserMessages.UserDoesNotExist);
        }

        if (!string.Equals(user.Status, UserStatuses.Unconfirmed, StringComparison.Ordinal))
        {
            return AwsError.NotAuthorized(UserMessages.CannotConfirm(user.Status));
        }

        user.Status = UserStatuses.Confirmed;
        user.LastModifiedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return await postConfirmation.RunAsync(settings.Pool, PostConfirmationTrigger.ConfirmSignUpSource,
            clientId: null, user, request.ClientMetadata, ct) ?? AwsResult.Empty;
    }
}
