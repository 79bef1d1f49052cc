using Gatehouse.Server.Admin;
using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes.Iam;
using Gatehouse.Server.Storage;
using Microsoft.Extensions.Options;

namespace Gatehouse.Server.Iam;

/// <summary><c>GetRole</c>: the role with its URL-encoded trust policy, tags and (empty) RoleLastUsed.</summary>
internal sealed class GetRole(AppDb db, IOptions<InstanceOptions> instance) : IAwsHandler<GetRoleRequest>
{
    public async Task<AwsResult> HandleAsync(GetRoleRequest request, CancellationToken ct)
    {
        if (await IamLookup.FindRoleAsync(db, request.RoleName, ct) is not { } role)
        {
            return AwsError.NoSuchEntity(IamMessages.RoleNotFound(request.RoleName));
        }

        return AwsResult.Ok(new GetRoleResponse { Role = IamViews.Role(role, instance.Value.AccountId, full: true) });
    }
}
