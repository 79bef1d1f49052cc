using System.Globalization;
using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes;
using Gatehouse.Server.Storage;
using Gatehouse.Server.Tokens;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Server.Passkeys;

/// <summary>
/// ListWebAuthnCredentials: the caller's passkeys, oldest first, MaxResults 1-20 (default 20, the model's range).
/// NextToken format v1: <c>v1.</c> followed by the row id of the last credential returned, in decimal; it only
/// selects rows of the caller, so a forged token can reveal nothing.
/// </summary>
internal sealed class ListWebAuthnCredentials(AppDb db, AccessTokenAuthenticator authenticator)
    : IAwsHandler<ListWebAuthnCredentialsRequest>
{
    private const string TokenPrefix = "v1.";

    public async Task<AwsResult> HandleAsync(ListWebAuthnCredentialsRequest request, CancellationToken ct)
    {
        var (caller, error) = await authenticator.AuthenticateAsync(request.AccessToken, ct);
        if (caller is null)
        {
            // AuthenticateAsync returns an error whenever it returns no caller.
            return error!;
        }

        if (request.MaxResults is < 1 or > StartWebAuthnRegistration.MaxCredentialsPerUser)
        {
            return AwsError.InvalidParameter(PasskeyMessages.InvalidMaxResults);
        }

        long after = 0;
        if (request.NextToken is { } token
            && (!token.StartsWith(TokenPrefix, StringComparison.Ordinal)
                || !long.TryParse(token.AsSpan(TokenPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out after)))
        {
            return AwsError.InvalidParameter(PasskeyMessages.InvalidNextToken);
        }

        var limit = request.MaxResults ?? StartWebAuthnRegistration.MaxCredentialsPerUser;
        var page = await db.WebAuthnCredentials
            .Where(c => c.UserId == caller.User.Id && c.Id > after)
            .OrderBy(c => c.Id)
            .Take(limit + 1)
            .ToListAsync(ct);
        var more = page.Count > limit;
        var shown = page.Take(limit).ToList();
        return AwsResult.Ok(new ListWebAuthnCredentialsResponse
        {
            Credentials = [.. shown.Select(Describe)],
            NextToken = more ? TokenPrefix + shown[^1].Id.ToString(CultureInfo.InvariantCulture) : null,
        });
    }

    private static WebAuthnCredentialDescription Describe(WebAuthnCredential c) => new()
    {
        CredentialId = c.CredentialId,
        FriendlyCredentialName = c.FriendlyName,
        RelyingPartyId = c.RelyingPartyId,
        AuthenticatorAttachment = c.AuthenticatorAttachment,
        AuthenticatorTransports = WebAuthnTransports.List(c.Transports),
        CreatedAt = c.CreatedAt,
    };
}
