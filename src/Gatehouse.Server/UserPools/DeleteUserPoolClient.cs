using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes;
using Gatehouse.Server.Storage;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Server.UserPools;

internal sealed class DeleteUserPoolClient(AppDb db, ILogger<DeleteUserPoolClient> logger)
    : IAwsHandler<DeleteUserPoolClientRequest>
{
    public async Task<AwsResult> HandleAsync(DeleteUserPoolClientRequest request, CancellationToken ct)
    {
        if (await db.FindPoolAsync(request.UserPoolId, ct) is null)
        {
            return AwsError.ResourceNotFound(UserPoolMessages.PoolNotFound(request.UserPoolId));
        }

        if (await db.FindClientAsync(request.UserPoolId, request.ClientId, ct) is not { } client)
        {
            return AwsError.ResourceNotFound(UserPoolMessages.ClientNotFound(request.ClientId));
        }

        db.AppClients.Remove(client);
        await db.SaveChangesAsync(ct);
        // Its hosted UI branding goes with it (the pool's, ClientId ALL, is not a client's).
        await db.UiCustomizations.Where(u => u.PoolId == client.PoolId && u.ClientId == client.ClientId)
            .ExecuteDeleteAsync(ct);
        Log.ClientDeleted(logger, client.PoolId, client.ClientId);
        return AwsResult.Empty;
    }
}
