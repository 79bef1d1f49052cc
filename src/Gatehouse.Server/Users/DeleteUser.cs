using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes;
using Gatehouse.Server.Storage;
using Gatehouse.Server.Tokens;

namespace Gatehouse.Server.Users;

/// <summary>
/// DeleteUser: the caller (by access token) deletes itself. Its refresh tokens, codes and group memberships go
/// with it (cascading deletes), so its access tokens answer NotAuthorizedException afterwards: their family has
/// no rows left, which <see cref="AccessTokenAuthenticator"/> treats as revoked.
/// </summary>
internal sealed class DeleteUser(AppDb db, AccessTokenAuthenticator authenticator, ILogger<DeleteUser> logger)
    : IAwsHandler<DeleteUserRequest>
{
    public async Task<AwsResult> HandleAsync(DeleteUserRequest request, CancellationToken ct)
    {
        var (caller, error) = await authenticator.AuthenticateAsync(request.AccessToken, ct);
        if (caller is null)
        {
            // AuthenticateAsync returns an error whenever it returns no caller.
            return error!;
        }

        db.Users.Remove(caller.User);
        await db.SaveChangesAsync(ct);
        Log.UserDeletedItself(logger, caller.Pool.Id, caller.User.Sub);
        return AwsResult.Empty;
    }
}
