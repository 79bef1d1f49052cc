using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes;
using Gatehouse.Server.Storage;

namespace Gatehouse.Server.UserPools;

/// <summary>
/// <c>UpdateResourceServer</c>: replaces the name and the scopes; omitted Scopes means none ("If you don't
/// provide a value for an attribute, it is set to the default value"). The identifier cannot change.
/// </summary>
internal sealed class UpdateResourceServer(AppDb db, TimeProvider clock, ILogger<UpdateResourceServer> logger)
    : IAwsHandler<UpdateResourceServerRequest>
{
    public async Task<AwsResult> HandleAsync(UpdateResourceServerRequest request, CancellationToken ct)
    {
        if (await db.FindPoolAsync(request.UserPoolId, ct) is null)
        {
            return AwsError.ResourceNotFound(UserPoolMessages.PoolNotFound(request.UserPoolId));
        }

        if (await ResourceServerScopes.FindAsync(db, request.UserPoolId, request.Identifier, ct) is not { } server)
        {
            return AwsError.ResourceNotFound(UserPoolMessages.ResourceServerNotFound(request.Identifier));
        }

        if (ResourceServerScopes.RejectDuplicates(request.Scopes) is { } duplicate)
        {
            return duplicate;
        }

        server.Name = request.Name;
        server.Scopes = ResourceServerScopes.Write(request.Scopes);
        server.LastModifiedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        Log.ResourceServerUpdated(logger, server.PoolId, server.Identifier);
        return AwsResult.Ok(new UpdateResourceServerResponse { ResourceServer = ResourceServerScopes.Describe(server) });
    }
}
