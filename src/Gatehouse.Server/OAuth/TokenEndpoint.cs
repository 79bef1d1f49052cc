using System.Text.Json;
using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes;
using Gatehouse.Server.HostedUi;
using Gatehouse.Server.Storage;
using Gatehouse.Server.Tokens;
using Gatehouse.Server.UserPools;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Server.OAuth;

/// <summary>
/// <c>POST /oauth2/token</c> (protocol-notes §10): <c>authorization_code</c> (code single-use, bound to the client,
/// the redirect_uri and the PKCE verifier), <c>refresh_token</c> (the client's rotation setting applies), and
/// <c>client_credentials</c> (confidential clients, custom scopes). Checks in order: form body, client
/// authentication, client enabled for OAuth, then the grant's own checks. Errors per RFC 6749 §5.2.
/// </summary>
internal sealed class TokenEndpoint(
    AppDb db,
    AuthorizationCodes codes,
    SessionTokens tokens,
    RefreshTokenRedemption refreshes,
    SigningKeyStore keys,
    PoolIssuer issuer,
    PreTokenGeneration preTokenGeneration,
    TimeProvider clock)
{
    public static async Task<IResult> PostAsync(
        HttpContext context, TokenEndpoint endpoint, ClientAuthentication clients, CancellationToken ct)
    {
        if (!context.Request.HasFormContentType)
        {
            return OAuthErrors.Json("invalid_request", "The body must be application/x-www-form-urlencoded.");
        }

        var form = await context.Request.ReadFormAsync(ct);
        var domain = context.PoolDomain();
        var auth = await clients.AuthenticateAsync(context, domain, form, ct);
        if (auth.Client is not { } client)
        {
            return string.Equals(auth.Error, "invalid_client", StringComparison.Ordinal)
                ? OAuthErrors.InvalidClient(context, auth.UsedBasic)
                : OAuthErrors.Json("invalid_request", "Client authentication is missing or malformed.");
        }

        var settings = UserPoolSettings.ReadClient(client);
        if (settings.AllowedOAuthFlowsUserPoolClient != true)
        {
            return OAuthErrors.Json("unauthorized_client", "Client is not enabled for OAuth 2.0 flows.");
        }

        return form["grant_type"].ToString() switch
        {
            "authorization_code" => await endpoint.AuthorizationCodeAsync(client, form, ct),
            "refresh_token" => await endpoint.RefreshTokenAsync(client, form, ct),
            "client_credentials" => await endpoint.ClientCredentialsAsync(client, settings, form, ct),
            "" => OAuthErrors.Json("invalid_request", "grant_type is required."),
            _ => OAuthErrors.Json("unsupported_grant_type"),
        };
    }

    private async Task<IResult> AuthorizationCodeAsync(AppClient client, IFormCollection form, CancellationToken ct)
    {
        if (form["code"].ToString() is not { Length: > 0 } text)
        {
            return OAuthErrors.Json("invalid_request", "code is required.");
        }

        // Consumed first and whatever follows: a code is never accepted twice (RFC 6749 §4.1.2).
        if (await codes.RedeemAsync(text, ct) is not { } code
            || !string.Equals(code.ClientId, client.ClientId, StringComparison.Ordinal)
            || !string.Equals(code.RedirectUri, form["redirect_uri"].ToString(), StringComparison.Ordinal)
            || !AuthorizationCodes.VerifierMatches(code, form["code_verifier"].ToString() is { Length: > 0 } v ? v : null))
        {
            return OAuthErrors.Json("invalid_grant");
        }

        if (await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == code.UserId && u.Enabled, ct) is not { } user)
        {
            return OAuthErrors.Json("invalid_grant");
        }

        var (result, error) = await tokens.SignInAsync(client, user,
            new OAuthSignIn(code.Scopes, code.Nonce, code.AuthTime, true), ct);
        // SignInAsync returns tokens or an error.
        return result is not null ? Tokens(result) : TriggerFailure(error!) ?? OAuthErrors.Json("invalid_grant");
    }

    private async Task<IResult> RefreshTokenAsync(AppClient client, IFormCollection form, CancellationToken ct)
    {
        if (form["refresh_token"].ToString() is not { Length: > 0 } text)
        {
            return OAuthErrors.Json("invalid_request", "refresh_token is required.");
        }

        var (token, user, error) = await refreshes.ResolveAsync(client, text, ct);
        if (error is not null || token is null || user is null)
        {
            return OAuthErrors.Json("invalid_grant");
        }

        var redeemed = await refreshes.RedeemAsync(client, token, user,
            AwsError.NotAuthorized(TokensMessages.RefreshTokenReused), clientMetadata: null, ct);
        if (RefreshTokenRedemption.ResultOf(redeemed) is { } result)
        {
            return Tokens(result);
        }

        return redeemed.Error is { } failed && TriggerFailure(failed) is { } triggerFailure
            ? triggerFailure
            : OAuthErrors.Json("invalid_grant");
    }

    /// <summary>
    /// Machine-to-machine: only a client with a secret and the client_credentials flow; only custom scopes the client
    /// is allowed and whose resource server still exists; no scope asks for all of them.
    /// </summary>
    private async Task<IResult> ClientCredentialsAsync(
        AppClient client, UserPoolClientType settings, IFormCollection form, CancellationToken ct)
    {
        if (client.SecretProtected is null
            || !(settings.AllowedOAuthFlows ?? []).Contains("client_credentials", StringComparer.Ordinal))
        {
            return OAuthErrors.Json("unauthorized_client");
        }

        var existing = await ResourceServerScopes.LoadAsync(db, client.PoolId, ct);
        var allowed = (settings.AllowedOAuthScopes ?? []).Where(existing.Contains).ToHashSet(StringComparer.Ordinal);
        var requested = form["scope"].ToString() is { Length: > 0 } scope ? OAuthScopes.Split(scope) : [.. allowed];
        if (requested.Length == 0 || requested.Any(s => !allowed.Contains(s)))
        {
            return OAuthErrors.Json("invalid_scope");
        }

        if (ClientMetadata(form) is not { } metadata)
        {
            return OAuthErrors.Json("invalid_request", "aws_client_metadata must be a JSON object of strings.");
        }

        // Only a V3_0 pre token generation trigger customizes machine-to-machine tokens.
        var scopes = string.Join(' ', requested.Distinct(StringComparer.Ordinal));
        var (changes, error) = await preTokenGeneration.ForClientAsync(client, scopes, metadata, ct);
        if (changes is null)
        {
            // ForClientAsync returns changes or the trigger's error.
            return TriggerFailure(error!) ?? OAuthErrors.Json("invalid_request");
        }

        var now = clock.GetUtcNow();
        var validity = AppClientTokenValidity.AccessToken(settings);
        var payload = TokenClaimEdits.Apply(
            TokenClaimSets.ClientCredentialsAccessToken(issuer.For(client.PoolId), client.ClientId,
                TokenClaimEdits.Scopes(scopes, changes.ScopesToAdd, changes.ScopesToSuppress), now, validity,
                Guid.NewGuid().ToString(), Guid.NewGuid().ToString()),
            changes.AccessClaims, changes.AccessSuppress, accessToken: true);
        var accessToken = JwtIssuer.Sign(payload, await keys.SigningCredentialsAsync(client.PoolId, SigningKeyUses.Access, ct));
        return Tokens(new AuthenticationResultType
        {
            AccessToken = accessToken,
            ExpiresIn = (int)validity.TotalSeconds,
            TokenType = "Bearer",
        });
    }

    /// <summary>
    /// A Lambda trigger's failure as the token endpoint answers it: invalid_request with the trigger's message
    /// (the mapped AWS error's text); null for any other error.
    /// </summary>
    private static IResult? TriggerFailure(AwsError error) =>
        error.Type is "UserLambdaValidationException" or "UnexpectedLambdaException" or "InvalidLambdaResponseException"
            ? OAuthErrors.Json("invalid_request", error.Message)
            : null;

    /// <summary>
    /// <c>aws_client_metadata</c> of a client_credentials request: URL-encoded JSON of string values, passed to the
    /// V3_0 pre token generation trigger as <c>clientMetadata</c>; empty when absent, null when malformed.
    /// </summary>
    private static Dictionary<string, string>? ClientMetadata(IFormCollection form)
    {
        if (form["aws_client_metadata"].ToString() is not { Length: > 0 } text)
        {
            return new Dictionary<string, string>(StringComparer.Ordinal);
        }

        try
        {
            return JsonSerializer.Deserialize(text, Users.UsersJsonContext.Default.DictionaryStringString);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static IResult Tokens(AuthenticationResultType result)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            if (result.IdToken is { } id)
            {
                writer.WriteString("id_token", id);
            }

            writer.WriteString("access_token", result.AccessToken);
            if (result.RefreshToken is { } refresh)
            {
                writer.WriteString("refresh_token", refresh);
            }

            writer.WriteNumber("expires_in", result.ExpiresIn ?? 0);
            writer.WriteString("token_type", "Bearer");
            writer.WriteEndObject();
        }

        return Results.Bytes(stream.ToArray(), "application/json");
    }
}
