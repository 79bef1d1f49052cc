using Gatehouse.Server.OAuth;
using Gatehouse.Server.Storage;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Server.Federation;

/// <summary>
/// The external providers a client offers on the login page: those of its SupportedIdentityProviders (other than
/// COGNITO) that exist in the pool, in the client's order; and the one whose IdpIdentifiers hold an e-mail's domain.
/// </summary>
internal static class ClientProviders
{
    public static async Task<List<IdentityProvider>> LoadAsync(AppDb db, ValidAuthorize authorize, CancellationToken ct)
    {
        var names = (authorize.Settings.SupportedIdentityProviders ?? [])
            .Where(n => !string.Equals(n, ValidAuthorize.Cognito, StringComparison.Ordinal)).ToList();
        if (names.Count == 0)
        {
            return [];
        }

        var providers = await db.IdentityProviders.AsNoTracking()
            .Where(p => p.PoolId == authorize.Client.PoolId && names.Contains(p.ProviderName)).ToListAsync(ct);
        return [.. providers.OrderBy(p => names.IndexOf(p.ProviderName))];
    }

    /// <summary>The provider whose identifiers hold the domain of <paramref name="email"/> (ignoring case); null if none.</summary>
    public static IdentityProvider? ForEmail(IEnumerable<IdentityProvider> providers, string email)
    {
        var at = email.LastIndexOf('@');
        if (at <= 0 || at == email.Length - 1)
        {
            return null;
        }

        var domain = email[(at + 1)..].Trim();
        return providers.FirstOrDefault(p => ProviderDetails.ReadIdentifiers(p).Contains(domain, StringComparer.OrdinalIgnoreCase));
    }
}
