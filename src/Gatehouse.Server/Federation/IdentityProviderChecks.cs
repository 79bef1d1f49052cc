using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.Storage;
using Gatehouse.Server.Users;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Server.Federation;

/// <summary>
/// The checks CreateIdentityProvider and UpdateIdentityProvider share beyond the model's: provider names per type,
/// AttributeMapping keys, IdpIdentifiers, and the type's ProviderDetails rules.
/// </summary>
internal sealed class IdentityProviderChecks(AppDb db, IEnumerable<IProviderDetailsRules> rules)
{
    /// <summary>Cognito's default mapping of the username per type (the upstream's stable id).</summary>
    private static readonly Dictionary<string, string> UsernameClaims = new(StringComparer.Ordinal)
    {
        ["Google"] = "sub",
        ["Facebook"] = "id",
        ["LoginWithAmazon"] = "user_id",
        ["SignInWithApple"] = "sub",
        ["OIDC"] = "sub",
    };

    public static AwsError? CheckName(string providerName, string providerType)
    {
        if (string.Equals(providerName, "Cognito", StringComparison.OrdinalIgnoreCase))
        {
            return AwsError.InvalidParameter(FederationMessages.CognitoName);
        }

        if (SocialProviderEndpoints.IsSocial(providerType))
        {
            return providerName == providerType ? null : AwsError.InvalidParameter(FederationMessages.TypeNeedsName(providerType));
        }

        return SocialProviderEndpoints.IsSocial(providerName)
            ? AwsError.InvalidParameter(FederationMessages.ReservedName(providerName))
            : null;
    }

    /// <summary>The mapping to store: the request's, checked against the pool's attributes, with the default username claim.</summary>
    public static AwsError? CheckMapping(
        PoolSettings pool, string providerType, IReadOnlyDictionary<string, string>? requested, out Dictionary<string, string> mapping)
    {
        mapping = new Dictionary<string, string>(requested ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        foreach (var attribute in mapping.Keys.Order(StringComparer.Ordinal))
        {
            if (attribute == UserAttributeNames.Sub)
            {
                return AwsError.InvalidParameter(FederationMessages.SubNotMappable);
            }

            if (attribute == "username")
            {
                continue;
            }

            if (!pool.Schema.TryGetValue(attribute, out var schema))
            {
                return AwsError.InvalidParameter(FederationMessages.UnknownMappedAttribute(attribute));
            }

            if (schema.Mutable == false)
            {
                return AwsError.InvalidParameter(FederationMessages.ImmutableMapping(attribute));
            }
        }

        if (UsernameClaims.TryGetValue(providerType, out var claim))
        {
            mapping.TryAdd("username", claim);
        }

        return null;
    }

    /// <summary>Identifiers must not repeat, nor be used by another provider of the pool (DuplicateProviderException).</summary>
    public async Task<AwsError?> CheckIdentifiersAsync(
        string poolId, string providerName, IReadOnlyList<string> identifiers, CancellationToken ct)
    {
        if (identifiers.Distinct(StringComparer.OrdinalIgnoreCase).Count() != identifiers.Count)
        {
            return AwsError.InvalidParameter(FederationMessages.DuplicateIdentifiers);
        }

        if (identifiers.Count == 0)
        {
            return null;
        }

        var others = await db.IdentityProviders.AsNoTracking()
            .Where(p => p.PoolId == poolId && p.ProviderName != providerName).ToListAsync(ct);
        var taken = others.SelectMany(ProviderDetails.ReadIdentifiers).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return identifiers.FirstOrDefault(taken.Contains) is { } used
            ? AwsError.DuplicateProvider(FederationMessages.IdentifierTaken(used))
            : null;
    }

    /// <summary>The type's rules complete the details, or refuse them; a type no rules handle is unsupported.</summary>
    public async Task<ProviderDetailsOutcome> CompleteDetailsAsync(
        string poolId, string providerName, string providerType, Dictionary<string, string> details, CancellationToken ct)
    {
        if (rules.FirstOrDefault(r => r.Handles(providerType)) is not { } rule)
        {
            return new ProviderDetailsOutcome(null, AwsError.InvalidParameter(FederationMessages.UnsupportedType(providerType)));
        }

        return await rule.CompleteAsync(poolId, providerName, providerType, details, ct);
    }
}
