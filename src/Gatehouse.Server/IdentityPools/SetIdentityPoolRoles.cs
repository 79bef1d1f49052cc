using Gatehouse.Server.Admin;
using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes.CognitoIdentity;
using Gatehouse.Server.Storage;
using Microsoft.Extensions.Options;

namespace Gatehouse.Server.IdentityPools;

/// <summary>
/// <c>SetIdentityPoolRoles</c> replaces both the roles and the role mappings: what the request leaves out is removed,
/// so <c>"Roles": {}</c> without RoleMappings clears them. Checks: <see cref="IdentityPoolRoleRules"/>.
/// </summary>
internal sealed class SetIdentityPoolRoles(
    AppDb db, TimeProvider clock, IOptions<InstanceOptions> instance, ILogger<SetIdentityPoolRoles> logger)
    : IAwsHandler<SetIdentityPoolRolesInput>
{
    public async Task<AwsResult> HandleAsync(SetIdentityPoolRolesInput request, CancellationToken ct)
    {
        if (await db.FindIdentityPoolAsync(request.IdentityPoolId, ct) is not { } pool)
        {
            return AwsError.ResourceNotFound(IdentityPoolMessages.PoolNotFound(request.IdentityPoolId));
        }

        var roles = IdentityPoolRoleRules.CleanRoles(request.Roles);
        var mappings = IdentityPoolRoleRules.CleanMappings(request.RoleMappings);
        if (IdentityPoolRoleRules.Check(roles, mappings, IdentityPoolSettings.Providers(pool), instance.Value.AccountId)
            is { } error)
        {
            return error;
        }

        IdentityPoolSettings.SetRoles(pool, roles);
        IdentityPoolSettings.SetRoleMappings(pool, mappings);
        pool.LastModifiedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        Log.RolesSet(logger, pool.Id, roles.Count, mappings.Count);
        return AwsResult.Empty;
    }
}
