using Gatehouse.Server.Admin;
using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes.Iam;
using Gatehouse.Server.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gatehouse.Server.Iam;

/// <summary>
/// <c>CreatePolicy</c>: a customer managed policy with one version, <c>v1</c>, its default. Name, path and
/// description constraints are the model's; then tags, the document (an identity policy, at most 6,144
/// characters), the name (unique regardless of case) and the account's policy quota.
/// </summary>
internal sealed class CreatePolicy(
    AppDb db, TimeProvider clock, IOptions<InstanceOptions> instance, ILogger<CreatePolicy> logger)
    : IAwsHandler<CreatePolicyRequest>
{
    public async Task<AwsResult> HandleAsync(CreatePolicyRequest request, CancellationToken ct)
    {
        if (IamTags.Check(request.Tags) is { } tagError)
        {
            return tagError;
        }

        if (IamPolicyText.CheckManaged(request.PolicyDocument) is { } policyError)
        {
            return policyError;
        }

        var key = IamIds.NameKey(request.PolicyName);
        if (await db.IamPolicies.AnyAsync(p => p.NameKey == key, ct))
        {
            return AwsError.EntityAlreadyExists(IamMessages.PolicyExists(request.PolicyName));
        }

        if (await db.IamPolicies.CountAsync(ct) >= IamQuotas.PoliciesPerAccount)
        {
            return AwsError.IamLimitExceeded(IamMessages.Quota("PoliciesPerAccount", IamQuotas.PoliciesPerAccount));
        }

        var now = clock.GetUtcNow();
        var policy = new IamPolicy
        {
            PolicyId = IamIds.NewPolicyId(),
            PolicyName = request.PolicyName,
            NameKey = key,
            Path = request.Path ?? "/",
            Description = request.Description,
            Document = request.PolicyDocument,
            DefaultVersionId = "v1",
            Tags = IamTags.ToJson(request.Tags),
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.IamPolicies.Add(policy);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (db.IsUniqueViolation(e))
        {
            // A concurrent CreatePolicy of the same name (in any case) won the race.
            return AwsError.EntityAlreadyExists(IamMessages.PolicyExists(request.PolicyName));
        }

        Log.PolicyCreated(logger, policy.PolicyId, policy.PolicyName);
        return AwsResult.Ok(new CreatePolicyResponse
        {
            Policy = IamViews.Policy(policy, instance.Value.AccountId, attachmentCount: 0, full: true),
        });
    }
}
