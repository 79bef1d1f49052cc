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
        foreach (var name in request.UserAttributeNames)
        {
            if (CheckDeletable(settings, name) is { } error)
            {
                return error;
            }

            attributes.Remove(name);
            if (string.Equals(name, UserAttributeNames.Email, StringComparison.Ordinal))
            {
                attributes.Remove(UserAttributeNames.EmailVerified);
            }
            else if (string.Equals(name, UserAttributeNames.PhoneNumber, StringComparison.Ordinal))
            {
                attributes.Remove(UserAttributeNames.PhoneNumberVerified);
            }
        }

        UserRecordWriter.Write(user, settings, attributes, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return AwsResult.Empty;
    }

    private static AwsError? CheckDeletable(PoolSettings settings, string name)
    {
        if (UserAttributeRules.Find(settings, name) is not { } schema)
        {
            return AwsError.InvalidParameter(UserMessages.UnknownAttribute(name));
        }

        if (schema.Required == true)
        {
            return AwsError.InvalidParameter(UserMessages.CannotDeleteRequired(name));
        }

        return schema.Mutable == false || string.Equals(name, UserAttributeNames.Sub, StringComparison.Ordinal)
            ? AwsError.InvalidParameter(UserMessages.CannotModify(name))
            : null;
    }
}
