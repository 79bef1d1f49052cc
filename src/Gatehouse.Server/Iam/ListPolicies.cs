using System.Globalization;
using Gatehouse.Server.Admin;
using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes.Iam;
using Gatehouse.Server.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gatehouse.Server.Iam;

/// <summary>
/// <c>ListPolicies</c>: the account's customer managed policies, by lower-cased name, in keyset pages.
/// This server has no AWS managed policies, so Scope <c>AWS</c> lists nothing and <c>All</c> is <c>Local</c>;
/// it has no permissions boundaries, so PolicyUsageFilter <c>PermissionsBoundary</c> lists nothing.
/// </summary>
internal sealed class ListPolicies(AppDb db, IamMarkers markers, IOptions<InstanceOptions> instance)
    : IAwsHandler<ListPoliciesRequest>
{
    private const string List = "policies";

    public async Task<AwsResult> HandleAsync(ListPoliciesRequest request, CancellationToken ct)
    {
        var prefix = request.PathPrefix ?? "/";
        var onlyAttached = request.OnlyAttached == true;
        var none = request.Scope == "AWS" || request.PolicyUsageFilter == "PermissionsBoundary";
        var scope = string.Create(CultureInfo.InvariantCulture, $"{none}|{onlyAttached}|{prefix}");
        string? after = null;
        if (request.Marker is { } marker && (after = markers.Decode(marker, List, scope)) is null)
        {
            return AwsError.InvalidParameter(IamMessages.InvalidMarker);
        }

        if (none)
        {
            return AwsResult.Ok(new ListPoliciesResponse { Policies = [], IsTruncated = false });
        }

        var size = IamMarkers.PageSize(request.MaxItems);
        var query = db.IamPolicies.AsNoTracking().Where(p => p.Path.StartsWith(prefix));
        if (onlyAttached)
        {
            query = query.Where(p => db.IamRolePolicyAttachments.Any(a => a.PolicyId == p.PolicyId));
        }

        if (after is not null)
        {
            query = query.Where(p => p.NameKey.CompareTo(after) > 0);
        }

        var page = await query.OrderBy(p => p.NameKey)
            .Select(p => new { Policy = p, Attached = db.IamRolePolicyAttachments.Count(a => a.PolicyId == p.PolicyId) })
            .Take(size + 1)
            .ToListAsync(ct);
        var more = page.Count > size;
        var items = page.Take(size).ToList();
        var account = instance.Value.AccountId;
        return AwsResult.Ok(new ListPoliciesResponse
        {
            Policies = items.Select(i => IamViews.Policy(i.Policy, account, i.Attached, full: false)).ToList(),
            IsTruncated = more,
            Marker = more ? markers.Encode(List, scope, items[^1].Policy.NameKey) : null,
        });
    }
}
