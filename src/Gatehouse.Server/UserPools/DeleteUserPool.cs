using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes;
using Gatehouse.Server.Storage;

namespace Gatehouse.Server.UserPools;

/// <summary>Deletes a pool with its clients, users and groups (cascading foreign keys).</summary>
internal sealed class DeleteUserPool(AppDb db, ILogger<DeleteUserPool> logger) : IAwsHandler<DeleteUserPoolRequest>
{
    public async Task<AwsResult> HandleAsync(DeleteUserPoolRequest request, CancellationToken ct)
    {
        if (await db.FindPoolAsync(request.UserPoolId, ct) is not { } pool)
        {
            return AwsError.ResourceNotFound(UserPoolMessages.PoolNotFound(request.UserPoolId));
        }

        // Cognito answers UserImportInProgressException while an import job of the pool runs (the model's errors).
        if (await UserImport.UserImportJobs.InProgressAsync(db, pool.Id, ct))
        {
            return AwsError.UserImportInProgress(UserImport.UserImportMessages.ImportInProgress);
        }

        // DeleteUserPool's documentation: a protected pool answers InvalidParameterException.
        if (string.Equals(UserPoolSettings.Read(pool).DeletionProtection, "ACTIVE", StringComparison.Ordinal))
        {
            return AwsError.InvalidParameter(UserPoolMessages.DeletionProtected);
        }

        db.UserPools.Remove(pool);
        await db.SaveChangesAsync(ct);
        Log.PoolDeleted(logger, pool.Id);
        return AwsResult.Empty;
    }
}
