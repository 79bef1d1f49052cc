using System.Globalization;
using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.Iam;
using Gatehouse.Server.Storage;

namespace Gatehouse.Server.Sts;

/// <summary>
/// Assumes a role for a verified web identity, for STS <c>AssumeRoleWithWebIdentity</c> and cognito-identity
/// <c>GetCredentialsForIdentity</c>. Checks, first failure wins: session policy size and syntax → the role exists →
/// its trust policy allows <c>sts:AssumeRoleWithWebIdentity</c> to the federated principal → with session tags, it
/// also allows <c>sts:TagSession</c> (IAM User Guide id_session-tags.html "Required permissions to add session
/// tags"; Cognito Developer Guide attributes-for-access-control: "the role trust policy must allow
/// sts:TagSession") → the duration fits the role. Unknown role and trust mismatch answer the same AccessDenied, so
/// a caller cannot tell which roles exist.
/// </summary>
internal sealed class RoleAssumption(
    RoleDirectory roles,
    TemporaryCredentialIssuer issuer,
    TimeProvider clock,
    ILogger<RoleAssumption> logger)
{
    public const string CognitoIdentityProvider = "cognito-identity.amazonaws.com";
    public const int DefaultDurationSeconds = 3600;
    public const int MinDurationSeconds = 900;
    public const int MaxSessionPolicyLength = 2048;

    public string Account => roles.Account;

    public async Task<(TemporaryCredentials? Credentials, AwsError? Error)> AssumeWithWebIdentityAsync(
        string roleArn, WebIdentity identity, string sessionName, int? durationSeconds,
        string? sessionPolicy, IReadOnlyDictionary<string, string>? principalTags, string source, CancellationToken ct)
    {
        var (assumed, error) = await AssumeAsync(
            roleArn, identity, sessionName, durationSeconds, sessionPolicy, principalTags, source, ct);
        return (assumed?.Credentials, error);
    }

    /// <summary>As <see cref="AssumeWithWebIdentityAsync"/>, with the role and session for STS's response.</summary>
    public async Task<(AssumedRole? Assumed, AwsError? Error)> AssumeAsync(
        string roleArn, WebIdentity identity, string sessionName, int? durationSeconds,
        string? sessionPolicy, IReadOnlyDictionary<string, string>? principalTags, string source, CancellationToken ct)
    {
        if (sessionPolicy is { Length: > MaxSessionPolicyLength })
        {
            return (null, AwsError.PackedPolicyTooLarge(StsMessages.PolicyTooLarge));
        }

        if (sessionPolicy is not null && PolicyDocument.Parse(sessionPolicy, PolicyKind.Session, out var policyError) is null)
        {
            return (null, AwsError.MalformedPolicyDocument(policyError ?? "Syntax errors in policy."));
        }

        if (await roles.FindByArnAsync(roleArn, ct) is not { } role)
        {
            return (null, Refuse(roleArn, identity, "no such role", StsMessages.NotAuthorizedWebIdentity));
        }

        if (Trust(role) is not { } trust)
        {
            return (null, Refuse(roleArn, identity, "trust policy unparsable", StsMessages.NotAuthorizedWebIdentity));
        }

        var principal = new PolicyPrincipal("Federated", FederatedPrincipal(identity.Provider, roles.Account));
        var context = TrustContext(identity, principal.Id);
        if (PolicyEvaluator.Evaluate(trust, new PolicyRequest
        {
            Action = "sts:AssumeRoleWithWebIdentity",
            Resource = roles.ArnOf(role),
            Principal = principal,
            Context = context,
        }) != PolicyDecision.Allow)
        {
            return (null, Refuse(roleArn, identity, "trust policy", StsMessages.NotAuthorizedWebIdentity));
        }

        if (principalTags is { Count: > 0 } && !AllowsTags(trust, role, principal, context, principalTags))
        {
            return (null, Refuse(roleArn, identity, "sts:TagSession", StsMessages.NotAuthorizedTagSession));
        }

        var duration = durationSeconds ?? DefaultDurationSeconds;
        if (duration < MinDurationSeconds)
        {
            return (null, AwsError.ValidationError(StsMessages.DurationTooShort));
        }

        if (duration > role.MaxSessionDuration)
        {
            return (null, AwsError.ValidationError(StsMessages.DurationExceedsMax));
        }

        var session = Session(role, identity, principal.Id, sessionName, duration, sessionPolicy, principalTags, source);
        var credentials = await issuer.IssueAsync(session, ct);
        Log.RoleAssumed(logger, role.RoleId, identity.Provider, identity.Subject, sessionName, source);
        return (new AssumedRole(role, roles.ArnOf(role), credentials), null);
    }

    /// <summary>The Federated principal a trust policy names: the Cognito service, or the OIDC provider's ARN.</summary>
    public static string FederatedPrincipal(string provider, string account) =>
        string.Equals(provider, CognitoIdentityProvider, StringComparison.Ordinal)
            ? CognitoIdentityProvider
            : IamArns.OidcProvider(account, provider);

    private PolicyDocument? Trust(IamRole role)
    {
        if (PolicyDocument.Parse(role.AssumeRolePolicyDocument, PolicyKind.Trust, out var error) is { } trust)
        {
            return trust;
        }

        Log.TrustPolicyUnparsable(logger, role.RoleId, error ?? "");
        return null;
    }

    private static Dictionary<string, IReadOnlyList<string>> TrustContext(WebIdentity identity, string federatedProvider)
    {
        var context = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, values) in identity.ContextKeys)
        {
            context[key] = values;
        }

        context["aws:FederatedProvider"] = [federatedProvider];
        return context;
    }

    private bool AllowsTags(PolicyDocument trust, IamRole role, PolicyPrincipal principal,
        Dictionary<string, IReadOnlyList<string>> context, IReadOnlyDictionary<string, string> tags)
    {
        var tagContext = new Dictionary<string, IReadOnlyList<string>>(context, StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in tags)
        {
            tagContext["aws:RequestTag/" + key] = [value];
        }

        tagContext["aws:TagKeys"] = tags.Keys.ToList();
        return PolicyEvaluator.Evaluate(trust, new PolicyRequest
        {
            Action = "sts:TagSession",
            Resource = roles.ArnOf(role),
            Principal = principal,
            Context = tagContext,
        }) == PolicyDecision.Allow;
    }

    private RoleSession Session(IamRole role, WebIdentity identity, string federatedProvider, string sessionName,
        int duration, string? sessionPolicy, IReadOnlyDictionary<string, string>? tags, string source)
    {
        var now = clock.GetUtcNow();
        var arn = roles.ArnOf(role);
        var keys = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, values) in identity.ContextKeys)
        {
            keys[key] = [.. values];
        }

        // Global condition keys of an assumed-role session (reference_policies_condition-keys.html).
        keys["aws:FederatedProvider"] = [federatedProvider];
        keys["aws:TokenIssueTime"] = [now.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)];
        keys["aws:PrincipalArn"] = [arn];
        keys["aws:PrincipalAccount"] = [roles.Account];
        keys["aws:PrincipalType"] = ["AssumedRole"];
        keys["aws:userid"] = [$"{role.RoleId}:{sessionName}"];
        keys["aws:username"] = [role.RoleName];
        foreach (var (key, value) in tags ?? new Dictionary<string, string>())
        {
            keys["aws:PrincipalTag/" + key] = [value];
        }

        return new RoleSession
        {
            AccessKeyId = "",
            SecretAccessKey = "",
            RoleId = role.RoleId,
            RoleArn = arn,
            RoleName = role.RoleName,
            SessionName = sessionName,
            Source = source,
            Subject = identity.Subject,
            ContextKeys = keys,
            PrincipalTags = tags is null ? new(StringComparer.Ordinal) : new(tags, StringComparer.Ordinal),
            SessionPolicy = sessionPolicy,
            IssuedAt = now.ToUnixTimeSeconds(),
            ExpiresAt = now.ToUnixTimeSeconds() + duration,
        };
    }

    private AwsError Refuse(string roleArn, WebIdentity identity, string reason, string message)
    {
        Log.AssumptionRefused(logger, roleArn, identity.Provider, identity.Subject, reason);
        return AwsError.AccessDenied(message);
    }
}
