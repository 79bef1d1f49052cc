using System.Security.Cryptography;
using System.Text;
using Gatehouse.Server.Storage;

namespace Gatehouse.Server.Sts;

/// <summary>
/// Mints temporary credentials for a role session: an <c>ASIA</c> access key id (AWS's prefix for temporary keys,
/// IAM User Guide reference_identifiers.html "Unique identifiers"), a 40-character secret, and the sealed session
/// token; records the issue with the secret only as a SHA-256 hash (<see cref="StsSession"/>).
/// </summary>
internal sealed class TemporaryCredentialIssuer(AppDb db, SessionTokenSealer sealer)
{
    private const string IdAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private const string SecretAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    /// <summary>
    /// Issues credentials for <paramref name="session"/> (whose <c>AccessKeyId</c> and <c>SecretAccessKey</c> are
    /// replaced by fresh ones) and saves the record.
    /// </summary>
    public async Task<TemporaryCredentials> IssueAsync(RoleSession session, CancellationToken ct)
    {
        var minted = session with
        {
            AccessKeyId = "ASIA" + RandomNumberGenerator.GetString(IdAlphabet, 16),
            SecretAccessKey = RandomNumberGenerator.GetString(SecretAlphabet, 40),
        };
        var token = sealer.Seal(minted);
        db.StsSessions.Add(new StsSession
        {
            AccessKeyId = minted.AccessKeyId,
            SecretHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(minted.SecretAccessKey))),
            RoleId = minted.RoleId,
            SessionName = minted.SessionName,
            Source = minted.Source,
            Subject = minted.Subject is { Length: > 512 } longSubject ? longSubject[..512] : minted.Subject,
            IssuedAt = DateTimeOffset.FromUnixTimeSeconds(minted.IssuedAt),
            ExpiresAt = DateTimeOffset.FromUnixTimeSeconds(minted.ExpiresAt),
        });
        await db.SaveChangesAsync(ct);
        return new TemporaryCredentials(
            minted.AccessKeyId, minted.SecretAccessKey, token, DateTimeOffset.FromUnixTimeSeconds(minted.ExpiresAt));
    }
}
