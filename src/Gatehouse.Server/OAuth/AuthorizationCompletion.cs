using System.Globalization;
using Gatehouse.Server.Storage;
using Gatehouse.Server.Tokens;

namespace Gatehouse.Server.OAuth;

/// <summary>
/// Ends an authorize request for a signed-in user: the code flow redirects with a new authorization code; the
/// implicit flow with the tokens in the fragment (no refresh token, as Cognito).
/// </summary>
internal sealed class AuthorizationCompletion(AuthorizationCodes codes, SessionTokens tokens)
{
    public async Task<IResult> CompleteAsync(ValidAuthorize authorize, User user, DateTimeOffset authTime, CancellationToken ct)
    {
        if (!authorize.Implicit)
        {
            var code = await codes.IssueAsync(authorize, user, authTime, ct);
            return OAuthRedirects.Success(authorize, [KeyValuePair.Create("code", (string?)code)]);
        }

        var (result, error) = await tokens.SignInAsync(authorize.Client, user,
            new OAuthSignIn(authorize.Scopes, authorize.Request.Nonce, authTime, IssueRefreshToken: false), ct);
        if (result is null)
        {
            // The pre token generation trigger failed (SignInAsync returns tokens or an error): the implicit grant
            // answers the redirect_uri with the error, as RFC 6749 §4.2.2.1 does for a server-side refusal.
            return OAuthRedirects.Error(authorize.RedirectUri, inFragment: true, "server_error", error!.Message,
                authorize.Request.State);
        }

        return OAuthRedirects.Success(authorize,
        [
            KeyValuePair.Create("access_token", result.AccessToken),
            KeyValuePair.Create("id_token", result.IdToken),
            KeyValuePair.Create("token_type", (string?)"Bearer"),
            KeyValuePair.Create("expires_in", (string?)(result.ExpiresIn ?? 0).ToString(CultureInfo.InvariantCulture)),
        ]);
    }
}
