using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes;
using Gatehouse.Server.Storage;

namespace Gatehouse.Server.UserPools;

/// <summary>
/// <c>DeleteResourceServer</c>. App clients that allow its scopes keep them in their settings; the token endpoint
/// grants only scopes that still exist.
/// </summary>
internal sealed class DeleteResourceServer(AppDb db, ILogger<DeleteResourceServer> logger)
    : IAwsHandler<DeleteResourceServerRequest>
{
    public async Task<AwsResult> HandleAsync(DeleteResourceServerRequest request, CancellationToken ct)
    {
        if (await db.FindPoolAsync(request.UserPoolId, ct) is null)
        {
            return AwsError.ResourceNotFound(UserPoolMessages.PoolNotFound(request.UserPoolId));
        }

        if (await ResourceServerScopes.FindAsync(db, request.UserPoolId, request.Identifier, ct) is not { } server)
        {
            return AwsError.ResourceNotFound(UserPoolMessages.ResourceServerNotFound(request.Identifier));
        }

        db.ResourceServers.Remove(server);
        await db.SaveChangesAsync(ct);
        Log.ResourceServerDeleted(logger, server.PoolId, server.Identifier);
        return AwsResult.Empty;
    }
}
