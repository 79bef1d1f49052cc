namespace Gatehouse.Server.Sts;

/// <summary>
/// What a set of temporary credentials stands for, sealed inside its session token (<see cref="SessionTokenSealer"/>),
/// so that any node verifies a signature made with them without reading the store. <see cref="ContextKeys"/> are the
/// condition keys the session carries into policy evaluation (<c>cognito-identity.amazonaws.com:sub</c>,
/// <c>:aud</c>, <c>:amr</c>, <c>aws:FederatedProvider</c>, ...; IAM User Guide reference_policies_iam-condition-keys.html),
/// <see cref="PrincipalTags"/> the session tags (<c>aws:PrincipalTag/&lt;key&gt;</c>), <see cref="SessionPolicy"/> and
/// <see cref="SessionPolicyArns"/> the scope-down policies of the request. Times are epoch seconds.
/// Format version <see cref="V"/> = 1.
/// </summary>
internal sealed record RoleSession
{
    public int V { get; init; } = 1;

    public required string AccessKeyId { get; init; }

    public required string SecretAccessKey { get; init; }

    public required string RoleId { get; init; }

    public required string RoleArn { get; init; }

    public required string RoleName { get; init; }

    public required string SessionName { get; init; }

    /// <summary>Who issued it: <c>AssumeRoleWithWebIdentity</c> or <c>GetCredentialsForIdentity</c>.</summary>
    public required string Source { get; init; }

    /// <summary>The web identity's subject (an identity id, a user's sub), for the record.</summary>
    public string? Subject { get; init; }

    public Dictionary<string, List<string>> ContextKeys { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    public Dictionary<string, string> PrincipalTags { get; init; } = new(StringComparer.Ordinal);

    public string? SessionPolicy { get; init; }

    public List<string>? SessionPolicyArns { get; init; }

    public long IssuedAt { get; init; }

    public long ExpiresAt { get; init; }
}
