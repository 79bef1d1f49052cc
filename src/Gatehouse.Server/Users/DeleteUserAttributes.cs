using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes;
using Gatehouse.Server.Storage;
using Gatehouse.Server.Tokens;

namespace Gatehouse.Server.Users;

/// <summary>
/// DeleteUserAttributes: the caller (by access token) removes some of its attributes. The token's app client must
/// be allowed to write them (WriteAttributes; NotAuthorizedException otherwise); required and immutable attributes
/// and <c>sub</c> are refused as in AdminDeleteUserAttributes (<see cref="UserAttributeEdits.Delete"/>). A deleted attribute's value waiting for verification goes too.
/// </summary>
internal sealed class DeleteUserAttributes(AppDb db, AccessTokenAuthenticator authenticator, TimeProvider clock)
    : IAwsHandler<DeleteUserAttributesRequest>
{
    public async Task<AwsResult> HandleAsync(DeleteUserAttributesRequest request, CancellationToken ct)
    {
        var (caller, error) = await authenticator.AuthenticateAsync(request.AccessToken, ct);
        if (caller is null)
        {
            // AuthenticateAsync returns an error whenever it returns no caller.
            return error!;
        }

        if (await SelfServiceClient.LoadAsync(db, caller.ClientId, ct) is not { } client)
        {
            return AwsError.NotAuthorized(TokensMessages.InvalidAccessToken);
        }

        var names = request.UserAttributeNames;
        if (client.CheckWritable([.. names.Select(n => new AttributeType { Name = n })]) is { } writeError)
        {
            return writeError;
        }

        var user = caller.User;
        var attributes = UserRecordWriter.ReadAttributes(user);
        if (UserAttributeEdits.Delete(client.Pool, attributes, names) is { } deleteError)
        {
            return deleteError;
        }

        var pending = PendingAttributeValues.Read(user);
        foreach (var name in names)
        {
            pending.Remove(name);
        }

        PendingAttributeValues.Write(user, pending);
        UserRecordWriter.Write(user, client.Pool, attributes, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return AwsResult.Empty;
    }
}
