using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes;
using Gatehouse.Server.Storage;

namespace Gatehouse.Server.Users;

/// <summary>
/// AdminDeleteUserAttributes: removes attributes; required and immutable ones (and <c>sub</c>) stay. Removing
/// email or phone_number also removes its verified flag, and with it the sign-in alias.
/// </summary>
internal sealed class AdminDeleteUserAttributes(AppDb db, TimeProvider clock)
    : IAwsHandler<AdminDeleteUserAttributesRequest>
{
    public async Task<AwsResult> HandleAsync(AdminDeleteUserAttributesRequest request, CancellationToken ct)
    {
        if (await PoolSettings.LoadAsync(db, request.UserPoolId, ct) is not { } settings)
        {
            return AwsError.ResourceNotFound(UserMessages.PoolNotFound(request.UserPoolId));
        }

        if (await UserLookup.FindAsync(db, settings, request.Username, ct) is not { } user)
        {
            return AwsError.UserNotFound(UserMessages.UserDoesNotExist);
        }

        var attributes = UserRecordWriter.ReadAttributes(user);
        if (UserAttributeEdits.Delete(settings, attributes, request.UserAttributeNames) is { } error)
        {
            return error;
        }

        UserRecordWriter.Write(user, settings, attributes, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return AwsResult.Empty;
    }
}
