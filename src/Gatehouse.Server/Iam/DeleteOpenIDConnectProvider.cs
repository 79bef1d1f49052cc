using Gatehouse.Server.Admin;
using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes.Iam;
using Gatehouse.Server.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gatehouse.Server.Iam;

/// <summary>
/// <c>DeleteOpenIDConnectProvider</c>. Idempotent, as the IAM API reference says: "it does not fail or return an
/// error if you call the operation for a provider that does not exist". Roles that trust the provider are left
/// as they are; assuming them with its tokens then fails.
/// </summary>
internal sealed class DeleteOpenIDConnectProvider(
    AppDb db, IOptions<InstanceOptions> instance, ILogger<DeleteOpenIDConnectProvider> logger)
    : IAwsHandler<DeleteOpenIDConnectProviderRequest>
{
    public async Task<AwsResult> HandleAsync(DeleteOpenIDConnectProviderRequest request, CancellationToken ct)
    {
        if (IamOidcUrls.CheckArn(request.OpenIDConnectProviderArn) is { } arnError)
        {
            return arnError;
        }

        var hostPath = IamArns.OidcHostPath(request.OpenIDConnectProviderArn, instance.Value.AccountId);
        if (hostPath is not null
            && await db.IamOidcProviders.SingleOrDefaultAsync(p => p.HostPath == hostPath, ct) is { } provider)
        {
            db.IamOidcProviders.Remove(provider);
            try
            {
                await db.SaveChangesAsync(ct);
                Log.OidcProviderDeleted(logger, hostPath);
            }
            catch (DbUpdateConcurrencyException)
            {
                // A concurrent delete removed it first: gone either way, which is all this operation promises.
            }
        }

        return AwsResult.Empty;
    }
}
