using System.Globalization;

namespace Gatehouse.Server.Iam;

/// <summary>
/// The messages of the IAM operations, worded as IAM words them in reported responses (error texts quoted in
/// AWS CLI, Terraform and CloudFormation reports). Quota names and values are those of the IAM quotas page
/// (reference_iam-quotas.html); IAM names the quota in the message.
/// </summary>
internal static class IamMessages
{
    public const string DeleteRoleAttached = "Cannot delete entity, must detach all policies first.";
    public const string DeleteRoleInline = "Cannot delete entity, must delete policies first.";
    public const string DeletePolicyAttached = "Cannot delete a policy attached to entities.";
    public const string DuplicateTags = "Duplicate tag keys found. Please note that Tag keys are case insensitive.";
    public const string InvalidMarker = "Invalid Marker.";
    public const string InvalidOidcUrl = "Invalid Open ID Connect Provider URL";
    public const string TooManyThumbprints = "Thumbprint list must contain fewer than 5 entries.";

    // Gatehouse's own: IAM has these features, this server does not, and silently ignoring them would grant more.
    public const string NoPermissionsBoundaries =
        "Gatehouse does not support permissions boundaries; create the role without PermissionsBoundary.";

    public static string RoleNotFound(string name) => $"The role with name {name} cannot be found.";

    public static string RoleExists(string name) => $"Role with name {name} already exists.";

    public static string RolePolicyNotFound(string name) => $"The role policy with name {name} cannot be found.";

    /// <summary>AttachRolePolicy's answer for a policy that is not there.</summary>
    public static string PolicyNotAttachable(string arn) => $"Policy {arn} does not exist or is not attachable.";

    public static string PolicyVersionNotFound(string arn, string versionId) =>
        $"Policy {arn} version {versionId} does not exist or is not attachable.";

    /// <summary>GetPolicy, DeletePolicy and DetachRolePolicy (a policy not attached to the role included).</summary>
    public static string PolicyNotFound(string arn) => $"Policy {arn} was not found.";

    public static string PolicyExists(string name) =>
        $"A policy called {name} already exists. Duplicate names are not allowed.";

    public static string InvalidArn(string arn) => $"ARN {arn} is not valid.";

    public static string OidcProviderExists(string url) => $"Provider with url {url} already exists.";

    public static string OidcProviderNotFound(string arn) => $"OpenIDConnect Provider not found for arn {arn}";

    public static string Quota(string name, int value) =>
        string.Create(CultureInfo.InvariantCulture, $"Cannot exceed quota for {name}: {value}");

    public static string RolePolicySize(string roleName, int limit) =>
        string.Create(CultureInfo.InvariantCulture, $"Maximum policy size of {limit} bytes exceeded for role {roleName}");

    /// <summary>The ValidationError text of a role path that is not <c>/</c> or <c>/…/</c>, in the model's words.</summary>
    public static string InvalidPath(string path) =>
        "1 validation error detected: Value '" + path + "' at 'path' failed to satisfy constraint: Member must satisfy "
        + @"regular expression pattern: (\u002F)|(\u002F[\u0021-\u007E]+\u002F)";
}
