using System.Collections.Concurrent;

namespace Gatehouse.Server.Sts;

/// <summary>
/// Resolves temporary credentials (<c>ASIA...</c> key id + <c>X-Amz-Security-Token</c>) to their
/// <see cref="RoleSession"/> without reading the store: the token opens only under the master key
/// (<see cref="SessionTokenSealer"/>) and must carry the very key id it is presented with. Opened tokens are kept
/// (bounded), since SigV4 checks on the hot path (forward-auth) see the same token again and again; a token's
/// content never changes, so the cache needs no lifetime beyond the session's own expiry, which callers check.
/// </summary>
internal sealed class SessionCredentials(SessionTokenSealer sealer)
{
    public const string TemporaryKeyPrefix = "ASIA";
    private const int MaxEntries = 20_000;
    private readonly ConcurrentDictionary<string, RoleSession> _opened = new(StringComparer.Ordinal);

    public static bool IsTemporary(string accessKeyId) =>
        accessKeyId.StartsWith(TemporaryKeyPrefix, StringComparison.Ordinal);

    /// <summary>The session of <paramref name="token"/> when it opens and belongs to <paramref name="accessKeyId"/>; else null.</summary>
    public RoleSession? Open(string accessKeyId, string token) =>
        Open(token) is { } session && string.Equals(session.AccessKeyId, accessKeyId, StringComparison.Ordinal) ? session : null;

    /// <summary>The session of a token this server sealed, whoever presents it (the admin decision API); else null.</summary>
    public RoleSession? Open(string token)
    {
        if (!_opened.TryGetValue(token, out var session))
        {
            if (sealer.Open(token) is not { } opened)
            {
                return null;
            }

            if (_opened.Count >= MaxEntries)
            {
                _opened.Clear();
            }

            session = _opened.GetOrAdd(token, opened);
        }

        return session;
    }

    public static bool IsExpired(RoleSession session, DateTimeOffset now) => now.ToUnixTimeSeconds() >= session.ExpiresAt;
}
