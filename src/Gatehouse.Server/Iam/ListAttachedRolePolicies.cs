using Gatehouse.Server.Admin;
using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes.Iam;
using Gatehouse.Server.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gatehouse.Server.Iam;

/// <summary>
/// <c>ListAttachedRolePolicies</c>: the managed policies attached to a role whose path starts with PathPrefix,
/// by lower-cased name, in keyset pages (<see cref="IamMarkers"/>).
/// </summary>
internal sealed class ListAttachedRolePolicies(AppDb db, IamMarkers markers, IOptions<InstanceOptions> instance)
    : IAwsHandler<ListAttachedRolePoliciesRequest>
{
    private const string List = "attached-role-policies";

    public async Task<AwsResult> HandleAsync(ListAttachedRolePoliciesRequest request, CancellationToken ct)
    {
        if (await IamLookup.FindRoleAsync(db, request.RoleName, ct) is not { } role)
        {
            return AwsError.NoSuchEntity(IamMessages.RoleNotFound(request.RoleName));
        }

        var prefix = request.PathPrefix ?? "/";
        var scope = $"{role.RoleId}|{prefix}";
        string? after = null;
        if (request.Marker is { } marker && (after = markers.Decode(marker, List, scope)) is null)
        {
            return AwsError.InvalidParameter(IamMessages.InvalidMarker);
        }

        var size = IamMarkers.PageSize(request.MaxItems);
        var query = db.IamPolicies.AsNoTracking()
            .Where(p => p.Path.StartsWith(prefix)
                && db.IamRolePolicyAttachments.Any(a => a.RoleId == role.RoleId && a.PolicyId == p.PolicyId));
        if (after is not null)
        {
            query = query.Where(p => p.NameKey.CompareTo(after) > 0);
        }

        var page = await query.OrderBy(p => p.NameKey).Take(size + 1).ToListAsync(ct);
        var more = page.Count > size;
        var policies = page.Take(size).ToList();
        var account = instance.Value.AccountId;
        return AwsResult.Ok(new ListAttachedRolePoliciesResponse
        {
            AttachedPolicies = policies
                .Select(p => new AttachedPolicy
                {
                    PolicyName = p.PolicyName,
                    PolicyArn = IamArns.Policy(account, p.Path, p.PolicyName),
                })
                .ToList(),
            IsTruncated = more,
            Marker = more ? markers.Encode(List, scope, policies[^1].NameKey) : null,
        });
    }
}
