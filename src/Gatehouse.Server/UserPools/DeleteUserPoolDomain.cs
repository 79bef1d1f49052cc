using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes;
using Gatehouse.Server.Storage;

namespace Gatehouse.Server.UserPools;

/// <summary><c>DeleteUserPoolDomain</c>: the domain must belong to the named pool.</summary>
internal sealed class DeleteUserPoolDomain(AppDb db, ILogger<DeleteUserPoolDomain> logger)
    : IAwsHandler<DeleteUserPoolDomainRequest>
{
    public async Task<AwsResult> HandleAsync(DeleteUserPoolDomainRequest request, CancellationToken ct)
    {
        if (await db.FindPoolAsync(request.UserPoolId, ct) is null)
        {
            return AwsError.ResourceNotFound(UserPoolMessages.PoolNotFound(request.UserPoolId));
        }

        if (await UserPoolDomains.FindAsync(db, request.Domain, ct) is not { } domain
            || !string.Equals(domain.PoolId, request.UserPoolId, StringComparison.Ordinal))
        {
            return AwsError.InvalidParameter(DomainMessages.NoSuchDomain);
        }

        db.UserPoolDomains.Remove(domain);
        await db.SaveChangesAsync(ct);
        Log.DomainDeleted(logger, domain.PoolId, domain.Domain);
        return AwsResult.Empty;
    }
}
