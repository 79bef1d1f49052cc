using System.ComponentModel.DataAnnotations;

namespace Gatehouse.Server.Federation;

/// <summary>
/// Limits on the calls Gatehouse makes to OIDC and social providers (token, userInfo and JWKS endpoints), section
/// <c>Gatehouse:Federation:Upstream</c>: a provider that hangs or answers megabytes fails the sign-in within
/// <see cref="TimeoutSeconds"/> instead of holding the request (security-suite #48).
/// </summary>
internal sealed class UpstreamClientOptions
{
    public const string Section = "Gatehouse:Federation:Upstream";

    /// <summary>The whole call, headers and body, must finish within this many seconds.</summary>
    [Range(1, 120)]
    public int TimeoutSeconds { get; set; } = 10;

    /// <summary>Larger answers are refused.</summary>
    [Range(1024, 16 * 1024 * 1024)]
    public int MaxResponseBytes { get; set; } = 1024 * 1024;
}
