using System.ComponentModel.DataAnnotations;

namespace Gatehouse.Server.HostedUi;

/// <summary>
/// Hosted UI and OAuth settings, section <c>Gatehouse:HostedUi</c>. A prefix domain is served at
/// <c>&lt;prefix&gt;.&lt;DomainSuffix&gt;</c> (default <c>auth.localhost</c>: browsers resolve every
/// <c>*.localhost</c> name to loopback, so it works without DNS) and under <c>/domains/&lt;prefix&gt;/</c> on any host.
/// </summary>
internal sealed class HostedUiOptions
{
    public const string Section = "Gatehouse:HostedUi";

    [Required]
    [RegularExpression(@"^[a-z0-9]([a-z0-9\-.]*[a-z0-9])?$", ErrorMessage = "Gatehouse:HostedUi:DomainSuffix must be a host name.")]
    public string DomainSuffix { get; set; } = "auth.localhost";

    /// <summary>How long the hosted UI's sign-in cookie lets a later authorize skip the form (Cognito: 1 hour).</summary>
    [Range(1, 1440)]
    public int SessionMinutes { get; set; } = 60;

    /// <summary>How long an authorization code can be redeemed (Cognito: 5 minutes).</summary>
    [Range(1, 10)]
    public int AuthorizationCodeMinutes { get; set; } = 5;

    /// <summary>
    /// Public clients (no secret) must send a PKCE code_challenge with <c>response_type=code</c> (RFC 9700 §2.1.1).
    /// Cognito has no API setting for this; Gatehouse has it as configuration, on by default.
    /// </summary>
    public bool RequirePkceForPublicClients { get; set; } = true;
}
