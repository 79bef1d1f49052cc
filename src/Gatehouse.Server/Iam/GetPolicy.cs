using Gatehouse.Server.Admin;
using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes.Iam;
using Gatehouse.Server.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gatehouse.Server.Iam;

/// <summary><c>GetPolicy</c>: a customer managed policy's metadata and how many roles it is attached to.</summary>
internal sealed class GetPolicy(AppDb db, IOptions<InstanceOptions> instance) : IAwsHandler<GetPolicyRequest>
{
    public async Task<AwsResult> HandleAsync(GetPolicyRequest request, CancellationToken ct)
    {
        if (IamLookup.CheckPolicyArn(request.PolicyArn) is { } arnError)
        {
            return arnError;
        }

        var account = instance.Value.AccountId;
        if (await IamLookup.FindPolicyAsync(db, request.PolicyArn, account, ct) is not { } policy)
        {
            return AwsError.NoSuchEntity(IamMessages.PolicyNotFound(request.PolicyArn));
        }

        var attached = await db.IamRolePolicyAttachments.CountAsync(a => a.PolicyId == policy.PolicyId, ct);
        return AwsResult.Ok(new GetPolicyResponse { Policy = IamViews.Policy(policy, account, attached, full: true) });
    }
}
