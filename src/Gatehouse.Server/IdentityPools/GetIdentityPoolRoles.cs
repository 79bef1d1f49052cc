using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes.CognitoIdentity;
using Gatehouse.Server.Storage;

namespace Gatehouse.Server.IdentityPools;

/// <summary><c>GetIdentityPoolRoles</c>: <c>Roles</c> always (<c>{}</c> when none are set), RoleMappings when there are any.</summary>
internal sealed class GetIdentityPoolRoles(AppDb db) : IAwsHandler<GetIdentityPoolRolesInput>
{
    public async Task<AwsResult> HandleAsync(GetIdentityPoolRolesInput request, CancellationToken ct)
    {
        if (await db.FindIdentityPoolAsync(request.IdentityPoolId, ct) is not { } pool)
        {
            return AwsError.ResourceNotFound(IdentityPoolMessages.PoolNotFound(request.IdentityPoolId));
        }

        var mappings = IdentityPoolSettings.RoleMappings(pool);
        return AwsResult.Ok(new GetIdentityPoolRolesResponse
        {
            IdentityPoolId = pool.Id,
            Roles = IdentityPoolSettings.Roles(pool),
            RoleMappings = mappings.Count > 0 ? mappings : null,
        });
    }
}
