using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace Gatehouse.Server.Sts;

/// <summary>
/// The signing keys of an external OpenID Connect issuer for <c>AssumeRoleWithWebIdentity</c>: its discovery
/// document (<c>{iss}/.well-known/openid-configuration</c>, OpenID Connect Discovery 1.0 §4) names <c>jwks_uri</c>,
/// whose key set is kept for <see cref="Lifetime"/>. A <c>kid</c> the set lacks triggers one refetch, at most every
/// <see cref="RefetchAfter"/>, so a rotated key is picked up and a flood of made-up kids costs nothing. Outbound HTTP
/// goes through the named client <see cref="HttpClientName"/> (the test seam).
/// </summary>
internal sealed class OidcKeySource(IHttpClientFactory http, TimeProvider clock, ILogger<OidcKeySource> logger)
{
    public const string HttpClientName = "Gatehouse.Sts.Oidc";
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);
    public static readonly TimeSpan RefetchAfter = TimeSpan.FromSeconds(30);
    private const int MaxIssuers = 1_000;
    private readonly ConcurrentDictionary<string, Entry> _byIssuer = new(StringComparer.Ordinal);

    /// <summary>The key with <paramref name="kid"/> (or, without a kid, all keys); null when the issuer can't be reached.</summary>
    public async Task<IReadOnlyList<SecurityKey>?> KeysAsync(string issuer, string? kid, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        _byIssuer.TryGetValue(issuer, out var entry);
        var stale = entry is null || entry.FetchedAt + Lifetime <= now;
        var missing = entry is not null && kid is not null && !entry.Keys.Keys.Any(k => k.KeyId == kid);
        if (stale || (missing && entry!.FetchedAt + RefetchAfter <= now))
        {
            if (await FetchAsync(issuer, ct) is { } fetched)
            {
                if (_byIssuer.Count > MaxIssuers)
                {
                    _byIssuer.Clear();
                }

                entry = new Entry(fetched, now);
                _byIssuer[issuer] = entry;
            }
            else if (stale)
            {
                return null;
            }
        }

        // Not null: a stale or absent entry either was fetched above or returned null.
        var keys = entry!.Keys.GetSigningKeys();
        return kid is null ? [.. keys] : [.. keys.Where(k => string.Equals(k.KeyId, kid, StringComparison.Ordinal))];
    }

    private async Task<JsonWebKeySet?> FetchAsync(string issuer, CancellationToken ct)
    {
        try
        {
            var client = http.CreateClient(HttpClientName);
            using var discovery = JsonDocument.Parse(
                await client.GetStringAsync(issuer.TrimEnd('/') + "/.well-known/openid-configuration", ct));
            if (!discovery.RootElement.TryGetProperty("jwks_uri", out var uri) || uri.GetString() is not { } jwksUri
                || !Uri.TryCreate(jwksUri, UriKind.Absolute, out var parsed) || parsed.Scheme is not ("https" or "http"))
            {
                return null;
            }

            return new JsonWebKeySet(await client.GetStringAsync(parsed, ct));
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException or ArgumentException or TaskCanceledException
            && !ct.IsCancellationRequested)
        {
            Log.OidcKeysUnavailable(logger, ex, issuer);
            return null;
        }
    }

    private sealed record Entry(JsonWebKeySet Keys, DateTimeOffset FetchedAt);
}
