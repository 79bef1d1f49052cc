using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes.CognitoIdentity;
using Gatehouse.Server.Iam;

namespace Gatehouse.Server.IdentityPools;

/// <summary>
/// The checks of SetIdentityPoolRoles that the model cannot express, in order; the first failure wins, each an
/// InvalidParameterException. The role keys (<c>authenticated</c>, <c>unauthenticated</c>), the Type and
/// AmbiguousRoleResolution enums and the 1..400 rules of the model are checked before. Whether the roles exist in IAM
/// is not checked here, as Cognito does not: GetCredentialsForIdentity finds out.
/// </summary>
internal static class IdentityPoolRoleRules
{
    /// <summary>SetIdentityPoolRoles, RoleMappings: "Up to 25 rules can be specified per identity provider."</summary>
    public const int MaxRulesPerProvider = 25;

    public const string TokenType = "Token";
    public const string RulesType = "Rules";

    public static AwsError? Check(
        IReadOnlyDictionary<string, string> roles,
        IReadOnlyDictionary<string, RoleMapping> mappings,
        IdentityPoolProviders providers,
        string accountId) =>
        RejectForeignRoles(roles, accountId)
        ?? RejectUnknownProviders(mappings, providers, accountId)
        ?? RequireAmbiguousRoleResolution(mappings)
        ?? RequireRulesForRulesType(mappings)
        ?? RejectRulesForTokenType(mappings)
        ?? RejectTooManyRules(mappings)
        ?? RejectForeignRuleRoles(mappings, accountId);

    /// <summary>The role map as sent, JSON null values dropped (the model check passes over them).</summary>
    public static Dictionary<string, string> CleanRoles(IReadOnlyDictionary<string, string> roles) =>
        roles.Where(kv => kv.Value is not null).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);

    /// <summary>The role mappings as sent, JSON null mappings and rules dropped.</summary>
    public static Dictionary<string, RoleMapping> CleanMappings(IReadOnlyDictionary<string, RoleMapping>? mappings) =>
        (mappings ?? new Dictionary<string, RoleMapping>()).Where(kv => kv.Value is not null).ToDictionary(
            kv => kv.Key,
            kv => kv.Value.RulesConfiguration is { } rules
                ? kv.Value with { RulesConfiguration = rules with { Rules = [.. (rules.Rules ?? []).OfType<MappingRule>()] } }
                : kv.Value,
            StringComparer.Ordinal);

    private static AwsError? RejectForeignRoles(IReadOnlyDictionary<string, string> roles, string accountId) =>
        roles.FirstOrDefault(kv => IamArns.RoleName(kv.Value, accountId) is null) is { Key: not null } foreign
            ? AwsError.InvalidParameter(IdentityPoolMessages.InvalidRoleArn(foreign.Value, accountId))
            : null;

    private static AwsError? RejectUnknownProviders(
        IReadOnlyDictionary<string, RoleMapping> mappings, IdentityPoolProviders providers, string accountId)
    {
        var known = IdentityPoolLoginProviders.RoleMappingKeys(providers, accountId);
        return mappings.Keys.FirstOrDefault(k => !known.Contains(k)) is { } unknown
            ? AwsError.InvalidParameter(IdentityPoolMessages.RoleMappingProviderUnknown(unknown))
            : null;
    }

    private static AwsError? RequireAmbiguousRoleResolution(IReadOnlyDictionary<string, RoleMapping> mappings) =>
        mappings.FirstOrDefault(kv => kv.Value.AmbiguousRoleResolution is null) is { Key: { } provider }
            ? AwsError.InvalidParameter(IdentityPoolMessages.AmbiguousRoleResolutionRequired(provider))
            : null;

    private static AwsError? RequireRulesForRulesType(IReadOnlyDictionary<string, RoleMapping> mappings) =>
        mappings.FirstOrDefault(kv => kv.Value.Type == RulesType && kv.Value.RulesConfiguration is not { Rules.Count: > 0 })
            is { Key: { } provider }
            ? AwsError.InvalidParameter(IdentityPoolMessages.RulesConfigurationRequired(provider))
            : null;

    private static AwsError? RejectRulesForTokenType(IReadOnlyDictionary<string, RoleMapping> mappings) =>
        mappings.FirstOrDefault(kv => kv.Value.Type == TokenType && kv.Value.RulesConfiguration is not null)
            is { Key: { } provider }
            ? AwsError.InvalidParameter(IdentityPoolMessages.RulesConfigurationNotForToken(provider))
            : null;

    private static AwsError? RejectTooManyRules(IReadOnlyDictionary<string, RoleMapping> mappings) =>
        mappings.FirstOrDefault(kv => kv.Value.RulesConfiguration?.Rules.Count > MaxRulesPerProvider)
            is { Key: { } provider }
            ? AwsError.InvalidParameter(IdentityPoolMessages.TooManyRules(provider, MaxRulesPerProvider))
            : null;

    private static AwsError? RejectForeignRuleRoles(IReadOnlyDictionary<string, RoleMapping> mappings, string accountId)
    {
        var foreign = mappings.Values.SelectMany(m => m.RulesConfiguration?.Rules ?? [])
            .FirstOrDefault(r => IamArns.RoleName(r.RoleARN, accountId) is null);
        return foreign is null ? null : AwsError.InvalidParameter(IdentityPoolMessages.InvalidRoleArn(foreign.RoleARN, accountId));
    }
}
