using Microsoft.AspNetCore.WebUtilities;

namespace Gatehouse.Server.OAuth;

/// <summary>
/// The parameters of <c>/oauth2/authorize</c> (protocol-notes §10), as received in the query, and carried through
/// the hosted pages as hidden form fields so that a sign-in completes the original request.
/// </summary>
internal sealed record AuthorizeRequest(
    string? ResponseType,
    string? ClientId,
    string? RedirectUri,
    string? State,
    string? Scope,
    string? CodeChallenge,
    string? CodeChallengeMethod,
    string? Nonce,
    string? IdentityProvider,
    string? IdpIdentifier,
    string? Prompt,
    string? Lang,
    string? LoginHint)
{
    public static AuthorizeRequest From(Func<string, string?> get) => new(
        get("response_type"), get("client_id"), get("redirect_uri"), get("state"), get("scope"),
        get("code_challenge"), get("code_challenge_method"), get("nonce"), get("identity_provider"),
        get("idp_identifier"), get("prompt"), get("lang"), get("login_hint"));

    public static AuthorizeRequest FromQuery(IQueryCollection query) =>
        From(name => query.TryGetValue(name, out var v) && v.Count > 0 ? v[0] : null);

    public static AuthorizeRequest FromForm(IFormCollection form) =>
        From(name => form.TryGetValue(name, out var v) && v.Count > 0 ? v[0] : null);

    /// <summary>The parameters that were given, by their wire names.</summary>
    public IEnumerable<KeyValuePair<string, string>> Parameters()
    {
        (string Name, string? Value)[] all =
        [
            ("response_type", ResponseType), ("client_id", ClientId), ("redirect_uri", RedirectUri), ("state", State),
            ("scope", Scope), ("code_challenge", CodeChallenge), ("code_challenge_method", CodeChallengeMethod),
            ("nonce", Nonce), ("identity_provider", IdentityProvider), ("idp_identifier", IdpIdentifier),
            ("prompt", Prompt), ("lang", Lang), ("login_hint", LoginHint),
        ];
        return all.Where(p => p.Value is not null).Select(p => KeyValuePair.Create(p.Name, p.Value!));
    }

    /// <summary><paramref name="path"/> with these parameters as its query (e.g. <c>/login?...</c>).</summary>
    public string WithQuery(string path) => QueryHelpers.AddQueryString(path, Parameters()!);

    /// <summary>The same request without <c>prompt</c>, for pages that continue it after a sign-in.</summary>
    public AuthorizeRequest WithoutPrompt() => this with { Prompt = null };
}
