using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes;
using Gatehouse.Server.Storage;
using Gatehouse.Server.UserPools;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Server.Federation;

/// <summary>
/// <c>GetIdentityProviderByIdentifier</c>: the provider one of whose IdpIdentifiers equals the given one, ignoring
/// case (identifiers in a domain form match email domains, which are case-insensitive).
/// </summary>
internal sealed class GetIdentityProviderByIdentifier(AppDb db, ProviderDetails store)
    : IAwsHandler<GetIdentityProviderByIdentifierRequest>
{
    public async Task<AwsResult> HandleAsync(GetIdentityProviderByIdentifierRequest request, CancellationToken ct)
    {
        if (await db.FindPoolAsync(request.UserPoolId, ct) is null)
        {
            return AwsError.ResourceNotFound(FederationMessages.PoolNotFound(request.UserPoolId));
        }

        var providers = await db.IdentityProviders.AsNoTracking().Where(p => p.PoolId == request.UserPoolId).ToListAsync(ct);
        if (providers.FirstOrDefault(p => ProviderDetails.ReadIdentifiers(p)
                .Contains(request.IdpIdentifier, StringComparer.OrdinalIgnoreCase)) is not { } provider)
        {
            return AwsError.ResourceNotFound(FederationMessages.IdentifierNotFound(request.IdpIdentifier));
        }

        return AwsResult.Ok(new GetIdentityProviderByIdentifierResponse
        {
            IdentityProvider = IdentityProviderView.Describe(provider, store.Read(provider)),
        });
    }
}
