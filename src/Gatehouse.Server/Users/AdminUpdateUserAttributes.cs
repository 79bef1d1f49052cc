using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes;
using Gatehouse.Server.Storage;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Server.Users;

/// <summary>
/// AdminUpdateUserAttributes: sets (or, with a blank value, deletes) attributes. Immutable attributes and
/// <c>sub</c> are refused, a changed email/phone is unverified unless the request verifies it, and a sign-in
/// alias already held by another user is refused (AliasExistsException).
/// Verification messages for changed attributes are not sent here yet (issue #3 builds the codes).
/// </summary>
internal sealed class AdminUpdateUserAttributes(AppDb db, TimeProvider clock)
    : IAwsHandler<AdminUpdateUserAttributesRequest>
{
    public async Task<AwsResult> HandleAsync(AdminUpdateUserAttributesRequest request, CancellationToken ct)
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
        if ((UserAttributeEdits.Apply(settings, attributes, request.UserAttributes, creating: false)
                ?? UserAttributeEdits.CheckVerifiedNeedsValue(attributes)) is { } error)
        {
            return error;
        }

        var now = clock.GetUtcNow();
        if (await AliasConflicts.ResolveAsync(db, settings, AliasKeys.From(settings, attributes), user.Id,
                force: false, now, ct) is { } aliasError)
        {
            return aliasError;
        }

        UserRecordWriter.Write(user, settings, attributes, now);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (db.IsUniqueViolation(e))
        {
            // Another request took the alias between the check above and this write.
            return AwsError.AliasExists(UserMessages.AliasTaken);
        }

        return AwsResult.Empty;
    }
}
