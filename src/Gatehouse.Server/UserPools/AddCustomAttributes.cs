using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes;
using Gatehouse.Server.Storage;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Server.UserPools;

internal sealed class AddCustomAttributes(AppDb db, TimeProvider clock) : IAwsHandler<AddCustomAttributesRequest>
{
    public async Task<AwsResult> HandleAsync(AddCustomAttributesRequest request, CancellationToken ct)
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

        var settings = UserPoolSettings.Read(pool);
        if (UserPoolSchema.AddCustom(settings.SchemaAttributes ?? [], request.CustomAttributes, out var schema) is { } error)
        {
            return error;
        }

        pool.Settings = UserPoolSettings.Write(settings with { SchemaAttributes = schema });
        pool.LastModifiedAt = clock.GetUtcNow();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return AwsError.ConcurrentModification(UserPoolMessages.ConcurrentUpdate);
        }

        return AwsResult.Empty;
    }
}
