using Gatehouse.Server.Storage;
using Gatehouse.Server.UserPools;

namespace Gatehouse.Server.OAuth;

/// <summary>The client settings the OAuth endpoints read besides authentication.</summary>
internal sealed class ClientReadAttributes(AppDb db)
{
    /// <summary>The client's ReadAttributes; null (all) when it sets none or no longer exists.</summary>
    public async Task<IReadOnlyCollection<string>?> ReadAttributesAsync(string clientId, CancellationToken ct) =>
        await db.FindClientAsync(clientId, ct) is { } client ? UserPoolSettings.ReadClient(client).ReadAttributes : null;
}
