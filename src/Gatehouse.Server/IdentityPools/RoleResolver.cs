using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes.CognitoIdentity;

namespace Gatehouse.Server.IdentityPools;

/// <summary>
/// Chooses the role of GetCredentialsForIdentity (developer guide, role-based-access-control.md), pure. A guest gets
/// the pool's <c>unauthenticated</c> role. An authenticated identity: the first presented login that has a role
/// mapping decides; Token mappings take <c>CustomRoleArn</c> when it is one of the token's <c>cognito:roles</c>, else
/// <c>cognito:preferred_role</c>, else the only entry of <c>cognito:roles</c>; Rules mappings take the first rule
/// that matches a claim of the token (Equals, Contains, StartsWith, NotEqual; a multi-valued claim matches when one
/// of its values does). Neither gives a role → AmbiguousRoleResolution: <c>AuthenticatedRole</c> or <c>Deny</c>.
/// No mapping → the pool's <c>authenticated</c> role. A missing role is an InvalidIdentityPoolConfiguration.
/// </summary>
internal static class RoleResolver
{
    public const string AuthenticatedRole = "authenticated";
    public const string UnauthenticatedRole = "unauthenticated";

    public static (string? RoleArn, VerifiedLogin? Login, AwsError? Error) Resolve(
        IReadOnlyDictionary<string, string> roles, IReadOnlyDictionary<string, RoleMapping> mappings,
        IReadOnlyList<VerifiedLogin> logins, string? customRoleArn)
    {
        if (logins.Count == 0)
        {
            return Role(roles, UnauthenticatedRole, null);
        }

        foreach (var login in logins)
        {
            if (!mappings.TryGetValue(login.RoleMappingKey, out var mapping))
            {
                continue;
            }

            var (roleArn, error) = string.Equals(mapping.Type, "Token", StringComparison.Ordinal)
                ? FromToken(login, customRoleArn)
                : (FirstMatchingRule(mapping.RulesConfiguration?.Rules ?? [], login), null);
            if (error is not null)
            {
                return (null, login, error);
            }

            if (roleArn is not null)
            {
                return (roleArn, login, null);
            }

            return string.Equals(mapping.AmbiguousRoleResolution, "AuthenticatedRole", StringComparison.Ordinal)
                ? Role(roles, AuthenticatedRole, login)
                : (null, login, AwsError.NotAuthorized(SignInMessages.AmbiguousRoleDenied));
        }

        return Role(roles, AuthenticatedRole, logins[0]);
    }

    /// <summary>Whether a rule's claim has a value that matches it.</summary>
    public static bool Matches(MappingRule rule, VerifiedLogin login)
    {
        if (!login.Claims.TryGetValue(rule.Claim, out var values) || values.Count == 0)
        {
            return false;
        }

        return rule.MatchType switch
        {
            "Equals" => values.Any(v => string.Equals(v, rule.Value, StringComparison.Ordinal)),
            "NotEqual" => !values.Any(v => string.Equals(v, rule.Value, StringComparison.Ordinal)),
            "Contains" => values.Any(v => v.Contains(rule.Value, StringComparison.Ordinal)),
            "StartsWith" => values.Any(v => v.StartsWith(rule.Value, StringComparison.Ordinal)),
            _ => false,
        };
    }

    private static string? FirstMatchingRule(IReadOnlyList<MappingRule> rules, VerifiedLogin login) =>
        rules.FirstOrDefault(r => Matches(r, login))?.RoleARN;

    private static (string?, AwsError?) FromToken(VerifiedLogin login, string? customRoleArn)
    {
        var tokenRoles = login.Claims.TryGetValue(GroupRoleClaims.Roles, out var values) ? values : [];
        if (customRoleArn is not null)
        {
            return tokenRoles.Contains(customRoleArn, StringComparer.Ordinal)
                ? (customRoleArn, null)
                : (null, AwsError.InvalidParameter(SignInMessages.CustomRoleNotAllowed));
        }

        if (login.Claim(GroupRoleClaims.PreferredRole) is { Length: > 0 } preferred)
        {
            return (preferred, null);
        }

        return (tokenRoles.Count == 1 ? tokenRoles[0] : null, null);
    }

    private static (string?, VerifiedLogin?, AwsError?) Role(
        IReadOnlyDictionary<string, string> roles, string kind, VerifiedLogin? login) =>
        roles.TryGetValue(kind, out var arn) && arn.Length > 0
            ? (arn, login, null)
            : (null, login, AwsError.InvalidIdentityPoolConfiguration(SignInMessages.InvalidConfiguration));
}
