namespace Gatehouse.Server.IdentityPools;

/// <summary>
/// One entry of a Logins map whose token was verified. <see cref="Provider"/> is the map's key (the
/// <see cref="Storage.IdentityLogin"/> provider), <see cref="Subject"/> the user there; <see cref="RoleMappingKey"/>
/// is how RoleMappings key the provider (a user pool as <c>&lt;ProviderName&gt;:&lt;ClientId&gt;</c>);
/// <see cref="Claims"/> are the token's claims, multi-valued (role rules and principal tags read them);
/// <see cref="Amr"/> what the login adds to an OpenID token's <c>amr</c> after <c>authenticated</c>. An OpenID token
/// of this pool (<c>cognito-identity.amazonaws.com</c>) names its identity directly in <see cref="IdentityId"/>.
/// </summary>
internal sealed record VerifiedLogin(
    string Provider,
    string Subject,
    string RoleMappingKey,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Claims,
    IReadOnlyList<string> Amr,
    string? IdentityId = null)
{
    public string? Claim(string name) => Claims.TryGetValue(name, out var values) && values.Count > 0 ? values[0] : null;
}
