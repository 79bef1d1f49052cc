using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes;
using Gatehouse.Server.Storage;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Server.UserPools;

/// <summary>
/// <c>CreateResourceServer</c>. Identifier, name and scope patterns and the 100-scope limit are the model's checks.
/// The operation has no "exists" error of its own, so a taken identifier is an InvalidParameterException.
/// </summary>
internal sealed class CreateResourceServer(AppDb db, TimeProvider clock, ILogger<CreateResourceServer> logger)
    : IAwsHandler<CreateResourceServerRequest>
{
    public async Task<AwsResult> HandleAsync(CreateResourceServerRequest request, CancellationToken ct)
    {
        if (await db.FindPoolAsync(request.UserPoolId, ct) is null)
        {
            return AwsError.ResourceNotFound(UserPoolMessages.PoolNotFound(request.UserPoolId));
        }

        if (ResourceServerScopes.RejectDuplicates(request.Scopes) is { } duplicate)
        {
            return duplicate;
        }

        if (await ResourceServerScopes.FindAsync(db, request.UserPoolId, request.Identifier, ct) is not null)
        {
            return AwsError.InvalidParameter(UserPoolMessages.ResourceServerExists(request.Identifier));
        }

        if (await db.ResourceServers.CountAsync(r => r.PoolId == request.UserPoolId, ct) >= ResourceServerScopes.MaxPerPool)
        {
            return AwsError.LimitExceeded(UserPoolMessages.ResourceServerLimit(ResourceServerScopes.MaxPerPool));
        }

        var now = clock.GetUtcNow();
        var server = new ResourceServer
        {
            PoolId = request.UserPoolId,
            Identifier = request.Identifier,
            Name = request.Name,
            Scopes = ResourceServerScopes.Write(request.Scopes),
            CreatedAt = now,
            LastModifiedAt = now,
        };
        db.ResourceServers.Add(server);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (db.IsUniqueViolation(e))
        {
            // A concurrent CreateResourceServer of the same identifier won the race.
            return AwsError.InvalidParameter(UserPoolMessages.ResourceServerExists(request.Identifier));
        }

        Log.ResourceServerCreated(logger, server.PoolId, server.Identifier);
        return AwsResult.Ok(new CreateResourceServerResponse { ResourceServer = ResourceServerScopes.Describe(server) });
    }
}
