using Gatehouse.Server.Admin;
using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes.Iam;
using Gatehouse.Server.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gatehouse.Server.Iam;

/// <summary>
/// <c>ListOpenIDConnectProviders</c>: every provider's ARN (the operation has no pagination; an account holds at
/// most 100).
/// </summary>
internal sealed class ListOpenIDConnectProviders(AppDb db, IOptions<InstanceOptions> instance)
    : IAwsHandler<ListOpenIDConnectProvidersRequest>
{
    public async Task<AwsResult> HandleAsync(ListOpenIDConnectProvidersRequest request, CancellationToken ct)
    {
        var hostPaths = await db.IamOidcProviders.AsNoTracking().OrderBy(p => p.HostPath).Select(p => p.HostPath)
            .ToListAsync(ct);
        return AwsResult.Ok(new ListOpenIDConnectProvidersResponse
        {
            OpenIDConnectProviderList = hostPaths
                .Select(h => new OpenIDConnectProviderListEntry { Arn = IamArns.OidcProvider(instance.Value.AccountId, h) })
                .ToList(),
        });
    }
}
