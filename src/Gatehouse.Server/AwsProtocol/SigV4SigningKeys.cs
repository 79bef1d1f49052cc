using System.Collections.Concurrent;

namespace Gatehouse.Server.AwsProtocol;

/// <summary>
/// Derived SigV4 signing keys (four chained HMACs), kept per access key, date, region and service: one key serves a
/// whole day of requests with the same credentials, so the hot path (forward-auth) computes it once. The secret is
/// part of the key of the entry, so a rotated secret never meets a stale key. Bounded: cleared when full.
/// </summary>
internal sealed class SigV4SigningKeys
{
    private const int MaxEntries = 20_000;
    private readonly ConcurrentDictionary<(string AccessKeyId, string Secret, string Scope), byte[]> _keys = new();

    public byte[] For(string accessKeyId, string secret, SigV4Header header)
    {
        var entry = (accessKeyId, secret, $"{header.Date}/{header.Region}/{header.Service}");
        if (_keys.TryGetValue(entry, out var key))
        {
            return key;
        }

        if (_keys.Count >= MaxEntries)
        {
            _keys.Clear();
        }

        return _keys[entry] = SigV4Signature.SigningKey(secret, header.Date, header.Region, header.Service);
    }
}
