using System.Text.Json;
using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes;
using Gatehouse.Server.Storage;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Server.UserPools;

/// <summary>
/// The custom scopes of a pool's resource servers: the stored scope list of one server (format in
/// <see cref="ResourceServer"/>), its wire shape, and the pool's full scope names <c>{Identifier}/{ScopeName}</c>
/// that app clients may allow (AllowedOAuthScopes) and the token endpoint may grant.
/// </summary>
internal static class ResourceServerScopes
{
    /// <summary>Cognito's quota "Resource servers per user pool" (Amazon Cognito quotas page).</summary>
    public const int MaxPerPool = 25;

    public static IReadOnlyList<ResourceServerScopeType> Read(ResourceServer server) =>
        JsonSerializer.Deserialize(server.Scopes, CognitoIdpJsonContext.Default.ResourceServerType)?.Scopes ?? [];

    public static string Write(IReadOnlyList<ResourceServerScopeType>? scopes) =>
        JsonSerializer.Serialize(new ResourceServerType { Scopes = scopes ?? [] }, CognitoIdpJsonContext.Default.ResourceServerType);

    public static ResourceServerType Describe(ResourceServer server) => new()
    {
        UserPoolId = server.PoolId,
        Identifier = server.Identifier,
        Name = server.Name,
        Scopes = Read(server),
    };

    /// <summary>A scope named twice in one request is refused (names are case-sensitive).</summary>
    public static AwsError? RejectDuplicates(IReadOnlyList<ResourceServerScopeType>? scopes) =>
        (scopes ?? []).GroupBy(s => s.ScopeName, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice
            ? AwsError.InvalidParameter(UserPoolMessages.DuplicateScopeName(twice.Key))
            : null;

    /// <summary>Every custom scope of the pool as <c>{Identifier}/{ScopeName}</c>.</summary>
    public static async Task<IReadOnlySet<string>> LoadAsync(AppDb db, string poolId, CancellationToken ct)
    {
        var servers = await db.ResourceServers.AsNoTracking().Where(r => r.PoolId == poolId).ToListAsync(ct);
        return servers.SelectMany(r => Read(r).Select(s => $"{r.Identifier}/{s.ScopeName}"))
            .ToHashSet(StringComparer.Ordinal);
    }

    public static Task<ResourceServer?> FindAsync(AppDb db, string poolId, string identifier, CancellationToken ct) =>
        db.ResourceServers.FirstOrDefaultAsync(r => r.PoolId == poolId && r.Identifier == identifier, ct);
}
