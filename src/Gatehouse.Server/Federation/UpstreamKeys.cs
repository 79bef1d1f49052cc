using System.Collections.Concurrent;
using Microsoft.IdentityModel.Tokens;

namespace Gatehouse.Server.Federation;

/// <summary>
/// The signing keys of OIDC and social providers by their <c>jwks_uri</c>, kept for <see cref="Lifetime"/>. A
/// <c>kid</c> the set lacks triggers one refetch, at most every <see cref="RefetchAfter"/>, so a rotated key is picked
/// up and a flood of made-up kids costs the provider nothing. Keys come only from the configured <c>jwks_uri</c>,
/// never from a token's own <c>jku</c>/<c>x5u</c>/<c>jwk</c> headers.
/// </summary>
internal sealed class UpstreamKeys(UpstreamClient http, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan RefetchAfter = TimeSpan.FromSeconds(30);
    private const int MaxEntries = 1_000;
    private readonly ConcurrentDictionary<string, Entry> _byUri = new(StringComparer.Ordinal);

    /// <summary>The keys with <paramref name="kid"/> (all keys when the token has none); null when the set can't be had.</summary>
    public async Task<IReadOnlyList<SecurityKey>?> KeysAsync(string jwksUri, string? kid, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        _byUri.TryGetValue(jwksUri, out var entry);
        var stale = entry is null || entry.FetchedAt + Lifetime <= now;
        var missing = entry is not null && kid is not null && !entry.Keys.Any(k => string.Equals(k.KeyId, kid, StringComparison.Ordinal));
        if (stale || (missing && entry!.FetchedAt + RefetchAfter <= now))
        {
            if (await FetchAsync(jwksUri, ct) is { } fetched)
            {
                if (_byUri.Count > MaxEntries)
                {
                    _byUri.Clear();
                }

                entry = new Entry(fetched, now);
                _byUri[jwksUri] = entry;
            }
            else if (stale)
            {
                return null;
            }
        }

        // Not null: a stale or absent entry either was fetched above or returned null.
        var keys = entry!.Keys;
        return kid is null ? keys : [.. keys.Where(k => string.Equals(k.KeyId, kid, StringComparison.Ordinal))];
    }

    private async Task<IReadOnlyList<SecurityKey>?> FetchAsync(string jwksUri, CancellationToken ct)
    {
        if (!Uri.TryCreate(jwksUri, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
        {
            return null;
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        var reply = await http.SendAsync(request, ct);
        if (reply.Json is not { } json)
        {
            return null;
        }

        try
        {
            return [.. new JsonWebKeySet(json.GetRawText()).GetSigningKeys()];
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private sealed record Entry(IReadOnlyList<SecurityKey> Keys, DateTimeOffset FetchedAt);
}
