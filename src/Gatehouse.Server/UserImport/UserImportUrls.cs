using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Gatehouse.Server.Storage;

namespace Gatehouse.Server.UserImport;

/// <summary>
/// The job's PreSignedUrl, which Gatehouse serves itself (<see cref="UserImportUpload"/>), in place of Cognito's S3
/// URL: <c>{PublicBaseUrl}/user-import/upload/{jobId}?X-Gatehouse-Expires={epoch seconds}&amp;X-Gatehouse-Signature={sig}</c>.
/// Format v1 of the signature: <c>v1.</c> + base64url( HMAC-SHA256( key, UTF-8( "v1" \n jobId \n expires ) ) ), the
/// key derived from the master key with HKDF (info below), so every node checks any node's URL and a URL names one
/// job and one expiry: changing either, or signing on another instance, breaks it.
/// </summary>
internal sealed class UserImportUrls
{
    public const string RoutePrefix = "/user-import/upload/";
    public const string ExpiresParameter = "X-Gatehouse-Expires";
    public const string SignatureParameter = "X-Gatehouse-Signature";
    private const string V1 = "v1";
    private readonly byte[] _key;

    public UserImportUrls(MasterKey masterKey)
    {
        _key = HKDF.DeriveKey(HashAlgorithmName.SHA256, masterKey.Bytes, 32, salt: [],
            info: Encoding.UTF8.GetBytes("gatehouse user-import upload url v1"));
    }

    public string For(string publicBaseUrl, string jobId, DateTimeOffset expiresAt)
    {
        var expires = expiresAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return $"{publicBaseUrl}{RoutePrefix}{Uri.EscapeDataString(jobId)}?{ExpiresParameter}={expires}"
            + $"&{SignatureParameter}={Sign(jobId, expires)}";
    }

    /// <summary>Whether <paramref name="signature"/> is this instance's signature over the job id and expiry.</summary>
    public bool Verify(string jobId, string expires, string signature)
    {
        var expected = Encoding.ASCII.GetBytes(Sign(jobId, expires));
        var presented = Encoding.ASCII.GetBytes(signature);
        return presented.Length == expected.Length && CryptographicOperations.FixedTimeEquals(expected, presented);
    }

    private string Sign(string jobId, string expires)
    {
        var mac = HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes($"{V1}\n{jobId}\n{expires}"));
        return V1 + "." + Convert.ToBase64String(mac).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }
}
