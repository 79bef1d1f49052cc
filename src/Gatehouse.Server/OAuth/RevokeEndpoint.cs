using Gatehouse.Server.HostedUi;
using Gatehouse.Server.Tokens;
using Gatehouse.Server.UserPools;

namespace Gatehouse.Server.OAuth;

/// <summary>
/// <c>POST /oauth2/revoke</c> (RFC 7009): revokes a refresh token's family, and with it the access tokens of that
/// sign-in, as RevokeToken does. The client authenticates as at the token endpoint; a token this server does not
/// know, or that belongs to another client, is answered 200 without effect (RFC 7009 §2.2).
/// </summary>
internal static class RevokeEndpoint
{
    public static async Task<IResult> PostAsync(
        HttpContext context, ClientAuthentication clients, RefreshTokenStore store, TimeProvider clock, CancellationToken ct)
    {
        if (!context.Request.HasFormContentType)
        {
            return OAuthErrors.Json("invalid_request", "The body must be application/x-www-form-urlencoded.");
        }

        var form = await context.Request.ReadFormAsync(ct);
        var auth = await clients.AuthenticateAsync(context, context.PoolDomain(), form, ct);
        if (auth.Client is not { } client)
        {
            return string.Equals(auth.Error, "invalid_client", StringComparison.Ordinal)
                ? OAuthErrors.InvalidClient(context, auth.UsedBasic)
                : OAuthErrors.Json("invalid_request", "Client authentication is missing or malformed.");
        }

        if (form["token"].ToString() is not { Length: > 0 } text)
        {
            return OAuthErrors.Json("invalid_request", "token is required.");
        }

        if (UserPoolSettings.ReadClient(client).EnableTokenRevocation == false)
        {
            return OAuthErrors.Json("unauthorized_client", TokensMessages.RevocationDisabled);
        }

        if (!RefreshTokenFormat.LooksLikeRefreshToken(text))
        {
            return OAuthErrors.Json("unsupported_token_type");
        }

        if (await store.FindAsync(text, ct) is { } token && string.Equals(token.ClientId, client.ClientId, StringComparison.Ordinal))
        {
            await store.RevokeFamilyAsync(token.FamilyId, clock.GetUtcNow(), ct);
        }

        return Results.Ok();
    }
}
