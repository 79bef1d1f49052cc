using System.Security.Cryptography;
using System.Text;
using Gatehouse.Server.HostedUi;
using Gatehouse.Server.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Gatehouse.Server.OAuth;

/// <summary>
/// Issues and redeems authorization codes. A code is 32 random bytes (base64url); only its SHA-256 is stored. It
/// lives <see cref="HostedUiOptions.AuthorizationCodeMinutes"/> and is redeemed by one conditional DELETE: of any
/// number of parallel redemptions, on any node, exactly one deletes the row and wins (RFC 9700 §4.5).
/// </summary>
internal sealed class AuthorizationCodes(AppDb db, IOptions<HostedUiOptions> options, TimeProvider clock)
{
    public async Task<string> IssueAsync(ValidAuthorize authorize, User user, DateTimeOffset authTime, CancellationToken ct)
    {
        var code = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        var request = authorize.Request;
        db.AuthorizationCodes.Add(new AuthorizationCode
        {
            CodeHash = Hash(code),
            PoolId = authorize.Client.PoolId,
            ClientId = authorize.Client.ClientId,
            UserId = user.Id,
            RedirectUri = authorize.RedirectUri,
            Scopes = authorize.Scopes,
            CodeChallenge = request.CodeChallenge,
            CodeChallengeMethod = request.CodeChallenge is null ? null : request.CodeChallengeMethod ?? "plain",
            Nonce = request.Nonce,
            AuthTime = authTime,
            ExpiresAt = clock.GetUtcNow().AddMinutes(options.Value.AuthorizationCodeMinutes),
        });
        await db.SaveChangesAsync(ct);
        return code;
    }

    /// <summary>The code's row when this call consumed it; null when unknown, expired or already consumed.</summary>
    public async Task<AuthorizationCode?> RedeemAsync(string code, CancellationToken ct)
    {
        var hash = Hash(code);
        var row = await db.AuthorizationCodes.AsNoTracking().FirstOrDefaultAsync(c => c.CodeHash == hash, ct);
        if (row is null)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var deleted = await db.AuthorizationCodes.Where(c => c.CodeHash == hash).ExecuteDeleteAsync(ct);
        return deleted == 1 && row.ExpiresAt > now ? row : null;
    }

    /// <summary>RFC 7636 §4.6: the verifier must match the stored challenge (S256 or plain).</summary>
    public static bool VerifierMatches(AuthorizationCode code, string? verifier)
    {
        if (code.CodeChallenge is null)
        {
            return verifier is null;
        }

        if (verifier is null || verifier.Length is < 43 or > 128)
        {
            return false;
        }

        var expected = string.Equals(code.CodeChallengeMethod, "S256", StringComparison.Ordinal)
            ? Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)))
            : verifier;
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(code.CodeChallenge));
    }

    private static string Hash(string code) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(code)));
}
