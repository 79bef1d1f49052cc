namespace Gatehouse.Server.Iam;

/// <summary>
/// IAM's ARN forms (IAM User Guide, reference_identifiers.html "IAM ARNs"): roles
/// <c>arn:aws:iam::&lt;account&gt;:role&lt;path&gt;&lt;name&gt;</c>, managed policies
/// <c>arn:aws:iam::&lt;account&gt;:policy&lt;path&gt;&lt;name&gt;</c>, OIDC providers
/// <c>arn:aws:iam::&lt;account&gt;:oidc-provider/&lt;host/path&gt;</c>, and assumed-role sessions
/// <c>arn:aws:sts::&lt;account&gt;:assumed-role/&lt;role name&gt;/&lt;session name&gt;</c>.
/// </summary>
internal static class IamArns
{
    public static string Role(string account, string path, string name) => $"arn:aws:iam::{account}:role{path}{name}";

    public static string Policy(string account, string path, string name) => $"arn:aws:iam::{account}:policy{path}{name}";

    public static string OidcProvider(string account, string hostPath) => $"arn:aws:iam::{account}:oidc-provider/{hostPath}";

    public static string AssumedRole(string account, string roleName, string sessionName) =>
        $"arn:aws:sts::{account}:assumed-role/{roleName}/{sessionName}";

    /// <summary>The name of a role ARN of this account (the last path segment), or null when it is not one.</summary>
    public static string? RoleName(string arn, string account) => LastSegment(arn, $"arn:aws:iam::{account}:role/");

    /// <summary>The name of a managed-policy ARN of this account, or null when it is not one.</summary>
    public static string? PolicyName(string arn, string account) => LastSegment(arn, $"arn:aws:iam::{account}:policy/");

    /// <summary>The host/path of an OIDC-provider ARN of this account, or null when it is not one.</summary>
    public static string? OidcHostPath(string arn, string account)
    {
        var prefix = $"arn:aws:iam::{account}:oidc-provider/";
        return arn.StartsWith(prefix, StringComparison.Ordinal) && arn.Length > prefix.Length ? arn[prefix.Length..] : null;
    }

    private static string? LastSegment(string arn, string prefix)
    {
        if (!arn.StartsWith(prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var name = arn[(arn.LastIndexOf('/') + 1)..];
        return name.Length > 0 ? name : null;
    }
}
