using Gatehouse.Server.AwsProtocol.Shapes.CognitoIdentity;
using Gatehouse.Server.Storage;

namespace Gatehouse.Server.IdentityPools;

/// <summary>The <c>IdentityDescription</c> of an identity: its logins' provider names (left out when it has none) and dates.</summary>
internal static class IdentityView
{
    public static IdentityDescription Describe(Identity identity, IReadOnlyList<string> providers) => new()
    {
        IdentityId = identity.Id,
        Logins = providers.Count > 0 ? providers : null,
        CreationDate = identity.CreatedAt,
        LastModifiedDate = identity.LastModifiedAt,
    };
}
