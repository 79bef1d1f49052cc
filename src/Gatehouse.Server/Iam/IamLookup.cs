using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.Storage;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Server.Iam;

/// <summary>Finding roles and managed policies by what the IAM operations name them with.</summary>
internal static class IamLookup
{
    /// <summary>A role by name, regardless of case, as IAM names are unique.</summary>
    public static Task<IamRole?> FindRoleAsync(AppDb db, string roleName, CancellationToken ct)
    {
        var key = IamIds.NameKey(roleName);
        return db.IamRoles.SingleOrDefaultAsync(r => r.NameKey == key, ct);
    }

    /// <summary>
    /// InvalidInput when <paramref name="arn"/> is not an IAM policy ARN at all (IAM: "ARN x is not valid."); an
    /// ARN of another account or of an AWS managed policy is well formed, and simply names no policy here.
    /// </summary>
    public static AwsError? CheckPolicyArn(string arn) =>
        arn.StartsWith("arn:aws:iam::", StringComparison.Ordinal) && arn.Contains(":policy/", StringComparison.Ordinal)
            ? null
            : AwsError.InvalidInput(IamMessages.InvalidArn(arn));

    /// <summary>
    /// The managed policy <paramref name="arn"/> names: the name is its last segment, and the whole ARN, path
    /// included, must be the policy's own, so <c>policy/a/x</c> does not find <c>policy/x</c>.
    /// </summary>
    public static async Task<IamPolicy?> FindPolicyAsync(AppDb db, string arn, string account, CancellationToken ct)
    {
        if (IamArns.PolicyName(arn, account) is not { } name)
        {
            return null;
        }

        var key = IamIds.NameKey(name);
        var policy = await db.IamPolicies.SingleOrDefaultAsync(p => p.NameKey == key, ct);
        return policy is not null
            && string.Equals(IamArns.Policy(account, policy.Path, policy.PolicyName), arn, StringComparison.Ordinal)
                ? policy
                : null;
    }
}
