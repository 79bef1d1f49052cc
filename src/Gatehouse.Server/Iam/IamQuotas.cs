namespace Gatehouse.Server.Iam;

/// <summary>
/// IAM's default quotas (IAM User Guide, reference_iam-quotas.html, "IAM object quotas" and "IAM and AWS STS
/// character limits"). Policy sizes count characters other than white space, as IAM does
/// ("IAM doesn't count white space when calculating the size of a policy").
/// </summary>
internal static class IamQuotas
{
    public const int RolesPerAccount = 1000;
    public const int PoliciesPerAccount = 1500;
    public const int PoliciesPerRole = 10;
    public const int OidcProvidersPerAccount = 100;
    public const int ClientIdsPerOidcProvider = 100;
    public const int ThumbprintsPerOidcProvider = 5;

    /// <summary>Role trust policy length; IAM's quota is named ACLSizePerRole.</summary>
    public const int TrustPolicySize = 2048;

    /// <summary>All of a role's inline policies together.</summary>
    public const int RolePolicySize = 10240;

    /// <summary>One managed policy.</summary>
    public const int ManagedPolicySize = 6144;
}
