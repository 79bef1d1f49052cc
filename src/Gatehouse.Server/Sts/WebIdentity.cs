namespace Gatehouse.Server.Sts;

/// <summary>
/// A verified web identity about to assume a role. <see cref="Provider"/> is the federated principal:
/// <c>cognito-identity.amazonaws.com</c> for identity-pool tokens, else the IAM OIDC provider's host/path.
/// <see cref="ContextKeys"/> are its condition keys (IAM User Guide, reference_policies_iam-condition-keys.html
/// #condition-keys-wif): <c>cognito-identity.amazonaws.com:aud</c>, <c>:sub</c>, <c>:amr</c> (multi-valued), or
/// <c>&lt;host/path&gt;:aud</c>, <c>:sub</c> for OIDC providers.
/// </summary>
internal sealed record WebIdentity(string Provider, string Subject, string Audience,
    IReadOnlyDictionary<string, IReadOnlyList<string>> ContextKeys);
