namespace Gatehouse.Server.Iam;

/// <summary>
/// The messages IAM puts in <c>MalformedPolicyDocument</c> (CreatePolicy, PutRolePolicy, CreateRole,
/// UpdateAssumeRolePolicy), as they appear in reported IAM responses. IAM names no statement or position in them.
/// Not seen in a report, and worded by analogy: "Missing required field" for Statement, Effect and Action (the
/// trust-policy wording for Principal), "failed legacy parsing" for an unknown Version, and the principal shown as
/// <c>{}</c> for an empty Principal object.
/// </summary>
internal static class PolicyMessages
{
    /// <summary>
    /// Not JSON, a duplicate key, an unknown element, a value of the wrong shape, an unknown operator.
    /// </summary>
    public const string Syntax = "Syntax errors in policy.";

    /// <summary>
    /// An unknown Version, or an Effect other than Allow/Deny, sends IAM to its legacy parser, which fails.
    /// </summary>
    public const string LegacyParsing = "The policy failed legacy parsing";

    public const string PrincipalNotAllowed = "Policy document should not specify a principal.";

    public const string MustContainActions = "Policy statement must contain actions.";

    public const string MustContainResources = "Policy statement must contain resources.";

    public const string VendorRequired = "Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.";

    public const string TrustActionsOnlySts = "AssumeRole policy may only specify STS AssumeRole actions.";

    public const string SidNotAlphanumeric =
        "Statement IDs (SID) must be alpha-numeric. "
        + "Check that your input satisfies the regular expression [0-9A-Za-z]*";

    public const string SidNotUnique = "Statement IDs (SID) in a single policy must be unique.";

    public static string MissingField(string name) => $"Missing required field {name}";

    public static string ProhibitedField(string name) => $"Has prohibited field {name}";

    public static string InvalidPrincipal(string shown) => $"Invalid principal in policy: {shown}";

    public static string ResourceNotArn(string resource) => $"Resource {resource} must be in ARN format or \"*\".";
}
