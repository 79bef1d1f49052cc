namespace Gatehouse.Server.Tokens;

/// <summary>The OAuth scope names Cognito knows besides resource servers' custom scopes.</summary>
internal static class OAuthScopes
{
    public const string OpenId = "openid";
    public const string Email = "email";
    public const string Phone = "phone";
    public const string Profile = "profile";

    /// <summary>The standard scopes a client may allow; custom scopes are <c>{resource server}/{scope}</c>.</summary>
    public static readonly IReadOnlySet<string> Standard =
        new HashSet<string>([OpenId, Email, Phone, Profile, TokenClaimSets.AdminScope], StringComparer.Ordinal);

    public static string[] Split(string? scopes) =>
        (scopes ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
