using Microsoft.AspNetCore.WebUtilities;

namespace Gatehouse.Server.OAuth;

/// <summary>
/// Redirects back to a client's verified redirect_uri: parameters in the query for the code flow, in the fragment
/// for the implicit flow (RFC 6749 §4.1.2, §4.2.2), with <c>state</c> always returned unchanged.
/// </summary>
internal static class OAuthRedirects
{
    public static IResult Success(ValidAuthorize authorize, IEnumerable<KeyValuePair<string, string?>> parameters) =>
        Build(authorize.RedirectUri, authorize.Implicit, parameters.Append(KeyValuePair.Create("state", authorize.Request.State)));

    public static IResult Error(string redirectUri, bool inFragment, string error, string? description, string? state) =>
        Build(redirectUri, inFragment,
        [
            KeyValuePair.Create("error", (string?)error),
            KeyValuePair.Create("error_description", description),
            KeyValuePair.Create("state", state),
        ]);

    private static IResult Build(string redirectUri, bool inFragment, IEnumerable<KeyValuePair<string, string?>> parameters)
    {
        var given = parameters.Where(p => p.Value is not null).ToList();
        if (!inFragment)
        {
            return Results.Redirect(QueryHelpers.AddQueryString(redirectUri, given));
        }

        var fragment = string.Join('&', given.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value!)}"));
        return Results.Redirect($"{redirectUri}#{fragment}");
    }
}
