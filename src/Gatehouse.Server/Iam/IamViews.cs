using Gatehouse.Server.AwsProtocol.Shapes.Iam;
using Gatehouse.Server.Storage;

namespace Gatehouse.Server.Iam;

/// <summary>
/// The wire shapes of stored IAM entities. Listings carry fewer members than the single-entity reads, as IAM's:
/// ListRoles omits Tags, RoleLastUsed and PermissionsBoundary; ListPolicies omits Description and Tags.
/// </summary>
internal static class IamViews
{
    public static Role Role(IamRole role, string account, bool full) => new()
    {
        Path = role.Path,
        RoleName = role.RoleName,
        RoleId = role.RoleId,
        Arn = IamArns.Role(account, role.Path, role.RoleName),
        CreateDate = role.CreatedAt,
        AssumeRolePolicyDocument = IamPolicyText.Encode(role.AssumeRolePolicyDocument),
        Description = string.IsNullOrEmpty(role.Description) ? null : role.Description,
        MaxSessionDuration = role.MaxSessionDuration,
        Tags = full ? IamTags.FromJson(role.Tags) : null,

        // Gatehouse does not record role use; IAM sends an empty RoleLastUsed for a role never used.
        RoleLastUsed = full ? new RoleLastUsed() : null,
    };

    public static Policy Policy(IamPolicy policy, string account, int attachmentCount, bool full) => new()
    {
        PolicyName = policy.PolicyName,
        PolicyId = policy.PolicyId,
        Arn = IamArns.Policy(account, policy.Path, policy.PolicyName),
        Path = policy.Path,
        DefaultVersionId = policy.DefaultVersionId,
        AttachmentCount = attachmentCount,
        PermissionsBoundaryUsageCount = 0,
        IsAttachable = true,
        Description = full && !string.IsNullOrEmpty(policy.Description) ? policy.Description : null,
        CreateDate = policy.CreatedAt,
        UpdateDate = policy.UpdatedAt,
        Tags = full ? IamTags.FromJson(policy.Tags) : null,
    };
}
